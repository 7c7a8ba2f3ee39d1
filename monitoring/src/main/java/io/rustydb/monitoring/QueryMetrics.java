package io.rustydb.monitoring;

import java.util.concurrent.atomic.LongAdder;
import kamon.metric.Counter;
import kamon.metric.Histogram;

/**
 * The instruments a session updates per statement and per transaction, resolved once: Kamon's
 * LongAdder counters and an atomic HdrHistogram, so the hot path does no lookup and allocates
 * nothing. {@link #DISABLED} does nothing (rustydb.monitoring.metrics_enabled = false).
 */
public final class QueryMetrics {
    /** Instruments that record nothing. */
    public static final QueryMetrics DISABLED = new QueryMetrics(false);

    private final boolean enabled;
    private final Counter queries;
    private final Counter errors;
    private final Histogram duration;
    private final Counter durationNanos;
    private final Counter committed;
    private final Counter rolledBack;
    // Transaction totals since the node started, read exactly by GET /api/v1/stats/transactions
    // (Kamon's counters are only readable per tick).
    private final LongAdder committedTotal = new LongAdder();
    private final LongAdder rolledBackTotal = new LongAdder();
    private final LongAdder transactionNanos = new LongAdder();
    private final LongAdder deadlockTotal = new LongAdder();
    // statement totals since the node started, read exactly by AWR snapshots
    private final LongAdder queryTotal = new LongAdder();
    private final LongAdder errorTotal = new LongAdder();
    private final LongAdder queryNanosTotal = new LongAdder();
    private final Counter deadlocks;

    private QueryMetrics(boolean enabled) {
        this.enabled = enabled;
        this.queries = enabled ? BuiltinMetrics.QUERIES.withoutTags() : null;
        this.errors = enabled ? BuiltinMetrics.QUERY_ERRORS.withoutTags() : null;
        this.duration = enabled ? BuiltinMetrics.QUERY_DURATION.withoutTags() : null;
        this.durationNanos = enabled ? BuiltinMetrics.QUERY_DURATION_NANOS.withoutTags() : null;
        this.committed = enabled ? BuiltinMetrics.TRANSACTIONS.withTag("status", "committed") : null;
        this.rolledBack = enabled ? BuiltinMetrics.TRANSACTIONS.withTag("status", "rolled_back") : null;
        this.deadlocks = enabled ? BuiltinMetrics.DEADLOCKS.withoutTags() : null;
    }

    /** Instruments registered in Kamon's registry. */
    public static QueryMetrics enabled() {
        return new QueryMetrics(true);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** A statement completed after running for {@code nanos}. */
    public void completed(long nanos) {
        if (enabled) {
            queries.increment();
            queryTotal.increment();
            record(nanos);
        }
    }

    /** A statement failed; {@code nanos} is how long it ran, or negative if it failed before running. */
    public void failed(long nanos) {
        if (enabled) {
            queries.increment();
            queryTotal.increment();
            errors.increment();
            errorTotal.increment();
            if (nanos >= 0) {
                record(nanos);
            }
        }
    }

    private void record(long nanos) {
        duration.record(nanos / 1000);
        durationNanos.increment(nanos);
        queryNanosTotal.add(nanos);
    }

    /** A transaction committed {@code nanos} after it began. */
    public void committed(long nanos) {
        if (enabled) {
            committed.increment();
            committedTotal.increment();
            transactionNanos.add(nanos);
        }
    }

    /**
     * A transaction rolled back (explicitly, after an error, or when its session ended)
     * {@code nanos} after it began.
     */
    public void rolledBack(long nanos) {
        if (enabled) {
            rolledBack.increment();
            rolledBackTotal.increment();
            transactionNanos.add(nanos);
        }
    }

    /** A statement was chosen as the victim of a deadlock (SQLSTATE 40P01). */
    public void deadlock() {
        if (enabled) {
            deadlocks.increment();
            deadlockTotal.increment();
        }
    }

    /** Transactions ended and deadlocks since the node started (all zero when disabled). */
    public TransactionTotals transactionTotals() {
        return new TransactionTotals(committedTotal.sum(), rolledBackTotal.sum(), transactionNanos.sum(),
                deadlockTotal.sum());
    }

    /** Statements run since the node started (all zero when disabled). */
    public QueryTotals queryTotals() {
        return new QueryTotals(queryTotal.sum(), errorTotal.sum(), queryNanosTotal.sum());
    }

    /**
     * Statement totals since the node started.
     *
     * @param queries statements completed or failed
     * @param errors statements failed
     * @param nanos the summed elapsed times of the statements that ran (DB time)
     */
    public record QueryTotals(long queries, long errors, long nanos) {
    }

    /**
     * Totals since the node started.
     *
     * @param nanos the summed durations of the ended transactions, each from its start to its
     *     commit or rollback
     */
    public record TransactionTotals(long committed, long rolledBack, long nanos, long deadlocks) {

        /** Committed plus rolled back. */
        public long total() {
            return committed + rolledBack;
        }

        /** Mean duration of the ended transactions in milliseconds; NaN when none ended. */
        public double averageMillis() {
            return total() == 0 ? Double.NaN : nanos / 1e6 / total();
        }
    }
}
