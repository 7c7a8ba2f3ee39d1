package io.rustydb.http.routes;

import io.rustydb.actors.health.HealthCheck;
import io.rustydb.actors.health.HealthReport;
import io.rustydb.actors.health.HealthStatus;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/health/live} and {@code /ready} (the container probes, open without a token
 * and answered as the Monitoring Guide shows them, outside the envelope) and
 * {@code GET /api/v1/admin/health} (every health check, administrators only).
 */
public final class HealthRoutes extends AllDirectives {
    private final ApiToolkit api;

    public HealthRoutes(ApiToolkit api) {
        this.api = api;
    }

    /** Routes below {@code /api/v1}. */
    public Route route() {
        return concat(
                pathPrefix("health", () -> concat(
                        path("live", () -> get(() -> complete(live()))),
                        path("ready", () -> get(() -> complete(ready()))))),
                path(PathMatchers.segment("admin").slash("health"), () -> get(() -> api.admin(principal ->
                        api.respond(() -> render(api.context().health().check()))))));
    }

    private static HttpResponse live() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "alive");
        body.put("timestamp", Instant.now());
        return ApiJson.json(200, body);
    }

    private HttpResponse ready() {
        boolean open = api.context().lifecycle().isReady();
        var sessions = api.context().sessions();
        boolean slots = sessions.connectionCount() < sessions.maxConnections();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", open);
        checks.put("connections_available", slots);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", open && slots ? "ready" : "not_ready");
        body.put("checks", checks);
        body.put("timestamp", Instant.now());
        return ApiJson.json(open && slots ? 200 : 503, body);
    }

    /** The guide's shape (status, timestamp, components) plus every check with its value and thresholds. */
    static Map<String, Object> render(HealthReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", report.status().name());
        data.put("timestamp", report.checkedAt());
        data.put("components", components(report));
        List<Map<String, Object>> checks = new ArrayList<>();
        for (HealthCheck c : report.checks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("status", c.status().name());
            check.put("value", c.value() == null ? null : round(c.value(), 4));
            check.put("unit", c.unit());
            check.put("warning_threshold", c.threshold() == null ? null : c.threshold().warning());
            check.put("critical_threshold", c.threshold() == null ? null : c.threshold().critical());
            check.put("message", c.message());
            check.put("details", c.details());
            checks.add(check);
        }
        data.put("checks", checks);
        return data;
    }

    private static Map<String, Object> components(HealthReport report) {
        HealthCheck database = report.check("database").orElseThrow();
        HealthCheck pool = report.check("connection_pool").orElseThrow();
        HealthCheck memory = report.check("memory").orElseThrow();
        HealthCheck disk = report.check("disk_space").orElseThrow();
        HealthCheck buffer = report.check("buffer_pool").orElseThrow();

        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", database.status().componentStatus());
        db.put("uptime_sec", report.uptimeSeconds());
        db.put("version", report.version());
        db.put("state", database.details().get("state"));
        components.put("database", db);

        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("status", disk.status().worst(buffer.status()).componentStatus());
        storage.put("disk_usage_percent", disk.value() == null ? null : round(disk.value(), 2));
        storage.put("buffer_pool_hit_ratio", buffer.value() == null ? null : round(buffer.value(), 4));
        components.put("storage", storage);

        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("status", pool.status().componentStatus());
        connections.put("active", pool.details().get("active"));
        connections.put("max", pool.details().get("max"));
        connections.put("utilization_percent", round(pool.value(), 2));
        components.put("connections", connections);

        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("status", memory.status().componentStatus());
        mem.put("heap_used_bytes", memory.details().get("heap_used_bytes"));
        mem.put("heap_max_bytes", memory.details().get("heap_max_bytes"));
        mem.put("usage_percent", memory.value() == null ? null : round(memory.value(), 2));
        components.put("memory", mem);

        Map<String, Object> transactions = new LinkedHashMap<>();
        HealthStatus locks = report.check("lock_contention").map(HealthCheck::status).orElse(HealthStatus.HEALTHY);
        transactions.put("status", locks.componentStatus());
        transactions.put("active", report.activeTransactions());
        transactions.put("waiting_for_locks", report.check("lock_contention")
                .map(c -> c.details().get("waiting_sessions")).orElse(null));
        components.put("transactions", transactions);
        return components;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
