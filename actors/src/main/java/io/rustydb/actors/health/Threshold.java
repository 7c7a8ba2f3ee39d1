package io.rustydb.actors.health;

/**
 * Warning and critical levels of one check. For most checks a higher value is worse (usage
 * percentages); for the buffer pool hit ratio a lower one is.
 */
public record Threshold(double warning, double critical, boolean higherIsWorse) {

    /** Grades {@code value}: at or past critical is CRITICAL, at or past warning DEGRADED. */
    public HealthStatus grade(double value) {
        if (higherIsWorse) {
            return value >= critical ? HealthStatus.CRITICAL
                    : value >= warning ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        }
        return value < critical ? HealthStatus.CRITICAL
                : value < warning ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
    }
}
