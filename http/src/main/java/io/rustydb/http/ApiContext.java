package io.rustydb.http;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.health.HealthMonitor;
import io.rustydb.common.lifecycle.NodeLifecycle;
import io.rustydb.sql.auth.RoleStore;
import java.util.List;

/**
 * The parts of the node the REST API serves.
 *
 * @param lifecycle the node's state, for the readiness probe
 * @param sessions the live session registry
 * @param roles login roles, for authentication
 * @param health the health checks
 * @param extensions routes other modules add (metrics, statistics)
 */
public record ApiContext(NodeLifecycle lifecycle, SessionRegistry sessions, RoleStore roles, HealthMonitor health,
        List<ApiExtension> extensions) {
}
