package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/** UPDATE t [alias] SET col = expr, ... [WHERE cond]. */
public final class UpdatePlan extends RowWritingPlan {
    private final RowWriter writer;
    private final RowProgram program;
    private final KeyLookup lookup;
    private IndexPath path;
    private final int[] targets;

    private UpdatePlan(RowWriter writer, RowProgram program, KeyLookup lookup, int[] targets,
            List<DataType> parameterTypes) {
        super(parameterTypes);
        this.writer = writer;
        this.program = program;
        this.lookup = lookup;
        this.targets = targets;
    }

    public static UpdatePlan create(EngineContext engine, Supplier<SqlUpdate> fresh, List<DataType> declared) {
        SqlUpdate update = fresh.get();
        TableDef table = Tables.resolve(engine.catalog(), (SqlIdentifier) update.getTargetTable());
        String alias = update.getAlias() != null ? update.getAlias().getSimple() : table.name();
        List<SqlNode> columns = update.getTargetColumnList().getList();
        int[] targets = new int[columns.size()];
        for (int i = 0; i < targets.length; i++) {
            SqlIdentifier id = (SqlIdentifier) columns.get(i);
            targets[i] = table.columnIndex(id.names.get(id.names.size() - 1));
            if (targets[i] < 0) {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN,
                        id.getSimple() + "\" of relation \"" + table.name()), id);
            }
        }
        io.rustydb.sql.sequence.SequenceDefaults identities =
                io.rustydb.sql.sequence.SequenceDefaults.of(engine.catalog(), table);
        for (int target : targets) {
            identities.checkUpdate(target);
        }
        RowProgram program = RowProgram.compile(engine, table, alias, p -> {
            SqlUpdate u = fresh.get();
            List<SqlNode> items = new ArrayList<>();
            items.add(u.getCondition() == null ? null : u.getCondition().accept(p));
            List<SqlNode> expressions = u.getSourceExpressionList().getList();
            for (int i = 0; i < expressions.size(); i++) {
                items.add(Untyped.asColumn(expressions.get(i), table.columns().get(targets[i]).type()).accept(p));
            }
            return items;
        }, declared);
        List<ResultColumn> outputs = program.outputs();
        for (int i = 0; i < targets.length; i++) {
            Assignment.check(outputs.get(i + 1).type().type(), table.columns().get(targets[i]));
        }
        KeyLookup lookup = KeyLookup.of(update.getCondition(), table, alias);
        UpdatePlan plan = new UpdatePlan(new RowWriter(engine, table), program, lookup, targets,
                program.parameterTypes(declared));
        plan.path = lookup == null ? IndexPath.of(engine.catalog(), update.getCondition(), table, alias) : null;
        return plan;
    }

    @Override
    public List<String> explain() {
        return RowModification.explain("Update", writer.table(), lookup != null, path);
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
        return RowModification.run(context, parameters, writer, program, lookup, path, (key, row, evaluated) -> {
            Object[] updated = row.clone();
            for (int i = 0; i < targets.length; i++) {
                updated[targets[i]] = writer.convert(targets[i], evaluated[i + 1]);
            }
            writer.update(context.transaction(), key, row, updated);
            written.accept(updated);
        });
    }
}
