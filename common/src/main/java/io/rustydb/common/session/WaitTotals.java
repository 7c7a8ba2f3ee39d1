package io.rustydb.common.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * The node's cumulative waits per event since startup ({@code v$system_wait_events}): every
 * session adds its finished waits here, so they outlive the session. Each event also keeps a
 * latency histogram as Oracle's {@code v$event_histogram}: bucket i counts the waits shorter than
 * 2^i ms (and at least 2^(i-1) ms), the last bucket every longer wait.
 */
public final class WaitTotals {
    private static final int EVENTS = WaitEvent.values().length;
    /** Histogram buckets: &lt;1 ms, &lt;2 ms, &lt;4 ms, ... &lt;16384 ms, and longer. */
    public static final int BUCKETS = 16;

    private final LongAdder[] counts = new LongAdder[EVENTS];
    private final LongAdder[] nanos = new LongAdder[EVENTS];
    private final LongAdder[] timeouts = new LongAdder[EVENTS];
    private final LongAdder[] buckets = new LongAdder[EVENTS * BUCKETS];

    public WaitTotals() {
        for (int i = 0; i < EVENTS; i++) {
            counts[i] = new LongAdder();
            nanos[i] = new LongAdder();
            timeouts[i] = new LongAdder();
        }
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void add(WaitEvent event, long waitedNanos, boolean timedOut) {
        int i = event.ordinal();
        counts[i].increment();
        nanos[i].add(waitedNanos);
        buckets[i * BUCKETS + bucket(waitedNanos)].increment();
        if (timedOut) {
            timeouts[i].increment();
        }
    }

    public long count(WaitEvent event) {
        return counts[event.ordinal()].sum();
    }

    public long nanos(WaitEvent event) {
        return nanos[event.ordinal()].sum();
    }

    public long timeouts(WaitEvent event) {
        return timeouts[event.ordinal()].sum();
    }

    /** Waits on {@code event} per latency bucket (see the class comment). */
    public long[] histogram(WaitEvent event) {
        long[] out = new long[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            out[b] = buckets[event.ordinal() * BUCKETS + b].sum();
        }
        return out;
    }

    /** The bucket of a wait of {@code nanos}: 0 below 1 ms, i below 2^i ms, the last one beyond. */
    public static int bucket(long nanos) {
        long ms = nanos / 1_000_000;
        return ms <= 0 ? 0 : Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(ms));
    }
}
