package io.rustydb.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.common.session.WaitClass;
import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.sampling.ash.ActiveSessionHistory;
import io.rustydb.sampling.ash.AshReports;
import io.rustydb.sampling.ash.AshSample;
import io.rustydb.sampling.ash.AshService;
import io.rustydb.sampling.ash.AshSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The ASH API ({@code /api/v1/ash/...}): samples with filters, per-statement and per-session
 * statistics, the reports, the configuration (read; change at runtime as an administrator) and
 * the sampler's own statistics. Times from samples are sample-weighted (each sample stands for
 * the time since the previous tick), percentages are shares of DB time.
 */
public final class AshRoutes extends AllDirectives implements ApiExtension {
    private static final int MAX_LIMIT = 100_000;
    private static final Set<String> REPORTS = Set.of("top_sql_by_cpu", "wait_events", "session_activity",
            "top_sessions", "blocking_chains");

    private final AshService ash;

    public AshRoutes(AshService ash) {
        this.ash = ash;
    }

    @Override
    public Route route(ApiToolkit api) {
        return pathPrefix(PathMatchers.segment("api").slash("v1").slash("ash"), () -> concat(
                path("samples", () -> get(() -> api.authenticated(p -> parameterMap(q ->
                        api.respond(() -> samples(q)))))),
                path("sql-stats", () -> get(() -> api.authenticated(p -> parameterMap(q ->
                        api.respond(() -> sqlStats(q)))))),
                path("session-stats", () -> get(() -> api.authenticated(p -> parameterMap(q ->
                        api.respond(() -> sessionStats(q)))))),
                path("report", () -> get(() -> api.authenticated(p -> parameterMap(q ->
                        api.respond(() -> report(q)))))),
                path("stats", () -> get(() -> api.authenticated(p -> api.respond(this::stats)))),
                path("config", () -> concat(
                        get(() -> api.authenticated(p -> api.respond(() -> config(ash.history().settings())))),
                        put(() -> api.admin(p -> api.jsonBody(body -> api.respond(() -> reconfigure(body)))))))));
    }

    // ---- queries

    /** The window and filters every query accepts. */
    private record Window(Instant start, Instant end, Integer sessionId, String sqlId, WaitClass waitClass) {
        Predicate<AshSample> filter() {
            return s -> (start == null || s.sampleTimeMillis() >= start.toEpochMilli())
                    && (end == null || s.sampleTimeMillis() <= end.toEpochMilli())
                    && (sessionId == null || s.sessionId() == sessionId)
                    && (sqlId == null || sqlId.equals(s.sqlId()))
                    && (waitClass == null || s.waitClass() == waitClass);
        }
    }

