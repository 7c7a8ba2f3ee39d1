package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.dml.SqlUpdateFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * UPDATE t [alias] SET col = expr, ... FROM from_list [WHERE cond], with PostgreSQL's semantics:
 * each target row is updated at most once, from the first joined row that satisfies the WHERE
 * condition. Every target row is checked by joining it with the FROM list (a nested loop: the FROM
 * tables are read once per target row), and re-checked on its latest version after its row lock
 * as UPDATE does (READ COMMITTED).
 */
public final class UpdateFromPlan extends RowWritingPlan {
    private final RowWriter writer;
    private final RowProgram program;
    private final int[] targets;

    private UpdateFromPlan(RowWriter writer, RowProgram program, int[] targets, List<DataType> parameterTypes) {
        super(parameterTypes);
        this.writer = writer;
        this.program = program;
        this.targets = targets;
    }

    public static UpdateFromPlan create(EngineContext engine, Supplier<SqlUpdateFrom> fresh, List<DataType> declared) {
        SqlUpdate update = fresh.get().update();
        TableDef table = Tables.resolve(engine.catalog(), (SqlIdentifier) update.getTargetTable());
        String alias = update.getAlias() != null ? update.getAlias().getSimple() : table.name();
        int[] targets = UpdatePlan.targetColumns(engine, table, update);
        RowProgram program = RowProgram.compileJoined(engine, table, alias, p -> {
            SqlUpdateFrom node = fresh.get();
            SqlUpdate u = node.update();
            List<SqlNode> items = new ArrayList<>();
            items.add(u.getCondition() == null ? null : u.getCondition().accept(p));
            List<SqlNode> expressions = u.getSourceExpressionList().getList();
            for (int i = 0; i < expressions.size(); i++) {
                items.add(Untyped.asColumn(expressions.get(i), table.columns().get(targets[i]).type()).accept(p));
            }
            items.add(node.from().accept(p));
            return items;
        }, declared);
        UpdatePlan.checkAssignments(program, table, targets);
        return new UpdateFromPlan(new RowWriter(engine, table), program, targets, program.parameterTypes(declared));
    }

    @Override
    public List<String> explain() {
        return List.of("Update on " + writer.table().name(),
                "  ->  Scan on " + writer.table().name() + " (every row joined with the FROM list, first match used)");
    }

    @Override
    public TableDef table() {
        return writer.table();
    }

    @Override
    public String tag(long rows) {
        return "UPDATE " + rows;
    }

    @Override
    public long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written) {
        return RowModification.run(context, parameters, writer, program, null,
                UpdatePlan.assigning(context, writer, targets, written));
    }
}
