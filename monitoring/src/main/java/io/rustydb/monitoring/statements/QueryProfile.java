package io.rustydb.monitoring.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * A profiled execution of a statement: its plan with estimated and measured figures per operator,
 * what the whole execution measured, and the waits it measured.
 *
 * @param sqlId the statement's sql_id
 * @param sqlText its normalized text
 * @param capturedAtMillis when the profiled execution started, milliseconds since the epoch
 * @param plan the plan tree
 * @param stats the execution's measured totals
 * @param waitEvents the waits, only those that happened
 */
public record QueryProfile(String sqlId, String sqlText, long capturedAtMillis, PlanNode plan, Stats stats,
        List<WaitEvent> waitEvents) {

    public QueryProfile {
        waitEvents = List.copyOf(waitEvents);
    }

    /**
     * The measured totals of the profiled execution; {@code cpuTimeMs} and {@code ioTimeMs} are null
     * where they could not be measured.
     */
    public record Stats(double totalExecutionTimeMs, Double cpuTimeMs, Double ioTimeMs, long rowsReturned,
            long rowsAffected, long rowsExamined, long bytesRead, long cacheHits, long cacheMisses) {
    }

    /** The profile of the execution {@code sample} measured. */
    public static QueryProfile of(String sqlId, String sqlText, PlanNode plan, ExecutionSample sample) {
        Stats stats = new Stats(millis(sample.elapsedNanos), sample.cpuNanos < 0 ? null : millis(sample.cpuNanos),
                sample.ioReadNanos < 0 ? null : millis(sample.ioReadNanos), sample.rowsReturned, sample.rowsAffected,
                sample.rowsExamined, sample.bytesRead, sample.cacheHits, sample.blockReads);
        List<WaitEvent> waits = new ArrayList<>();
        if (sample.lockWaits > 0) {
            waits.add(new WaitEvent("TABLE_LOCK", millis(sample.lockWaitNanos), sample.lockWaits));
        }
        if (sample.rowLockWaits > 0) {
            waits.add(new WaitEvent("ROW_LOCK", millis(Math.max(0, sample.rowLockWaitNanos)), sample.rowLockWaits));
        }
        if (sample.ioReadNanos >= 0 && sample.blockReads > 0) {
            waits.add(new WaitEvent("IO_READ", millis(sample.ioReadNanos), sample.blockReads));
        }
        if (sample.commits > 0) {
            waits.add(new WaitEvent("COMMIT", millis(sample.commitNanos), sample.commits));
        }
        return new QueryProfile(sqlId, sqlText, sample.startMillis, plan, stats, waits);
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
