package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/** DELETE FROM t [alias] [WHERE cond]. */
public final class DeletePlan extends RowWritingPlan {
    private final RowWriter writer;
    private final RowProgram program;
    private final KeyLookup lookup;
    private IndexPath path;
    private String suggestion;

    private DeletePlan(RowWriter writer, RowProgram program, KeyLookup lookup, List<DataType> parameterTypes) {
        super(parameterTypes);
        this.writer = writer;
        this.program = program;
        this.lookup = lookup;
    }

    public static DeletePlan create(EngineContext engine, Supplier<SqlDelete> fresh, List<DataType> declared) {
        SqlDelete delete = fresh.get();
        TableDef table = Tables.resolve(engine.catalog(), (SqlIdentifier) delete.getTargetTable());
        String alias = delete.getAlias() != null ? delete.getAlias().getSimple() : table.name();
        RowProgram program = RowProgram.compile(engine, table, alias, p -> {
            SqlDelete d = fresh.get();
            List<SqlNode> items = new ArrayList<>();
            items.add(d.getCondition() == null ? null : d.getCondition().accept(p));
            return items;
        }, declared);
        KeyLookup lookup = KeyLookup.of(delete.getCondition(), table, alias);
        DeletePlan plan = new DeletePlan(new RowWriter(engine, table), program, lookup, program.parameterTypes(declared));
        plan.path = lookup == null ? IndexPath.of(engine.catalog(), delete.getCondition(), table, alias) : null;
        plan.suggestion = lookup == null && plan.path == null ? IndexPath.suggestion(delete.getCondition(), table, alias) : null;
        return plan;
    }

    @Override
    public List<String> explain() {
        return RowModification.explain("Delete", writer.table(), lookup != null, path);
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        return RowModification.tree("Delete", writer.table(), lookup != null, path);
    }

    @Override
    public String indexSuggestion() {
        return suggestion;
    }

    @Override
    public TableDef table() {
        return writer.table();
    }

    @Override
    public String tag(long rows) {
        return "DELETE " + rows;
    }

    @Override
    public long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written) {
        return RowModification.run(context, parameters, writer, program, lookup, path, (key, row, evaluated) -> {
            writer.delete(context.transaction(), key, row);
            written.accept(row);
        });
    }
}
