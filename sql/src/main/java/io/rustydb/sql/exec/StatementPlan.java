package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.List;

/** A planned statement of any kind, reusable across executions with different parameters. */
public interface StatementPlan {

    /** Columns of the returned rows; empty if the statement returns none. */
    List<ResultColumn> columns();

    /** Type of each client parameter $n (index n-1). */
    List<DataType> parameterTypes();

    /** Whether the plan must run inside a transaction (false for transaction control and SET). */
    default boolean transactional() {
        return true;
    }

    /** Whether the statement writes data (refused in READ ONLY transactions with 25006). */
    default boolean modifiesData() {
        return false;
    }

    /** The statement's command name for messages, e.g. {@code INSERT}. */
    default String commandName() {
        return getClass().getSimpleName().replace("Plan", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** For COPY FROM STDIN / TO STDOUT: what it exchanges with the client; null otherwise. */
    default io.rustydb.sql.CopyDescription copy() {
        return null;
    }

    /** The plan as EXPLAIN shows it, one line per entry. */
    default List<String> explain() {
        return List.of(commandName());
    }

    /** The plan as operators with the planner's estimates, for the query profiler and the slow-query log. */
    default io.rustydb.monitoring.statements.PlanNode planTree() {
        return PlanNodes.step(commandName());
    }

    /** The slow-query log's index suggestion for this plan ({@code Create index on t(a)}), or null. */
    default String indexSuggestion() {
        return null;
    }

    /**
     * Prepares one execution instrumented per operator for the profiler (compiling it is the
     * costly part, done here before the statement starts), or returns null when the plan has no
     * operators to instrument: its profile is then its {@link #planTree} measured as a whole.
     */
    default InstrumentedRun instrument() {
        return null;
    }

    /** Starts one execution with the client's parameter values. */
    Execution start(StatementContext context, List<Object> parameters);
}
