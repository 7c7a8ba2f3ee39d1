package io.rustydb.http.routes;

import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.monitoring.statements.PlanNode;
import io.rustydb.monitoring.statements.QueryProfile;
import io.rustydb.monitoring.statements.SqlStatSnapshot;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.monitoring.statements.WaitEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The statement statistics over REST: {@code GET /api/v1/stats/queries?limit=} (the slow
 * statements, whose mean or 95th percentile time is over {@code rustydb.logging.slow_query_threshold_ms},
 * slowest first, and the most executed ones) and {@code GET /api/v1/profiler/query/{sql_id}} (a
 * statement's last profile: its plan with estimated and measured rows and time per operator, the
 * execution's totals and the waits it measured). Any token; 503 when metrics are disabled.
 */
public final class StatementRoutes extends AllDirectives implements ApiExtension {
    /** Rows per list when {@code limit} is not given. */
    static final int DEFAULT_LIMIT = 20;
    /** The largest {@code limit}. */
    static final int MAX_LIMIT = 1000;

    private final SqlStatistics store;

    public StatementRoutes(SqlStatistics store) {
        this.store = store;
    }

    @Override
    public Route route(ApiToolkit api) {
        return concat(
                path(PathMatchers.segment("api").slash("v1").slash("stats").slash("queries"), () -> get(() ->
                        api.authenticated(p -> parameterOptional("limit", limit ->
                                api.respondWith(() -> queries(limit)))))),
                path(PathMatchers.segment("api").slash("v1").slash("profiler").slash("query")
                        .slash(PathMatchers.segment()), id -> get(() ->
                                api.authenticated(p -> api.respondWith(() -> profile(id))))));
    }

    private HttpResponse disabled() {
        return ApiJson.error(503, "METRICS_DISABLED", "statement statistics are disabled (rustydb.monitoring.metrics_enabled)");
    }

    private HttpResponse queries(Optional<String> limitParameter) {
        int limit = limit(limitParameter);
        if (!store.enabled()) {
            return disabled();
        }
        long threshold = store.settings().slowQueryThresholdMs();
        List<SqlStatSnapshot> all = store.snapshot();
        List<SqlStatSnapshot> slow = new ArrayList<>();
        for (SqlStatSnapshot s : all) {
            if (s.executions() > 0 && (s.avgTimeMs() > threshold || s.p95TimeMs() > threshold)) {
                slow.add(s);
            }
        }
        slow.sort(Comparator.comparingDouble(SqlStatSnapshot::avgTimeMs).reversed()
                .thenComparing(Comparator.comparingDouble(SqlStatSnapshot::totalTimeMs).reversed()));
        List<SqlStatSnapshot> byCalls = new ArrayList<>(all);
        byCalls.sort(Comparator.comparingLong(SqlStatSnapshot::executions).reversed()
                .thenComparing(Comparator.comparingDouble(SqlStatSnapshot::totalTimeMs).reversed()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("slow_queries", slow.stream().limit(limit).map(StatementRoutes::query).toList());
        data.put("top_queries_by_calls", byCalls.stream().limit(limit).map(StatementRoutes::query).toList());
        data.put("slow_query_threshold_ms", threshold);
        data.put("statements", store.size());
        data.put("max_statements", store.settings().maxStatements());
        data.put("evicted_statements", store.evictions());
        return ApiJson.ok(data);
    }

    /** The limit parameter: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent; 400 otherwise. */
    static int limit(Optional<String> parameter) {
        if (parameter.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(parameter.get().strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiError.badRequest("INVALID_PARAMETER", "limit must be an integer from 1 to " + MAX_LIMIT + ", got \""
                + parameter.get() + "\"");
    }

    private static Map<String, Object> query(SqlStatSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query_id", s.sqlId());
        m.put("sql", s.sqlText());
        m.put("calls", s.executions());
        m.put("errors", s.errors());
        m.put("avg_time_ms", ms(s.avgTimeMs()));
        m.put("total_time_ms", ms(s.totalTimeMs()));
        m.put("max_time_ms", ms(s.maxTimeMs()));
        m.put("p95_time_ms", ms(s.p95TimeMs()));
        m.put("p99_time_ms", ms(s.p99TimeMs()));
        m.put("rows_returned_avg", ms(s.rowsReturnedAvg()));
        m.put("rows_examined", s.rowsExamined());
        m.put("first_seen", Instant.ofEpochMilli(s.firstSeenMillis()));
        m.put("last_seen", Instant.ofEpochMilli(s.lastSeenMillis()));
        return m;
    }

    private HttpResponse profile(String sqlId) {
        if (!store.enabled()) {
            return disabled();
        }
        if (store.get(sqlId).isEmpty()) {
            throw ApiError.notFound("QUERY_NOT_FOUND", "no statistics for sql_id \"" + sqlId + "\"");
        }
        QueryProfile profile = store.profile(sqlId).orElseThrow(() -> ApiError.notFound("PROFILE_NOT_FOUND",
                "statement " + sqlId + " has not been profiled yet"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("query_id", profile.sqlId());
        data.put("sql", profile.sqlText());
        data.put("captured_at", Instant.ofEpochMilli(profile.capturedAtMillis()));
        data.put("execution_plan", node(profile.plan()));
        QueryProfile.Stats st = profile.stats();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total_execution_time_ms", ms(st.totalExecutionTimeMs()));
        if (st.cpuTimeMs() != null) {
            stats.put("cpu_time_ms", ms(st.cpuTimeMs()));
        }
        if (st.ioTimeMs() != null) {
            stats.put("io_time_ms", ms(st.ioTimeMs()));
        }
        stats.put("rows_returned", st.rowsReturned());
        stats.put("rows_affected", st.rowsAffected());
        stats.put("rows_examined", st.rowsExamined());
        stats.put("bytes_read", st.bytesRead());
        stats.put("cache_hits", st.cacheHits());
        stats.put("cache_misses", st.cacheMisses());
        data.put("execution_stats", stats);
        List<Map<String, Object>> waits = new ArrayList<>();
        for (WaitEvent w : profile.waitEvents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", w.event());
            m.put("wait_time_ms", ms(w.waitTimeMs()));
            m.put("wait_count", w.waitCount());
            waits.add(m);
        }
        data.put("wait_events", waits);
        return ApiJson.ok(data);
    }

    private static Map<String, Object> node(PlanNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", n.operator());
        if (n.table() != null) {
            m.put("table", n.table());
        }
        if (n.index() != null) {
            m.put("index", n.index());
        }
        if (!n.details().isEmpty()) {
            m.put("details", n.details());
        }
        if (n.estimatedRows() != null) {
            m.put("estimated_rows", ms(n.estimatedRows()));
        }
        if (n.estimatedCost() != null) {
            m.put("estimated_cost", ms(n.estimatedCost()));
        }
        if (n.actualRows() != null) {
            m.put("rows_returned", n.actualRows());
            m.put("loops", n.loops());
            m.put("execution_time_ms", ms(n.actualTimeMs()));
        }
        if (!n.children().isEmpty()) {
            m.put("children", n.children().stream().map(StatementRoutes::node).toList());
        }
        return m;
    }

    /** Three decimals (microseconds for times); null for NaN. */
    private static Double ms(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1000) / 1000.0;
    }
}
