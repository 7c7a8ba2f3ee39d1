package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * INSERT / UPDATE / DELETE ... RETURNING: the statement runs as usual and its RETURNING list is
 * evaluated on each row it wrote (new values; for DELETE the removed ones).
 */
public final class ReturningPlan extends ModificationPlan {
    private final RowWritingPlan dml;
    private final RowProgram program;
    private final List<ResultColumn> columns;

    private ReturningPlan(RowWritingPlan dml, RowProgram program, List<ResultColumn> columns) {
        super(dml.parameterTypes());
        this.dml = dml;
        this.program = program;
        this.columns = columns;
    }

    /** A statement that evaluates its RETURNING list itself (DELETE ... USING): its written rows are the result. */
    public static ReturningPlan evaluatedBy(DeleteUsingPlan dml) {
        return new ReturningPlan(dml, null, dml.returningColumns());
    }

    /** @param returning supplies a freshly parsed RETURNING list */
    public static ReturningPlan create(EngineContext engine, RowWritingPlan dml, String alias,
            Supplier<SqlNodeList> returning, List<DataType> declared) {
        List<String> names = ColumnNames.of(returning.get());
        List<String> labels = null;
        if (names != null) {
            labels = new ArrayList<>();
            labels.add("written");
            labels.addAll(names);
        }
        RowProgram program = RowProgram.compile(engine, dml.table(), alias, p -> {
            List<SqlNode> items = new ArrayList<>();
            items.add(null);
            for (SqlNode item : returning.get()) {
                items.add(item.accept(p));
            }
            return items;
        }, declared, labels);
        List<ResultColumn> outputs = program.outputs();
        return new ReturningPlan(dml, program, List.copyOf(outputs.subList(1, outputs.size())));
    }

    @Override
    public int tableId() {
        return dml.tableId();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        return dml.planTree();
    }

    @Override
    public String indexSuggestion() {
        return dml.indexSuggestion();
    }

    @Override
    public List<String> explain() {
        return dml.explain();
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        List<Object[]> rows = new ArrayList<>();
        long count = dml.write(context, parameters, row -> {
            if (program == null) {
                rows.add(row);
                return;
            }
            Object[] evaluated = program.evaluate(context, parameters, row);
            rows.add(Arrays.copyOfRange(evaluated, 1, evaluated.length));
        });
        String tag = dml.tag(count);
        return Execution.ofRows(rows, tag);
    }
}
