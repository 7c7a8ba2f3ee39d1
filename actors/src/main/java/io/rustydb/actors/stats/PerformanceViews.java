package io.rustydb.actors.stats;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.BufferPoolStats;
import io.rustydb.monitoring.MemoryComponent;
import io.rustydb.monitoring.NodeMetrics;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemView.Column;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code v$system_performance}, {@code v$buffer_pool_stats} and {@code v$memory_usage}. Storage,
 * memory and connection figures are read when the statement scans the view; the rates and the CPU
 * gauge are the metrics registry's (last tick; null before their first measurement or with
 * metrics off).
 */
public final class PerformanceViews implements SystemViewProvider {
    private final StorageEngine storage;
    private final NodeMetrics metrics;
    private final SessionRegistry sessions;

    public PerformanceViews(StorageEngine storage, NodeMetrics metrics, SessionRegistry sessions) {
        this.storage = storage;
        this.metrics = metrics;
        this.sessions = sessions;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(
                SystemView.of("v$system_performance", List.of(
                        new Column("queries_per_second", DataType.NUMERIC),
                        new Column("transactions_per_second", DataType.NUMERIC),
                        new Column("cpu_usage_percent", DataType.NUMERIC),
                        new Column("memory_usage_percent", DataType.NUMERIC),
                        new Column("buffer_pool_hit_ratio", DataType.NUMERIC),
                        new Column("active_connections", DataType.INTEGER),
                        new Column("blocked_sessions", DataType.INTEGER)), this::systemPerformance),
                SystemView.of("v$buffer_pool_stats", List.of(
                        new Column("total_pages", DataType.BIGINT),
                        new Column("used_pages", DataType.BIGINT),
                        new Column("dirty_pages", DataType.BIGINT),
                        new Column("free_pages", DataType.BIGINT),
                        new Column("pinned_pages", DataType.BIGINT),
                        new Column("hit_ratio", DataType.NUMERIC),
                        new Column("hits", DataType.BIGINT),
                        new Column("misses", DataType.BIGINT),
                        new Column("reads", DataType.BIGINT),
                        new Column("writes", DataType.BIGINT),
                        new Column("evictions", DataType.BIGINT),
                        new Column("page_size", DataType.INTEGER),
                        new Column("eviction_policy", DataType.VARCHAR)), this::bufferPool),
                SystemView.of("v$memory_usage", List.of(
                        new Column("component", DataType.VARCHAR),
                        new Column("allocated_bytes", DataType.BIGINT),
                        new Column("used_bytes", DataType.BIGINT),
                        new Column("source", DataType.TEXT)), this::memory));
    }

    private List<Object[]> systemPerformance() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return List.<Object[]>of(new Object[] {
            metric("rustydb_queries_per_second"),
            metric("rustydb_transactions_per_second"),
            metric("rustydb_cpu_usage_percent"),
            numeric(100.0 * heap.getUsed() / max),
            numeric(BufferPoolStats.read(storage).hitRatio()),
            sessions.connectionCount(),
            sessions.blockedSessionCount()});
    }

    private List<Object[]> bufferPool() {
        BufferPoolStats b = BufferPoolStats.read(storage);
        long total = b.pages(b.sizeBytes());
        long used = b.pages(b.usedBytes());
        return List.<Object[]>of(new Object[] {
            total, used, b.pages(b.dirtyBytes()), Math.max(0, total - used), b.pages(b.pinnedBytes()),
            numeric(b.hitRatio()), b.hits(), b.misses(), b.pageReads(), b.blocksWritten(),
            null, // evictions: RocksDB's Java API does not count block cache evictions
            b.pageSize(), b.evictionPolicy()});
    }

    private List<Object[]> memory() {
        List<Object[]> rows = new ArrayList<>();
        for (MemoryComponent c : MemoryComponent.read(storage)) {
            rows.add(new Object[] {c.component(), c.allocatedBytes(), c.usedBytes(), c.source()});
        }
        return rows;
    }

    private BigDecimal metric(String name) {
        OptionalDouble v = metrics.value(name, Map.of());
        return v.isPresent() ? numeric(v.getAsDouble()) : null;
    }

    /**
     * Ratios, percentages and rates are numeric, as the Administration Guide's queries round them
     * ({@code ROUND(hit_ratio * 100, 2)}: PostgreSQL has no round(double precision, integer)).
     */
    private static BigDecimal numeric(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
