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
    private String suggestion;
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
        int[] targets = targetColumns(engine, table, update);
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
        checkAssignments(program, table, targets);
        KeyLookup lookup = KeyLookup.of(update.getCondition(), table, alias);
        UpdatePlan plan = new UpdatePlan(new RowWriter(engine, table), program, lookup, targets,
                program.parameterTypes(declared));
        plan.path = lookup == null ? IndexPath.of(engine.catalog(), update.getCondition(), table, alias) : null;
        plan.suggestion = lookup == null && plan.path == null ? IndexPath.suggestion(update.getCondition(), table, alias) : null;
        return plan;
    }

    @Override
    public List<String> explain() {
        return RowModification.explain("Update", writer.table(), lookup != null, path);
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        return RowModification.tree("Update", writer.table(), lookup != null, path);
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
        return "UPDATE " + rows;
    }

    @Override
    public long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written) {
        return RowModification.run(context, parameters, writer, program, lookup, path,
                assigning(context, writer, targets, written));
    }

    /**
     * The SET list's target columns; 42703 for an unknown one, 428C9 for a GENERATED ALWAYS
     * identity column.
     */
    static int[] targetColumns(EngineContext engine, TableDef table, SqlUpdate update) {
        List<SqlNode> columns = update.getTargetColumnList().getList();
        int[] targets = new int[columns.size()];
        io.rustydb.sql.sequence.SequenceDefaults identities =
                io.rustydb.sql.sequence.SequenceDefaults.of(engine.catalog(), table);
        for (int i = 0; i < targets.length; i++) {
            SqlIdentifier id = (SqlIdentifier) columns.get(i);
            targets[i] = table.columnIndex(id.names.get(id.names.size() - 1));
            if (targets[i] < 0) {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN,
                        id.getSimple() + "\" of relation \"" + table.name()), id);
            }
            identities.checkUpdate(targets[i]);
        }
        return targets;
    }

    /** 42804 if a SET value (outputs 1..n of the row program) cannot be stored in its column. */
    static void checkAssignments(RowProgram program, TableDef table, int[] targets) {
        List<ResultColumn> outputs = program.outputs();
        for (int i = 0; i < targets.length; i++) {
            Assignment.check(outputs.get(i + 1).type().type(), table.columns().get(targets[i]));
        }
    }

    /** Writes a row with the SET values (outputs 1..n of the row program) in its target columns. */
    static RowModification.RowAction assigning(StatementContext context, RowWriter writer, int[] targets,
            Consumer<Object[]> written) {
        return (key, row, evaluated) -> {
            Object[] updated = row.clone();
            for (int i = 0; i < targets.length; i++) {
                updated[targets[i]] = writer.convert(targets[i], evaluated[i + 1]);
            }
            writer.update(context.transaction(), key, row, updated);
            written.accept(updated);
        };
    }
}
