package io.rustydb.actors.health;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code rustydb.health_checks} section: how often the checks run in the background (and
 * the buffer pool hit ratio's window) and each check's thresholds. Percentages are 0-100, hit
 * ratios 0-1, lock waits in milliseconds.
 */
public record HealthSettings(Duration interval, Threshold connectionPool, Threshold memory, Threshold diskSpace,
        Threshold bufferPool, Threshold lockContention) {

    static final String SECTION = "rustydb.health_checks";

    public static HealthSettings create(Config config) {
        Config c = config.getConfig(SECTION);
        long seconds = c.getLong("interval_seconds");
        if (seconds < 1) {
            throw new IllegalArgumentException(SECTION + ".interval_seconds must be at least 1, got " + seconds);
        }
        return new HealthSettings(Duration.ofSeconds(seconds),
                percent(c, "connection_pool"), percent(c, "memory"), percent(c, "disk_space"),
                hitRatio(c, "buffer_pool"), waitMillis(c, "lock_contention"));
    }

    private static Threshold waitMillis(Config c, String check) {
        double warning = c.getDouble(check + ".warning_wait_ms");
        double critical = c.getDouble(check + ".critical_wait_ms");
        if (warning < 0 || warning > critical) {
            throw new IllegalArgumentException(SECTION + "." + check
                    + ": thresholds must satisfy 0 <= warning_wait_ms <= critical_wait_ms, got " + warning + " and "
                    + critical);
        }
        return new Threshold(warning, critical, true);
    }

    private static Threshold percent(Config c, String check) {
        double warning = c.getDouble(check + ".warning_threshold_percent");
        double critical = c.getDouble(check + ".critical_threshold_percent");
        if (warning < 0 || critical > 100 || warning > critical) {
            throw new IllegalArgumentException(SECTION + "." + check
                    + ": thresholds must satisfy 0 <= warning_threshold_percent <= critical_threshold_percent <= 100,"
                    + " got " + warning + " and " + critical);
        }
        return new Threshold(warning, critical, true);
    }

    private static Threshold hitRatio(Config c, String check) {
        double warning = c.getDouble(check + ".warning_hit_ratio");
        double critical = c.getDouble(check + ".critical_hit_ratio");
        if (critical < 0 || warning > 1 || critical > warning) {
            throw new IllegalArgumentException(SECTION + "." + check
                    + ": thresholds must satisfy 0 <= critical_hit_ratio <= warning_hit_ratio <= 1, got "
                    + warning + " and " + critical);
        }
        return new Threshold(warning, critical, false);
    }
}
