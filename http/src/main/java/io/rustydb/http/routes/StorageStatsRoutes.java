package io.rustydb.http.routes;

import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.monitoring.BufferPoolStats;
import io.rustydb.monitoring.IoStats;
import io.rustydb.monitoring.NodeMetrics;
import io.rustydb.persistence.StorageEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/stats/buffer-pool} and {@code GET /api/v1/stats/io} (token): the buffer pool
 * (RocksDB block cache) and file I/O as RocksDB measures them at the moment of the request, in
 * the Monitoring Guide's shapes; the per-second rates are the metrics registry's (over
 * {@code rustydb.monitoring.rate_window}, null before a full window or with metrics off).
 */
public final class StorageStatsRoutes extends AllDirectives implements ApiExtension {
    private final StorageEngine storage;
    private final NodeMetrics metrics;

    public StorageStatsRoutes(StorageEngine storage, NodeMetrics metrics) {
        this.storage = storage;
        this.metrics = metrics;
    }

    @Override
    public Route route(ApiToolkit api) {
        return pathPrefix(PathMatchers.segment("api").slash("v1").slash("stats"), () -> concat(
                path("buffer-pool", () -> get(() -> api.authenticated(p -> api.respond(this::bufferPool)))),
                path("io", () -> get(() -> api.authenticated(p -> api.respond(this::io))))));
    }

    private Map<String, Object> bufferPool() {
        BufferPoolStats b = BufferPoolStats.read(storage);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("size_bytes", b.sizeBytes());
        data.put("used_bytes", b.usedBytes());
        data.put("free_bytes", b.freeBytes());
        data.put("usage_percent", b.usagePercent());
        data.put("hit_ratio", b.hitRatio());
        data.put("hits", b.hits());
        data.put("misses", b.misses());
        data.put("page_reads", b.pageReads());
        data.put("page_writes", b.blocksWritten());
        data.put("dirty_pages", b.pages(b.dirtyBytes()));
        data.put("dirty_bytes", b.dirtyBytes());
        data.put("pinned_bytes", b.pinnedBytes());
        data.put("page_size_bytes", b.pageSize());
        data.put("eviction_policy", b.evictionPolicy());
        data.put("cache_implementation", b.cacheImplementation());
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("clean", b.pages(Math.max(0, b.usedBytes() - b.pinnedBytes())));
        states.put("dirty", b.pages(b.dirtyBytes()));
        states.put("pinned", b.pages(b.pinnedBytes()));
        data.put("pages_by_state", states);
        return data;
    }

    private Map<String, Object> io() {
        IoStats io = IoStats.read(storage);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disk_reads_per_second", rate("rustydb_disk_reads_per_second"));
        data.put("disk_writes_per_second", rate("rustydb_disk_writes_per_second"));
        data.put("avg_read_latency_ms", io.reads().avgMillis());
        data.put("avg_write_latency_ms", io.writes().avgMillis());
        data.put("p95_read_latency_ms", io.reads().p95Millis());
        data.put("p95_write_latency_ms", io.writes().p95Millis());
        data.put("total_reads", io.totalReads());
        data.put("total_writes", io.totalWrites());
        data.put("bytes_read", io.bytesRead());
        data.put("bytes_written", io.bytesWritten());
        Map<String, Object> byType = new LinkedHashMap<>();
        byType.put("data_files", files(io.data()));
        byType.put("wal_files", files(io.wal()));
        data.put("io_by_file_type", byType);
        return data;
    }

    private static Map<String, Object> files(IoStats.FileIo f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reads", f.reads());
        m.put("writes", f.writes());
        m.put("syncs", f.syncs());
        m.put("bytes_read", f.bytesRead());
        m.put("bytes_written", f.bytesWritten());
        return m;
    }

    private Double rate(String name) {
        OptionalDouble v = metrics.value(name, Map.of());
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
