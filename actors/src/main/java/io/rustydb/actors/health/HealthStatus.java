package io.rustydb.actors.health;

/**
 * A check's or the node's grade, from best to worst: a value past its warning threshold is
 * DEGRADED, past its critical threshold CRITICAL; UNHEALTHY means the node is not serving (still
 * starting or shutting down) or a check could not be measured. The node's status is its worst
 * check's.
 */
public enum HealthStatus {
    HEALTHY, DEGRADED, UNHEALTHY, CRITICAL;

    /** The worse of the two. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The guide's component status: UP, DEGRADED or DOWN. */
    public String componentStatus() {
        return switch (this) {
            case HEALTHY -> "UP";
            case DEGRADED -> "DEGRADED";
            case UNHEALTHY, CRITICAL -> "DOWN";
        };
    }
}
