package io.rustydb.http.routes;

import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.monitoring.MetricsOverview;
import io.rustydb.monitoring.NodeMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/metrics} (token): the Monitoring Guide's JSON summary of the node's metrics,
 * from the same registry as the Prometheus endpoints (values of the last tick; see
 * {@link MetricsOverview}). 503 {@code METRICS_DISABLED} when metrics are off.
 */
public final class MetricsRoutes extends AllDirectives implements ApiExtension {
    private final NodeMetrics metrics;

    public MetricsRoutes(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Route route(ApiToolkit api) {
        return path(PathMatchers.segment("api").slash("v1").slash("metrics"),
                () -> get(() -> api.authenticated(p -> api.respond(this::overview))));
    }

    private Map<String, Object> overview() {
        requireEnabled(metrics);
        MetricsOverview o = metrics.overview();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("uptime_seconds", o.database().uptimeSeconds());
        database.put("active_connections", o.database().activeConnections());
        database.put("transactions_per_second", o.database().transactionsPerSecond());
        database.put("queries_per_second", o.database().queriesPerSecond());
        database.put("queries_total", o.database().queriesTotal());
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("buffer_pool_size_bytes", o.storage().bufferPoolSizeBytes());
        storage.put("buffer_pool_used_bytes", o.storage().bufferPoolUsedBytes());
        storage.put("buffer_pool_hit_ratio", o.storage().bufferPoolHitRatio());
        storage.put("disk_reads_per_second", o.storage().diskReadsPerSecond());
        storage.put("disk_writes_per_second", o.storage().diskWritesPerSecond());
        Map<String, Object> transactions = new LinkedHashMap<>();
        transactions.put("active_transactions", o.transactions().activeTransactions());
        transactions.put("committed_total", o.transactions().committedTotal());
        transactions.put("rolled_back_total", o.transactions().rolledBackTotal());
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("avg_query_time_ms", o.queryPerformance().avgQueryTimeMs());
        queries.put("p95_query_time_ms", o.queryPerformance().p95QueryTimeMs());
        queries.put("p99_query_time_ms", o.queryPerformance().p99QueryTimeMs());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("buffer_pool_usage_percent", o.memory().bufferPoolUsagePercent());
        memory.put("jvm_heap_used_bytes", o.memory().jvmHeapUsedBytes());
        memory.put("jvm_heap_max_bytes", o.memory().jvmHeapMaxBytes());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("database", database);
        data.put("storage", storage);
        data.put("transactions", transactions);
        data.put("query_performance", queries);
        data.put("memory", memory);
        return data;
    }

    /** 503 {@code METRICS_DISABLED} unless the node collects metrics. */
    static void requireEnabled(NodeMetrics metrics) {
        if (!metrics.enabled()) {
            throw new ApiError(503, "METRICS_DISABLED", "metrics are disabled (rustydb.monitoring.metrics_enabled)");
        }
    }
}