    private static Window window(Map<String, String> q) {
        Instant start = instant(q, "start");
        Instant end = instant(q, "end");
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiError.badRequest("INVALID_PARAMETER", "start (" + start + ") is after end (" + end + ")");
        }
        String waitClass = q.get("wait_class");
        WaitClass wc = null;
        if (waitClass != null) {
            wc = WaitClass.parse(waitClass);
            if (wc == null) {
                throw ApiError.badRequest("INVALID_PARAMETER", "unknown wait_class '" + waitClass + "'; one of "
                        + java.util.Arrays.stream(WaitClass.values()).map(WaitClass::apiName).toList());
            }
        }
        String sessionId = q.get("session_id");
        return new Window(start, end, sessionId == null ? null : sessionId(sessionId), q.get("sql_id"), wc);
    }

    private static int sessionId(String text) {
        try {
            return io.rustydb.sql.admin.SessionIds.parse(text);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", "session_id must be a session id, got '" + text + "'");
        }
    }

    private static Instant instant(Map<String, String> q, String name) {
        String text = q.get(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be an ISO-8601 instant such as "
                    + "2025-12-27T10:00:00Z, got '" + text + "'");
        }
    }

    private static int limit(Map<String, String> q, int fallback) {
        String text = q.get("limit");
        if (text == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest("INVALID_PARAMETER", "limit must be an integer from 1 to " + MAX_LIMIT
                + ", got '" + text + "'");
    }

    private List<AshSample> selected(Window w) {
        return ash.history().buffer().select(w.filter());
    }

    private Map<String, Object> samples(Map<String, String> q) {
        Window w = window(q);
        int limit = limit(q, 100);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AshSample s : ash.history().buffer().newest(w.filter(), limit)) {
            out.add(sample(s));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("samples", out);
        data.put("count", out.size());
        return data;
    }

    private Map<String, Object> sqlStats(Map<String, String> q) {
        Window w = window(q);
        List<AshSample> samples = selected(w);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AshReports.SqlActivity a : AshReports.topSql(samples, limit(q, 20), false)) {
            out.add(sql(a));
        }
        Map<String, Object> data = timeRange(w, samples);
        data.put("total_db_time_ms", AshReports.dbTimeMillis(samples));
        data.put("sql_stats", out);
        return data;
    }

    private Map<String, Object> sessionStats(Map<String, String> q) {
        Window w = window(q);
        List<AshSample> samples = selected(w);
        List<AshReports.SessionActivity> sessions = AshReports.sessions(samples, limit(q, 100));
        if (w.sessionId() != null && sessions.isEmpty() && ash.history().identity(w.sessionId()).isEmpty()) {
            throw ApiError.notFound("SESSION_NOT_FOUND", "session " + w.sessionId()
                    + " is neither connected nor in the ASH history");
        }
        Map<String, Object> data = timeRange(w, samples);
        data.put("total_db_time_ms", AshReports.dbTimeMillis(samples));
        if (w.sessionId() != null) {
            data.put("session", sessions.isEmpty() ? identityOnly(ash.history().identity(w.sessionId()).get())
                    : session(sessions.get(0)));
        } else {
            data.put("sessions", sessions.stream().map(AshRoutes::session).toList());
        }
        return data;
    }

    private Map<String, Object> report(Map<String, String> q) {
        String type = q.get("report_type");
        if (type == null || !REPORTS.contains(type)) {
            throw ApiError.badRequest("INVALID_PARAMETER", "report_type must be one of "
                    + new java.util.TreeSet<>(REPORTS) + (type == null ? "" : ", got '" + type + "'"));
        }
        Window w = window(q);
        int limit = limit(q, 10);
        List<AshSample> samples = selected(w);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("report_type", type);
        data.putAll(timeRange(w, samples));
        long dbTime = AshReports.dbTimeMillis(samples);
        data.put("total_db_time_ms", dbTime);
        data.put("total_samples", samples.size());
        switch (type) {
            case "top_sql_by_cpu" -> {
                List<Map<String, Object>> top = new ArrayList<>();
                for (AshReports.SqlActivity a : AshReports.topSql(samples, limit, true)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sql_id", a.sqlId());
                    m.put("sql_text", a.sqlText());
                    m.put("executions", a.executions());
                    m.put("total_cpu_time_ms", a.cpuTimeMillis());
                    m.put("avg_cpu_time_ms", round(a.cpuTimeMillis() / (double) Math.max(1, a.executions())));
                    m.put("total_samples", a.samples());
                    m.put("percent_of_total_cpu", a.percentOfDbTime());
                    top.add(m);
                }
                data.put("top_sql", top);
            }
            case "wait_events" -> {
                List<Map<String, Object>> classes = new ArrayList<>();
                long cpu = 0;
                for (AshReports.ClassActivity c : AshReports.waitClasses(samples)) {
                    if (c.waitClass() == WaitClass.CPU) {
                        cpu = c.waitTimeMillis();
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("wait_class", c.waitClass().apiName());
                    m.put("total_wait_time_ms", c.waitTimeMillis());
                    m.put("wait_count", c.waitCount());
                    m.put("avg_wait_ms", c.avgWaitMillis());
                    m.put("percent_of_total", c.percentOfDbTime());
                    List<Map<String, Object>> events = new ArrayList<>();
                    for (AshReports.EventActivity e : c.events()) {
                        Map<String, Object> em = new LinkedHashMap<>();
                        em.put("event", e.event().apiName());
                        em.put("wait_time_ms", e.waitTimeMillis());
                        em.put("wait_count", e.waitCount());
                        em.put("avg_wait_ms", e.avgWaitMillis());
                        em.put("percent_of_total", e.percentOfDbTime());
                        events.add(em);
                    }
                    m.put("top_events", events.subList(0, Math.min(limit, events.size())));
                    classes.add(m);
                }
                data.put("cpu_time_ms", cpu);
                data.put("wait_classes", classes);
            }
            case "session_activity", "top_sessions" -> data.put(type.equals("top_sessions") ? "top_sessions"
                    : "sessions", AshReports.sessions(samples, limit).stream().map(AshRoutes::session).toList());
            default -> {
                List<Map<String, Object>> chains = new ArrayList<>();
                for (AshReports.BlockingChain c : AshReports.blockingChains(samples, limit,
                        id -> ash.history().identity(id).orElse(null))) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("blocking_session", c.blockingSession());
                    m.put("blocking_user", c.blockerUser());
                    m.put("blocking_program", c.blockerProgram());
                    m.put("blocked_time_ms", c.blockedTimeMillis());
                    m.put("samples", c.samples());
                    List<Map<String, Object>> blocked = new ArrayList<>();
                    for (AshReports.Blocked b : c.blocked()) {
                        Map<String, Object> bm = new LinkedHashMap<>();
                        bm.put("session_id", b.sessionId());
                        bm.put("user_name", b.user());
                        bm.put("sql_id", b.sqlId());
                        bm.put("event", b.event());
                        bm.put("depth", b.depth());
                        bm.put("samples", b.samples());
                        bm.put("blocked_time_ms", b.blockedTimeMillis());
                        bm.put("max_time_waited_ms", b.maxTimeWaitedMillis());
                        blocked.add(bm);
                    }
                    m.put("blocked_sessions", blocked);
                    chains.add(m);
                }
                data.put("blocking_chains", chains);
            }
        }
        return data;
    }

    private Map<String, Object> timeRange(Window w, List<AshSample> samples) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start", w.start() != null ? w.start()
                : samples.isEmpty() ? null : Instant.ofEpochMilli(samples.get(0).sampleTimeMillis()));
        range.put("end", w.end() != null ? w.end()
                : samples.isEmpty() ? null : Instant.ofEpochMilli(samples.get(samples.size() - 1).sampleTimeMillis()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("time_range", range);
        return data;
    }

    private Map<String, Object> stats() {
        ActiveSessionHistory.Stats s = ash.history().stats();
        AshSettings settings = ash.history().settings();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enabled", settings.enabled());
        data.put("sample_interval_ms", settings.sampleInterval().toMillis());
        data.put("ticks", s.ticks());
        data.put("total_samples", s.samples());
        data.put("samples_in_buffer", s.buffered());
        data.put("buffer_capacity", s.capacity());
        data.put("buffer_used_percent", round(s.buffered() * 100.0 / s.capacity()));
        data.put("overwritten_samples", s.overwritten());
        data.put("expired_samples", s.expired());
        data.put("oldest_sample_time", s.oldestMillis() == 0 ? null : Instant.ofEpochMilli(s.oldestMillis()));
        data.put("newest_sample_time", s.newestMillis() == 0 ? null : Instant.ofEpochMilli(s.newestMillis()));
        data.put("last_tick_time", s.lastTickMillis() == 0 ? null : Instant.ofEpochMilli(s.lastTickMillis()));
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("total_ms", round(s.totalSamplingNanos() / 1e6));
        cost.put("avg_tick_us", s.ticks() == 0 ? null : round(s.totalSamplingNanos() / 1e3 / s.ticks()));
        cost.put("last_tick_us", round(s.lastTickNanos() / 1e3));
        cost.put("max_tick_us", round(s.maxTickNanos() / 1e3));
        long alive = Math.max(1, System.currentTimeMillis() - s.startedMillis());
        if (s.totalSamplingCpuNanos() >= 0) {
            // CPU time, not elapsed time: on a busy machine a tick waits for a core, which costs nothing
            cost.put("cpu_ms", round(s.totalSamplingCpuNanos() / 1e6));
            cost.put("avg_tick_cpu_us", s.ticks() == 0 ? null : round(s.totalSamplingCpuNanos() / 1e3 / s.ticks()));
            cost.put("share_of_one_core_percent", round(s.totalSamplingCpuNanos() / 1e4 / alive));
        }
        data.put("sampling_cost", cost);
        data.put("stream_dropped_samples", s.streamDropped());
        return data;
    }

    // ---- configuration

    private static Map<String, Object> config(AshSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("sample_interval_ms", s.sampleInterval().toMillis());
        m.put("sample_interval_seconds", s.sampleInterval().toMillis() / 1000.0);
        m.put("max_samples", s.maxSamples());
        m.put("retention_hours", s.retention().toMillis() / 3_600_000.0);
        m.put("capture_sql_text", s.captureSqlText());
        m.put("capture_wait_events", s.captureWaitEvents());
        m.put("capture_blocking_sessions", s.captureBlockingSessions());
        m.put("capture_resource_usage", s.captureResourceUsage());
        return m;
    }

    private Map<String, Object> reconfigure(JsonNode body) {
        if (!body.isObject() || body.isEmpty()) {
            throw ApiError.badRequest("INVALID_REQUEST", "expected a JSON object with the settings to change");
        }
        AshSettings s = ash.history().settings();
        boolean enabled = s.enabled();
        Duration interval = s.sampleInterval();
        int maxSamples = s.maxSamples();
        Duration retention = s.retention();
        boolean[] flags = {s.captureSqlText(), s.captureWaitEvents(), s.captureBlockingSessions(),
            s.captureResourceUsage()};
        List<String> flagNames = List.of("capture_sql_text", "capture_wait_events", "capture_blocking_sessions",
                "capture_resource_usage");
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            switch (name) {
                case "enabled" -> enabled = bool(name, v);
                case "sample_interval_ms" -> interval = Duration.ofNanos(Math.round(number(name, v) * 1e6));
                case "sample_interval_seconds" -> interval = Duration.ofNanos(Math.round(number(name, v) * 1e9));
                case "max_samples" -> {
                    double n = number(name, v);
                    if (n != Math.rint(n)) {
                        throw ApiError.badRequest("INVALID_PARAMETER", "max_samples must be an integer");
                    }
                    maxSamples = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
                }
                case "retention_hours" -> retention = Duration.ofMillis(Math.round(number(name, v) * 3_600_000));
                default -> {
                    int i = flagNames.indexOf(name);
                    if (i < 0) {
                        throw ApiError.badRequest("INVALID_PARAMETER", "unknown setting '" + name + "'; settings: "
                                + config(s).keySet());
                    }
                    flags[i] = bool(name, v);
                }
            }
        }
        AshSettings next;
        try {
            next = new AshSettings(enabled, interval, maxSamples, retention, flags[0], flags[1], flags[2], flags[3]);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_PARAMETER", e.getMessage().replace("rustydb.ash.", ""));
        }
        try {
            ash.reconfigure(next).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reconfiguring ASH", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the ASH sampler did not take the new settings", e);
        }
        return config(ash.history().settings());
    }

    private static boolean bool(String name, JsonNode v) {
        if (!v.isBoolean()) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be true or false");
        }
        return v.booleanValue();
    }

    private static double number(String name, JsonNode v) {
        if (!v.isNumber()) {
            throw ApiError.badRequest("INVALID_PARAMETER", name + " must be a number");
        }
        return v.doubleValue();
    }

    // ---- rendering

    private static Map<String, Object> sample(AshSample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample_id", s.sampleId());
        m.put("sample_time", Instant.ofEpochMilli(s.sampleTimeMillis()));
        m.put("sample_weight_ms", s.weightMillis());
        m.put("session_id", s.sessionId());
        m.put("session_serial", s.sessionSerial());
        m.put("user_name", s.user());
        m.put("program", s.program());
        m.put("client_address", s.clientAddress());
        m.put("sql_id", s.sqlId());
        m.put("sql_text", s.sqlText());
        m.put("sql_exec_id", s.sqlExecId());
        m.put("sql_plan_hash_value", s.planHash() == 0 ? null : s.planHash());
        m.put("session_state", s.sessionState());
        m.put("wait_class", s.waitClass().apiName());
        m.put("wait_event", s.waitEvent() == null ? null : s.waitEvent().apiName());
        m.put("time_waited_ms", s.onCpu() ? 0 : round(s.timeWaitedMicros() / 1000.0));
        m.put("blocking_session", s.blockingSession() == 0 ? null : s.blockingSession());
        m.put("current_object", s.currentObject());
        m.put("tablespace", s.tablespace());
        m.put("cpu_time_ms", s.cpuNanos() < 0 ? null : round(s.cpuNanos() / 1e6));
        m.put("db_time_ms", s.dbNanos() < 0 ? null : round(s.dbNanos() / 1e6));
        return m;
    }

    private static Map<String, Object> sql(AshReports.SqlActivity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sql_id", a.sqlId());
        m.put("sql_text", a.sqlText());
        m.put("total_samples", a.samples());
        m.put("db_time_ms", a.dbTimeMillis());
        m.put("cpu_time_ms", a.cpuTimeMillis());
        m.put("wait_time_ms", a.waitTimeMillis());
        m.put("executions", a.executions());
        m.put("percent_of_db_time", a.percentOfDbTime());
        m.put("top_wait_event", a.topWaitEvent());
        m.put("plan_hash_values", a.planHashes());
        return m;
    }

    private static Map<String, Object> session(AshReports.SessionActivity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", a.sessionId());
        m.put("user_name", a.user());
        m.put("program", a.program());
        m.put("client_address", a.clientAddress());
        m.put("login_time", Instant.ofEpochMilli(a.loginTimeMillis()));
        m.put("total_samples", a.samples());
        m.put("db_time_ms", a.dbTimeMillis());
        m.put("cpu_time_ms", a.cpuTimeMillis());
        m.put("wait_time_ms", a.waitTimeMillis());
        m.put("percent_of_db_time", a.percentOfDbTime());
        m.put("time_by_wait_class_ms", a.waitClassMillis());
        m.put("top_sql_id", a.topSqlId());
        m.put("top_wait_event", a.topWaitEvent());
        m.put("first_sample_time", Instant.ofEpochMilli(a.firstSampleMillis()));
        m.put("last_sample_time", Instant.ofEpochMilli(a.lastSampleMillis()));
        return m;
    }

    private static Map<String, Object> identityOnly(ActiveSessionHistory.SessionIdentity i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", i.sessionId());
        m.put("user_name", i.user());
        m.put("program", i.program());
        m.put("client_address", i.clientAddress());
        m.put("login_time", Instant.ofEpochMilli(i.loginTimeMillis()));
        m.put("ended", i.ended());
        m.put("total_samples", 0);
        m.put("db_time_ms", 0);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
