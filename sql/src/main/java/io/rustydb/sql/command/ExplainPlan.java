package io.rustydb.sql.command;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.StatementPlan;
import java.util.List;

/**
 * EXPLAIN statement: the chosen plan, one row per line in a {@code QUERY PLAN} column, with
 * estimated rows and cost per operator for queries. The statement itself is not run.
 */
public final class ExplainPlan implements StatementPlan {
    private static final List<ResultColumn> COLUMNS =
            List.of(new ResultColumn("QUERY PLAN", ColumnType.of(DataType.TEXT), 0, 0));

    private final StatementPlan explained;

    public ExplainPlan(StatementPlan explained) {
        this.explained = explained;
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public List<DataType> parameterTypes() {
        return explained.parameterTypes();
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        List<String> lines = explained.explain();
        return Execution.ofRows(lines.stream().map(line -> new Object[] {line}).toList(), "EXPLAIN");
    }
}
