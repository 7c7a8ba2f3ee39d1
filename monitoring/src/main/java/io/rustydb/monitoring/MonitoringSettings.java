package io.rustydb.monitoring;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Monitoring configuration ({@code rustydb.monitoring.*}); defaults live in this module's
 * {@code reference.conf}.
 *
 * @param metricsEnabled whether metrics are collected and exported at all
 * @param prometheusHost address of the {@code /metrics} endpoint
 * @param prometheusPort port of the {@code /metrics} endpoint, 0 for a free one
 * @param tickInterval how often instruments are snapshotted and samplers run
 * @param rateWindow window of the per-second gauges
 */
public record MonitoringSettings(boolean metricsEnabled, String prometheusHost, int prometheusPort,
        Duration tickInterval, Duration rateWindow) {

    /** Validates the values; a bad one is an {@link IllegalArgumentException} naming its key. */
    public MonitoringSettings {
        if (prometheusPort < 0 || prometheusPort > 65535) {
            throw new IllegalArgumentException("rustydb.monitoring.prometheus_port must be in 0..65535: "
                    + prometheusPort);
        }
        if (tickInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("rustydb.monitoring.tick_interval must be at least 100ms: "
                    + tickInterval);
        }
        if (rateWindow.compareTo(tickInterval) < 0) {
            throw new IllegalArgumentException("rustydb.monitoring.rate_window must be at least tick_interval ("
                    + tickInterval + "): " + rateWindow);
        }
    }

    /** Reads the settings from a resolved config that includes this module's reference.conf. */
    public static MonitoringSettings create(Config config) {
        Config m = config.getConfig("rustydb.monitoring");
        return new MonitoringSettings(m.getBoolean("metrics_enabled"), m.getString("prometheus_host"),
                m.getInt("prometheus_port"), m.getDuration("tick_interval"), m.getDuration("rate_window"));
    }

    /** Metrics off: what the engine uses when no node set it up (tests, tools). */
    public static MonitoringSettings disabled() {
        return new MonitoringSettings(false, "127.0.0.1", 0, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
