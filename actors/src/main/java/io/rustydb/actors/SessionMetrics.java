package io.rustydb.actors;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.monitoring.BuiltinMetrics;
import io.rustydb.monitoring.MetricSource;
import kamon.metric.Counter;
import kamon.metric.Gauge;

/**
 * The connection metrics, read from the {@link SessionRegistry} at every tick: open connections,
 * sessions running a statement and idle ones, the admission queue, and the admitted and refused
 * totals.
 */
public final class SessionMetrics implements MetricSource {
    private final SessionRegistry registry;
    private final Gauge open = BuiltinMetrics.ACTIVE_CONNECTIONS.withoutTags();
    private final Gauge active = BuiltinMetrics.CONNECTIONS_ACTIVE.withoutTags();
    private final Gauge idle = BuiltinMetrics.CONNECTIONS_IDLE.withoutTags();
    private final Gauge waiting = BuiltinMetrics.CONNECTION_WAIT_QUEUE_DEPTH.withoutTags();
    private final Counter total = BuiltinMetrics.CONNECTIONS_TOTAL.withoutTags();
    private final Counter timeouts = BuiltinMetrics.CONNECTION_TIMEOUTS.withoutTags();
    private long lastAdmitted;
    private long lastRefused;

    public SessionMetrics(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sample() {
        int running = 0;
        int notRunning = 0;
        for (SessionState s : registry.sessions()) {
            if (s.status() == SessionStatus.ACTIVE) {
                running++;
            } else {
                notRunning++;
            }
        }
        open.update(registry.connectionCount());
        active.update(running);
        idle.update(notRunning);
        waiting.update(registry.waitingCount());
        long admitted = registry.admittedTotal();
        long refused = registry.refusedTotal();
        total.increment(admitted - lastAdmitted);
        timeouts.increment(refused - lastRefused);
        lastAdmitted = admitted;
        lastRefused = refused;
    }
}
