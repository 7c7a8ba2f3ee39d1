package io.rustydb.monitoring;

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

    private QueryMetrics(boolean enabled) {
        this.enabled = enabled;
        this.queries = enabled ? BuiltinMetrics.QUERIES.withoutTags() : null;
        this.errors = enabled ? BuiltinMetrics.QUERY_ERRORS.withoutTags() : null;
        this.duration = enabled ? BuiltinMetrics.QUERY_DURATION.withoutTags() : null;
        this.durationNanos = enabled ? BuiltinMetrics.QUERY_DURATION_NANOS.withoutTags() : null;
        this.committed = enabled ? BuiltinMetrics.TRANSACTIONS.withTag("status", "committed") : null;
        this.rolledBack = enabled ? BuiltinMetrics.TRANSACTIONS.withTag("status", "rolled_back") : null;
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
            record(nanos);
        }
    }

    /** A statement failed; {@code nanos} is how long it ran, or negative if it failed before running. */
    public void failed(long nanos) {
        if (enabled) {
            queries.increment();
            errors.increment();
            if (nanos >= 0) {
                record(nanos);
            }
        }
    }

    private void record(long nanos) {
        duration.record(nanos / 1000);
        durationNanos.increment(nanos);
    }

    /** A transaction committed. */
    public void committed() {
        if (enabled) {
            committed.increment();
        }
    }

    /** A transaction rolled back (explicitly, after an error, or when its session ended). */
    public void rolledBack() {
        if (enabled) {
            rolledBack.increment();
        }
    }
}
