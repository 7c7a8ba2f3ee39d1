package io.rustydb.actors.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.lifecycle.NodeLifecycle;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.types.DataType;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node's health checks. Every figure is measured when the checks run: connections from
 * the session registry, heap use from the JVM, free space from the data directory's file system,
 * the buffer pool hit ratio from RocksDB's block cache tickers over the last one to two intervals,
 * lock contention from the sessions waiting for row and table locks now.
 * {@link #tick()} runs every {@code interval_seconds}: it advances the hit ratio window and logs
 * changes of the node's status. Also provides the {@code v$health_check} view.
 *
 * <p>Not checked yet, because nothing measures it: replication lag (there is no replication).
 */
public final class HealthMonitor implements SystemViewProvider {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthSettings settings;
    private final NodeLifecycle lifecycle;
    private final SessionRegistry sessions;
    private final StorageEngine storage;
    private final Path dataDir;
    private final String version;
    private final HitRatioWindow hitRatio;
    private volatile HealthStatus lastStatus;
    /** Set before storage closes: the block cache statistics must not be read any more. */
    private volatile boolean stopped;

    public HealthMonitor(HealthSettings settings, NodeLifecycle lifecycle, SessionRegistry sessions,
            StorageEngine storage, String version) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.storage = storage;
        this.dataDir = storage.settings().dataDir();
        this.version = version;
        this.hitRatio = new HitRatioWindow(settings.interval().toNanos(), blockCacheSample());
    }

    public HealthSettings settings() {
        return settings;
    }

    /** Runs every check now. */
    public HealthReport check() {
        Instant now = Instant.now();
        List<HealthCheck> checks = List.of(database(), connectionPool(), memory(), diskSpace(), bufferPool(),
                lockContention());
        HealthStatus overall = HealthStatus.HEALTHY;
        for (HealthCheck check : checks) {
            overall = overall.worst(check.status());
        }
        long uptime = Math.max(0, Duration.between(lifecycle.startedAt(), now).toSeconds());
        return new HealthReport(overall, now, uptime, version, activeTransactions(), checks);
    }

    /** Stops reading storage statistics; called by the shutdown before storage closes. */
    public synchronized void stop() {
        stopped = true;
    }

    /** The periodic step: samples the block cache counters and logs a change of the node's status. */
    public synchronized void tick() {
        if (stopped) {
            return;
        }
        hitRatio.sample(blockCacheSample());
        HealthReport report = check();
        HealthStatus previous = lastStatus;
        lastStatus = report.status();
        if (previous != null && previous != report.status()) {
            StringBuilder failing = new StringBuilder();
            for (HealthCheck c : report.checks()) {
                if (c.status() != HealthStatus.HEALTHY) {
                    failing.append(failing.length() == 0 ? "" : "; ").append(c.name()).append(": ").append(c.message());
                }
            }
            if (report.status().ordinal() > previous.ordinal()) {
                LOG.warn("Health status {} -> {} ({})", previous, report.status(), failing);
            } else {
                LOG.info("Health status {} -> {}{}", previous, report.status(),
                        failing.length() == 0 ? "" : " (" + failing + ")");
            }
        }
    }

    private HealthCheck database() {
        NodeLifecycle.State state = lifecycle.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("version", version);
        details.put("uptime_sec", Math.max(0, Duration.between(lifecycle.startedAt(), Instant.now()).toSeconds()));
        boolean open = state == NodeLifecycle.State.OPEN;
        String message = switch (state) {
            case STARTING -> "starting: not accepting connections yet";
            case OPEN -> "open for connections";
            case STOPPING -> "shutting down";
            case STOPPED -> "stopped";
        };
        return new HealthCheck("database", open ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, null, null, null,
                message, details);
    }

    private HealthCheck connectionPool() {
        int used = sessions.connectionCount();
        int max = sessions.maxConnections();
        double percent = 100.0 * used / max;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("active", used);
        details.put("max", max);
        return graded("connection_pool", percent, "percent", settings.connectionPool(),
                used + "/" + max + " connections in use", details);
    }

    private HealthCheck memory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double percent = 100.0 * heap.getUsed() / max;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("heap_used_bytes", heap.getUsed());
        details.put("heap_committed_bytes", heap.getCommitted());
        details.put("heap_max_bytes", max);
        return graded("memory", percent, "percent", settings.memory(),
                String.format(Locale.ROOT, "%.1f%% of the JVM heap in use (%d of %d MB)", percent,
                        heap.getUsed() >> 20, max >> 20), details);
    }

    private HealthCheck diskSpace() {
        FileStore store;
        long total;
        long usable;
        try {
            store = Files.getFileStore(dataDir);
            total = store.getTotalSpace();
            usable = store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return new HealthCheck("disk_space", HealthStatus.UNHEALTHY, null, "percent", settings.diskSpace(),
                    "cannot read the free space of " + dataDir + ": " + e.getMessage(), Map.of("path", dataDir.toString()));
        }
        double percent = total == 0 ? 0 : 100.0 * (total - usable) / total;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", dataDir.toString());
        details.put("total_bytes", total);
        details.put("available_bytes", usable);
        return graded("disk_space", percent, "percent", settings.diskSpace(),
                String.format(Locale.ROOT, "%.1f%% disk space used (%d of %d MB available)", percent,
                        usable >> 20, total >> 20), details);
    }

    private HealthCheck bufferPool() {
        if (stopped) {
            return new HealthCheck("buffer_pool", HealthStatus.UNHEALTHY, null, "ratio", settings.bufferPool(),
                    "storage is closing", Map.of());
        }
        HitRatioWindow.Ratio ratio;
        try {
            ratio = hitRatio.ratio(blockCacheSample());
        } catch (RuntimeException e) {
            return new HealthCheck("buffer_pool", HealthStatus.UNHEALTHY, null, "ratio", settings.bufferPool(),
                    "cannot read the block cache statistics: " + e.getMessage(), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hits", ratio.hits());
        details.put("misses", ratio.misses());
        details.put("window_seconds", Duration.ofNanos(ratio.windowNanos()).toSeconds());
        details.put("size_bytes", storage.blockCacheCapacity());
        details.put("used_bytes", storage.blockCacheUsage());
        if (ratio.ratio() == null) {
            return new HealthCheck("buffer_pool", HealthStatus.HEALTHY, null, "ratio", settings.bufferPool(),
                    "no buffer pool lookups in the last " + details.get("window_seconds") + " s", details);
        }
        return graded("buffer_pool", ratio.ratio(), "ratio", settings.bufferPool(),
                String.format(Locale.ROOT, "Hit ratio: %.1f%% (%d hits, %d misses in %d s)", ratio.ratio() * 100,
                        ratio.hits(), ratio.misses(), details.get("window_seconds")), details);
    }

    /**
     * The guide's lock contention check: the mean time the sessions waiting for a lock now have
     * waited so far; null (HEALTHY) when no session waits.
     */
    private HealthCheck lockContention() {
        java.util.Map<Integer, io.rustydb.sql.admin.LockWaits.LockWait> waits;
        try {
            waits = stopped ? Map.of() : sessions.lockWaits();
        } catch (RuntimeException e) {
            return new HealthCheck("lock_contention", HealthStatus.UNHEALTHY, null, "ms", settings.lockContention(),
                    "cannot read the lock waits: " + e.getMessage(), Map.of());
        }
        int open = sessions.sessions().size();
        long total = 0;
        long longest = 0;
        java.util.TreeSet<Integer> blockers = new java.util.TreeSet<>();
        for (io.rustydb.sql.admin.LockWaits.LockWait w : waits.values()) {
            total += w.waitMillis();
            longest = Math.max(longest, w.waitMillis());
            blockers.addAll(w.blockingSessions());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("waiting_sessions", waits.size());
        details.put("sessions", open);
        details.put("longest_wait_ms", longest);
        details.put("blocking_sessions", List.copyOf(blockers));
        if (waits.isEmpty()) {
            return new HealthCheck("lock_contention", HealthStatus.HEALTHY, null, "ms", settings.lockContention(),
                    "no session is waiting for a lock", details);
        }
        double average = (double) total / waits.size();
        return graded("lock_contention", average, "ms", settings.lockContention(),
                String.format(Locale.ROOT, "%d of %d sessions waiting for locks, %.0f ms on average (longest %d ms)",
                        waits.size(), open, average, longest), details);
    }

    private static HealthCheck graded(String name, double value, String unit, Threshold threshold, String message,
            Map<String, Object> details) {
        return new HealthCheck(name, threshold.grade(value), value, unit, threshold, message, details);
    }

    private HitRatioWindow.Sample blockCacheSample() {
        return new HitRatioWindow.Sample(System.nanoTime(),
                storage.blockCacheHits(),
                storage.blockCacheMisses());
    }

    /** Sessions inside a transaction: an explicit block, or a running (autocommit) statement. */
    private int activeTransactions() {
        int n = 0;
        for (SessionState s : sessions.sessions()) {
            if (s.transactionStartMillis() != 0 || s.status() == SessionStatus.ACTIVE) {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(SystemView.of("v$health_check", List.of(
                new SystemView.Column("component", DataType.VARCHAR),
                new SystemView.Column("status", DataType.VARCHAR),
                new SystemView.Column("message", DataType.TEXT),
                new SystemView.Column("last_check_time", DataType.TIMESTAMP),
                new SystemView.Column("details", DataType.TEXT),
                new SystemView.Column("measured_value", DataType.DOUBLE),
                new SystemView.Column("warning_threshold", DataType.DOUBLE),
                new SystemView.Column("critical_threshold", DataType.DOUBLE)), this::viewRows));
    }

    private List<Object[]> viewRows() {
        HealthReport report = check();
        long at = report.checkedAt().toEpochMilli();
        List<Object[]> rows = new ArrayList<>();
        for (HealthCheck c : report.checks()) {
            rows.add(new Object[] {c.name(), c.status().name(), c.message(), at, json(c.details()), c.value(),
                    c.threshold() == null ? null : c.threshold().warning(),
                    c.threshold() == null ? null : c.threshold().critical()});
        }
        return rows;
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render health details", e);
        }
    }
}
