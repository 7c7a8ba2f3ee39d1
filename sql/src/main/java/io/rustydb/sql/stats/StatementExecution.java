package io.rustydb.sql.stats;

import io.rustydb.monitoring.statements.ExecutionSample;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.sql.exec.InstrumentedRun;

/**
 * The measuring state of one execution of a statement (a portal's, which may span several calls):
 * its sample, its statistics entry, and whether it is profiled.
 */
public final class StatementExecution {
    private final ExecutionSample sample = new ExecutionSample();
    String sqlId;
    String text;
    SqlStatistics.Entry entry;
    boolean profiling;
    InstrumentedRun run;

    public ExecutionSample sample() {
        return sample;
    }

    /** Whether this execution is profiled. */
    public boolean profiling() {
        return profiling;
    }

    /** The instrumented run to start instead of the plan, or null. */
    public InstrumentedRun run() {
        return run;
    }
}
