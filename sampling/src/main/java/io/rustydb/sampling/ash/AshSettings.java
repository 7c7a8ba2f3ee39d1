package io.rustydb.sampling.ash;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code rustydb.ash} section: whether sampling runs, how often, how many samples the ring
 * buffer keeps and for how long, and what each sample captures.
 */
public record AshSettings(boolean enabled, Duration sampleInterval, int maxSamples, Duration retention,
        boolean captureSqlText, boolean captureWaitEvents, boolean captureBlockingSessions,
        boolean captureResourceUsage) {
    /** The shortest interval accepted: the Pekko scheduler's default tick. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    public static final int MAX_SAMPLES_LIMIT = 10_000_000;

    public AshSettings {
        if (sampleInterval.compareTo(MIN_INTERVAL) < 0 || sampleInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("rustydb.ash.sample_interval must be between 10ms and 1h, got "
                    + sampleInterval.toMillis() + "ms");
        }
        if (maxSamples < 1 || maxSamples > MAX_SAMPLES_LIMIT) {
            throw new IllegalArgumentException("rustydb.ash.max_samples must be between 1 and " + MAX_SAMPLES_LIMIT
                    + ", got " + maxSamples);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("rustydb.ash.retention_hours must be positive");
        }
    }

    /** Reads {@code rustydb.ash}. */
    public static AshSettings create(Config config) {
        Config c = config.getConfig("rustydb.ash");
        double hours = c.getDouble("retention_hours");
        return new AshSettings(c.getBoolean("enabled"), c.getDuration("sample_interval"), c.getInt("max_samples"),
                Duration.ofMillis(Math.round(hours * 3_600_000)), c.getBoolean("capture_sql_text"),
                c.getBoolean("capture_wait_events"), c.getBoolean("capture_blocking_sessions"),
                c.getBoolean("capture_resource_usage"));
    }

    public AshSettings withEnabled(boolean value) {
        return new AshSettings(value, sampleInterval, maxSamples, retention, captureSqlText, captureWaitEvents,
                captureBlockingSessions, captureResourceUsage);
    }
}
