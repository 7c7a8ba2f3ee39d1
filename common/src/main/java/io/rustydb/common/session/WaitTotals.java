package io.rustydb.common.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * The node's cumulative waits per event since startup ({@code v$system_wait_events}): every
 * session adds its finished waits here, so they outlive the session.
 */
public final class WaitTotals {
    private static final int EVENTS = WaitEvent.values().length;

    private final LongAdder[] counts = new LongAdder[EVENTS];
    private final LongAdder[] nanos = new LongAdder[EVENTS];
    private final LongAdder[] timeouts = new LongAdder[EVENTS];

    public WaitTotals() {
        for (int i = 0; i < EVENTS; i++) {
            counts[i] = new LongAdder();
            nanos[i] = new LongAdder();
            timeouts[i] = new LongAdder();
        }
    }

    void add(WaitEvent event, long waitedNanos, boolean timedOut) {
        int i = event.ordinal();
        counts[i].increment();
        nanos[i].add(waitedNanos);
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
}
