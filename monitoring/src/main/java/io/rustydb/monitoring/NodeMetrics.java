package io.rustydb.monitoring;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rustydb.persistence.StorageEngine;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import kamon.Kamon;
import kamon.module.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's metrics, the public API of this module. {@link #start} initialises Kamon (the one
 * metrics API), registers RustyDB's reporter and samplers and binds the Prometheus endpoint;
 * then:
 * <ul>
 *   <li>{@link #prometheusText()}: what {@code GET /metrics} answers, for any other endpoint that
 *       serves the same registry (the REST API's {@code /api/v1/metrics/prometheus});</li>
 *   <li>{@link #snapshot()}: every metric and its values as plain Java data (JSON, SQL views), and
 *       {@link #overview()}, the guide's summary of it;</li>
 *   <li>{@link #value(String, Map)}: one value;</li>
 *   <li>{@link #custom()}: register, increment and set custom metrics;</li>
 *   <li>{@link #queries()}: the per-statement instruments the SQL engine updates.</li>
 * </ul>
 * Values are those of the last Kamon tick ({@code rustydb.monitoring.tick_interval}, 1 s by
 * default), counters summed since the node started. With {@code metrics_enabled = false} nothing
 * is collected: the snapshot is empty, no port is bound and custom metrics fail with 55000.
 */
public final class NodeMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);

    private final MonitoringSettings settings;
    private final MetricStore store;
    private final SnapshotReporter reporter;
    private final Module.Registration registration;
    private final PrometheusEndpoint endpoint;
    private final QueryMetrics queries;

    private NodeMetrics(MonitoringSettings settings, MetricStore store, SnapshotReporter reporter,
            Module.Registration registration, PrometheusEndpoint endpoint, QueryMetrics queries) {
        this.settings = settings;
        this.store = store;
        this.reporter = reporter;
        this.registration = registration;
        this.endpoint = endpoint;
        this.queries = queries;
    }

    /**
     * Starts collecting and binds {@code prometheus_host:prometheus_port} (when enabled).
     *
     * @param config the node's resolved configuration (Kamon's settings are taken from it, with
     *     the tick interval, also the JVM collector's, set from {@code settings} and the
     *     OSHI-based host and process collectors of kamon-system-metrics turned off)
     * @throws java.io.UncheckedIOException if the Prometheus port cannot be bound
     */
    public static NodeMetrics start(MonitoringSettings settings, Config config) {
        if (!settings.metricsEnabled()) {
            CustomMetrics.global().refuse();
            LOG.info("Metrics disabled (rustydb.monitoring.metrics_enabled = false)");
            return new NodeMetrics(settings, null, null, null, null, QueryMetrics.DISABLED);
        }
        long startNanos = System.nanoTime();
        Config kamon = ConfigFactory.parseMap(Map.of(
                "kamon.metric.tick-interval", settings.tickInterval().toMillis() + "ms",
                "kamon.init.hide-banner", true,
                "kamon.modules.host-metrics.enabled", false,
                "kamon.modules.process-metrics.enabled", false,
                "kamon.modules.jvm-metrics.interval", settings.tickInterval().toMillis() + "ms"), "rustydb.monitoring")
                .withFallback(config)
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        Kamon.initWithoutAttaching(kamon);
        MetricStore store = new MetricStore();
        SnapshotReporter reporter = new SnapshotReporter(store);
        reporter.add(new ProcessSampler(startNanos));
        reporter.add(new RateSampler(store, settings.rateWindow()));
        Module.Registration registration = Kamon.addReporter("rustydb", reporter);
        PrometheusEndpoint endpoint;
        try {
            endpoint = PrometheusEndpoint.start(settings.prometheusHost(), settings.prometheusPort(),
                    () -> PrometheusFormat.render(store.export(BuiltinMetrics.specs())));
        } catch (RuntimeException e) {
            registration.cancel();
            throw e;
        }
        return new NodeMetrics(settings, store, reporter, registration, endpoint, QueryMetrics.enabled());
    }

    public MonitoringSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return store != null;
    }

    /**
     * Samples the storage (buffer pool, disk I/O, RocksDB memory, data directory) from now on.
     * Close the returned handle (or this) before the storage closes: RocksDB's statistics must not
     * be read after that.
     */
    public AutoCloseable addStorage(StorageEngine storage) {
        return addSource(new StorageSampler(storage));
    }

    /**
     * Samples {@code source} at every tick from now on (and once now); ignored when disabled.
     * Closing the returned handle stops it: once close returns, it is not running.
     */
    public AutoCloseable addSource(MetricSource source) {
        if (reporter == null) {
            return () -> { };
        }
        reporter.add(source);
        return () -> reporter.remove(source);
    }

    /** The per-statement and per-transaction instruments. */
    public QueryMetrics queries() {
        return queries;
    }

    /** Custom metrics (SQL {@code rustydb_record_metric}/{@code rustydb_set_metric}, REST registration). */
    public CustomMetrics custom() {
        return CustomMetrics.global();
    }

    /** Every metric with its current values, sorted by name; empty when metrics are disabled. */
    public List<MetricFamily> snapshot() {
        return store == null ? List.of() : store.export(BuiltinMetrics.specs());
    }

    /** The Monitoring Guide's JSON summary ({@code GET /api/v1/metrics}) of {@link #snapshot()}. */
    public MetricsOverview overview() {
        return MetricsOverview.of(snapshot());
    }

    /** The Prometheus text format of {@link #snapshot()}, as served on {@code /metrics}. */
    public String prometheusText() {
        return PrometheusFormat.render(snapshot());
    }

    /**
     * The value of the series of metric {@code name} with exactly {@code labels} (for a histogram,
     * its count); empty if there is no such series yet.
     */
    public OptionalDouble value(String name, Map<String, String> labels) {
        for (MetricFamily f : snapshot()) {
            if (f.name().equals(name)) {
                for (MetricSample s : f.samples()) {
                    if (s.labels().equals(labels)) {
                        return OptionalDouble.of(s.value());
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** Kamon ticks reported so far (0 when disabled). */
    public long ticks() {
        return store == null ? 0 : store.ticks();
    }

    /** Where {@code /metrics} is served, or null when metrics are disabled. */
    public InetSocketAddress prometheusAddress() {
        return endpoint == null ? null : endpoint.address();
    }

    /** Stops the endpoint and the reporter; Kamon's own threads stop with it. */
    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (registration != null) {
            registration.cancel();
            reporter.stop();
        }
    }
}
