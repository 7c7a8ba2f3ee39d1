package io.rustydb.sql.exec;

import io.rustydb.monitoring.statements.PlanNode;
import java.util.List;

/**
 * One execution of a plan compiled with EXPLAIN ANALYZE's probe above every operator, for the
 * query profiler: it runs and returns its rows exactly as the plan would, then tells what each
 * operator measured.
 */
public interface InstrumentedRun {

    /** Starts the instrumented execution (in place of {@link StatementPlan#start}). */
    Execution start(StatementContext context, List<Object> parameters);

    /** The plan with the rows, loops and time each operator measured so far. */
    PlanNode measured();
}
