package io.rustydb.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Monitoring Guide's JSON summary of a node's metrics ({@code GET /api/v1/metrics}), taken
 * from one {@link NodeMetrics#snapshot()}: the values of the last tick, counters since the node
 * started. A figure the snapshot does not hold yet (a rate before its first full window, the hit
 * ratio before the first block cache lookup, a quantile without a query) is null.
 */
public record MetricsOverview(Database database, Storage storage, Transactions transactions,
        QueryPerformance queryPerformance, Memory memory) {

    /** Uptime, connections and the rates over {@code rate_window}. */
    public record Database(Long uptimeSeconds, Long activeConnections, Double transactionsPerSecond,
            Double queriesPerSecond, Long queriesTotal) {
    }

    /** The buffer pool and the disk I/O rates. */
    public record Storage(Long bufferPoolSizeBytes, Long bufferPoolUsedBytes, Double bufferPoolHitRatio,
            Double diskReadsPerSecond, Double diskWritesPerSecond) {
    }

    /** Open transactions and the committed and rolled back totals. */
    public record Transactions(Long activeTransactions, Long committedTotal, Long rolledBackTotal) {
    }

    /**
     * Statement execution times since the node started: the mean from the exact sum, the
     * quantiles from the recorded distribution (Kamon's HdrHistogram, three significant digits).
     */
    public record QueryPerformance(Double avgQueryTimeMs, Double p95QueryTimeMs, Double p99QueryTimeMs) {
    }

    /** Buffer pool usage in percent of its capacity, and the JVM heap. */
    public record Memory(Double bufferPoolUsagePercent, Long jvmHeapUsedBytes, Long jvmHeapMaxBytes) {
    }

    /** The summary of {@code snapshot}. */
    public static MetricsOverview of(List<MetricFamily> snapshot) {
        Map<String, MetricFamily> byName = new HashMap<>();
        for (MetricFamily f : snapshot) {
            byName.put(f.name(), f);
        }
        Long size = whole(byName, "rustydb_buffer_pool_size_bytes", Map.of());
        Long used = whole(byName, "rustydb_buffer_pool_used_bytes", Map.of());
        MetricSample.Histogram queries = histogram(byName, "rustydb_query_duration_ms");
        boolean timed = queries != null && queries.count() > 0;
        return new MetricsOverview(
                new Database(
                        whole(byName, "rustydb_uptime_seconds", Map.of()),
                        whole(byName, "rustydb_active_connections", Map.of()),
                        value(byName, "rustydb_transactions_per_second", Map.of()),
                        value(byName, "rustydb_queries_per_second", Map.of()),
                        whole(byName, "rustydb_queries_total", Map.of())),
                new Storage(size, used,
                        value(byName, "rustydb_buffer_pool_hit_ratio", Map.of()),
                        value(byName, "rustydb_disk_reads_per_second", Map.of()),
                        value(byName, "rustydb_disk_writes_per_second", Map.of())),
                new Transactions(
                        whole(byName, "rustydb_active_transactions", Map.of()),
                        whole(byName, "rustydb_transactions_total", Map.of("status", "committed")),
                        whole(byName, "rustydb_transactions_total", Map.of("status", "rolled_back"))),
                new QueryPerformance(
                        timed ? queries.sum() / queries.count() : null,
                        timed ? queries.p95() : null,
                        timed ? queries.p99() : null),
                new Memory(
                        size != null && used != null && size > 0 ? 100.0 * used / size : null,
                        whole(byName, "rustydb_memory_used_bytes", Map.of("area", "jvm_heap")),
                        whole(byName, "rustydb_memory_limit_bytes", Map.of("area", "jvm_heap"))));
    }

    private static Double value(Map<String, MetricFamily> byName, String name, Map<String, String> labels) {
        MetricFamily f = byName.get(name);
        if (f != null) {
            for (MetricSample s : f.samples()) {
                if (s.labels().equals(labels)) {
                    return s.value();
                }
            }
        }
        return null;
    }

    private static Long whole(Map<String, MetricFamily> byName, String name, Map<String, String> labels) {
        Double v = value(byName, name, labels);
        return v == null ? null : Math.round(v);
    }

    private static MetricSample.Histogram histogram(Map<String, MetricFamily> byName, String name) {
        MetricFamily f = byName.get(name);
        if (f != null) {
            for (MetricSample s : f.samples()) {
                if (s.labels().isEmpty()) {
                    return s.histogram();
                }
            }
        }
        return null;
    }
}
