package io.rustydb.actors.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every check of one evaluation and the node's overall status, the worst of them.
 *
 * @param checkedAt when the checks ran
 * @param uptimeSeconds seconds since the node started
 * @param version the server's version
 * @param activeTransactions sessions inside a transaction (an explicit block, or running a statement)
 */
public record HealthReport(HealthStatus status, Instant checkedAt, long uptimeSeconds, String version,
        int activeTransactions, List<HealthCheck> checks) {

    public Optional<HealthCheck> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
