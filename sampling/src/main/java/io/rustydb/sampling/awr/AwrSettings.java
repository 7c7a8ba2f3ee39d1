package io.rustydb.sampling.awr;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code rustydb.awr} section: whether snapshots are taken, how often, how long they and the
 * snapshots inside baselines are kept, which ASH samples a snapshot keeps and what it captures.
 *
 * @param snapshotInterval time between scheduled snapshots ({@code snapshot_interval_minutes})
 * @param retention how long a snapshot outside every baseline is kept ({@code retention_days})
 * @param baselineRetention how long a baseline (and so its snapshots) is kept ({@code baseline_retention_days})
 * @param ashSampleRatio one ASH tick in this many is kept with the snapshot (1 keeps every sample)
 * @param stateSnapshotEvery the actor's state is snapshotted every this many events
 */
public record AwrSettings(boolean enabled, Duration snapshotInterval, Duration retention, Duration baselineRetention,
        int ashSampleRatio, int maxAshSamples, boolean captureSqlStats, boolean captureWaitEvents,
        boolean captureIoStats, boolean captureBufferPoolStats, boolean captureAshAggregation,
        int stateSnapshotEvery) {

    public AwrSettings {
        if (snapshotInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("rustydb.awr.snapshot_interval_minutes must be at least one second");
        }
        if (retention.isNegative() || retention.isZero() || baselineRetention.isNegative()
                || baselineRetention.isZero()) {
            throw new IllegalArgumentException("rustydb.awr.retention_days and baseline_retention_days must be positive");
        }
        if (ashSampleRatio < 1) {
            throw new IllegalArgumentException("rustydb.awr.ash_sample_ratio must be at least 1, got " + ashSampleRatio);
        }
        if (maxAshSamples < 0) {
            throw new IllegalArgumentException("rustydb.awr.max_ash_samples must not be negative");
        }
        if (stateSnapshotEvery < 1) {
            throw new IllegalArgumentException("rustydb.awr.state_snapshot_every must be at least 1");
        }
    }

    /** Reads {@code rustydb.awr}. */
    public static AwrSettings create(Config config) {
        Config c = config.getConfig("rustydb.awr");
        return new AwrSettings(c.getBoolean("enabled"), minutes(c.getDouble("snapshot_interval_minutes")),
                days(c.getDouble("retention_days")), days(c.getDouble("baseline_retention_days")),
                c.getInt("ash_sample_ratio"), c.getInt("max_ash_samples"), c.getBoolean("capture_sql_stats"),
                c.getBoolean("capture_wait_events"), c.getBoolean("capture_io_stats"),
                c.getBoolean("capture_buffer_pool_stats"), c.getBoolean("capture_ash_aggregation"),
                c.getInt("state_snapshot_every"));
    }

    /** The defaults of reference.conf, for tests. */
    public static AwrSettings defaults() {
        return new AwrSettings(true, Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofDays(90), 10, 100_000,
                true, true, true, true, true, 50);
    }

    public AwrSettings withAshSampleRatio(int ratio) {
        return new AwrSettings(enabled, snapshotInterval, retention, baselineRetention, ratio, maxAshSamples,
                captureSqlStats, captureWaitEvents, captureIoStats, captureBufferPoolStats, captureAshAggregation,
                stateSnapshotEvery);
    }

    public AwrSettings withRetention(Duration snapshots, Duration baselines) {
        return new AwrSettings(enabled, snapshotInterval, snapshots, baselines, ashSampleRatio, maxAshSamples,
                captureSqlStats, captureWaitEvents, captureIoStats, captureBufferPoolStats, captureAshAggregation,
                stateSnapshotEvery);
    }

    private static Duration minutes(double value) {
        return Duration.ofMillis(Math.round(value * 60_000));
    }

    private static Duration days(double value) {
        return Duration.ofMillis(Math.round(value * 86_400_000));
    }
}
