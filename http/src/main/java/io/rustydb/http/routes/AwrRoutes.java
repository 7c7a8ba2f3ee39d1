package io.rustydb.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.sampling.awr.AwrException;
import io.rustydb.sampling.awr.AwrReport;
import io.rustydb.sampling.awr.AwrService;
import io.rustydb.sampling.awr.AwrSnapshot;
import io.rustydb.sampling.awr.AwrState;
import io.rustydb.sampling.awr.AwrTrends;
import io.rustydb.sampling.awr.Baseline;
import io.rustydb.sampling.awr.HtmlReport;
import io.rustydb.sampling.awr.TextReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The AWR API ({@code /api/v1/awr/...}): snapshots (take one as an administrator, list, read),
 * reports between two snapshots as text, HTML or JSON, baselines, a comparison of a range against a
 * baseline, and trends of a metric. Unknown snapshots and baselines are 404, bad ranges 400.
 */
public final class AwrRoutes extends AllDirectives implements ApiExtension {
    private final AwrService awr;

    public AwrRoutes(AwrService awr) {
        this.awr = awr;
    }

    @Override
    public Route route(ApiToolkit api) {
        return pathPrefix(PathMatchers.segment("api").slash("v1").slash("awr"), () -> concat(
                pathPrefix("snapshots", () -> concat(
                        pathEnd(() -> concat(
                                post(() -> api.admin(p -> api.whenOpen(() -> api.respondWith(this::takeSnapshot)))),
                                get(() -> api.authenticated(p -> api.respond(this::list))))),
                        path(PathMatchers.longSegment(), id -> get(() -> api.authenticated(p ->
                                api.respond(() -> snapshot(id))))))),
                path("report", () -> post(() -> api.authenticated(p -> api.jsonBody(body ->
                        api.respondWith(() -> report(body)))))),
                pathPrefix("baselines", () -> concat(
                        pathEnd(() -> concat(
                                post(() -> api.admin(p -> api.whenOpen(() -> api.jsonBody(body ->
                                        api.respondWith(() -> createBaseline(body)))))),
                                get(() -> api.authenticated(p -> api.respond(this::baselines))))),
                        path(PathMatchers.segment(), name -> delete(() -> api.admin(p -> api.whenOpen(() ->
                                api.respond(() -> baseline(await(awr.dropBaseline(name)))))))))),
                path("compare", () -> post(() -> api.authenticated(p -> api.jsonBody(body ->
                        api.respond(() -> compare(body)))))),
                path("trends", () -> get(() -> api.authenticated(p -> parameterMap(q ->
                        api.respond(() -> trends(q))))))));
    }

    private HttpResponse takeSnapshot() {
        return ApiJson.success(201, summary(await(awr.takeSnapshot()), await(awr.state())));
    }

    private Object list() {
        AwrState state = await(awr.state());
        List<Map<String, Object>> out = new ArrayList<>();
        for (AwrSnapshot s : state.snapshots()) {
            out.add(summary(s, state));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("snapshots", out);
        data.put("total", out.size());
        return data;
    }

    private Object snapshot(long id) {
        AwrState state = await(awr.state());
        AwrSnapshot s = state.snapshot(id).orElseThrow(() -> ApiError.notFound("NOT_FOUND",
                "snapshot " + id + " does not exist"));
        Map<String, Object> m = summary(s, state);
        m.put("system", s.system());
        m.put("sql", s.sql());
        m.put("wait_events", s.waits());
        m.put("io", s.io());
        m.put("buffer_pool", s.bufferPool());
        return m;
    }

    private static Map<String, Object> summary(AwrSnapshot s, AwrState state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot_id", s.snapshotId());
        m.put("instance", s.instance());
        m.put("begin_interval_time", Instant.ofEpochMilli(s.beginMillis()));
        m.put("end_interval_time", Instant.ofEpochMilli(s.endMillis()));
        m.put("startup_time", Instant.ofEpochMilli(s.startupMillis()));
        m.put("trigger", s.trigger());
        m.put("version", s.version());
        m.put("sql_statements", s.sql().size());
        m.put("ash_samples", s.ash().size());
        m.put("ash_samples_dropped", s.ashSamplesDropped());
        m.put("in_baseline", state.inBaseline(s.snapshotId()));
        return m;
    }

    private HttpResponse report(JsonNode body) {
        long start = id(body, "start_snapshot_id");
        long end = id(body, "end_snapshot_id");
        String format = body.hasNonNull("format") ? body.get("format").asText().toLowerCase(Locale.ROOT) : "json";
        if (!List.of("text", "html", "json").contains(format)) {
            throw ApiError.badRequest("INVALID_PARAMETER", "format must be text, html or json, got '"
                    + body.get("format").asText() + "'");
        }
        AwrReport report = call(() -> AwrService.report(await(awr.state()), start, end));
        return switch (format) {
            case "text" -> HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8,
                    TextReport.render(report)));
            case "html" -> HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8,
                    HtmlReport.render(report)));
            default -> ApiJson.ok(report);
        };
    }

    private HttpResponse createBaseline(JsonNode body) {
        String name = ApiJson.requiredString(body, "name");
        long start = id(body, "start_snapshot_id");
        long end = id(body, "end_snapshot_id");
        String description = body.hasNonNull("description") ? body.get("description").asText() : null;
        String type = body.hasNonNull("baseline_type") ? body.get("baseline_type").asText() : "STATIC";
        return ApiJson.success(201, baseline(await(awr.createBaseline(name, start, end, description, type))));
    }

    private Object baselines() {
        AwrState state = await(awr.state());
        List<Map<String, Object>> out = new ArrayList<>();
        state.baselines().values().forEach(b -> out.add(baseline(b)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("baselines", out);
        data.put("total", out.size());
        return data;
    }

    private static Map<String, Object> baseline(Baseline b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("start_snapshot_id", b.startSnapshotId());
        m.put("end_snapshot_id", b.endSnapshotId());
        m.put("description", b.description());
        m.put("baseline_type", b.type());
        m.put("created_at", Instant.ofEpochMilli(b.createdMillis()));
        m.put("expires_at", Instant.ofEpochMilli(b.expiresMillis()));
        return m;
    }

    private Object compare(JsonNode body) {
        String name = ApiJson.requiredString(body, "baseline_name");
        long start = id(body, "current_start_snapshot_id");
        long end = id(body, "current_end_snapshot_id");
        return call(() -> AwrService.compare(await(awr.state()), name, start, end));
    }

    private Object trends(Map<String, String> q) {
        String metric = q.get("metric");
        if (metric == null) {
            throw ApiError.badRequest("INVALID_PARAMETER", "metric is required; one of " + AwrTrends.metrics());
        }
        double days = 7;
        if (q.containsKey("days")) {
            try {
                days = Double.parseDouble(q.get("days").strip());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("INVALID_PARAMETER", "days must be a number, got '" + q.get("days") + "'");
            }
        }
        double d = days;
        return call(() -> AwrTrends.of(await(awr.state()).snapshots(), metric, d, System.currentTimeMillis()));
    }

    private static long id(JsonNode body, String field) {
        if (!body.isObject()) {
            throw ApiError.badRequest("INVALID_JSON", "the request body must be a JSON object");
        }
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"" + field + "\" is required");
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"" + field + "\" must be an integer snapshot id");
        }
        return v.asLong();
    }

    /** Runs {@code work}, turning the repository's refusals into API errors. */
    private static <T> T call(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AwrException e) {
            throw error(e);
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AwrException a) {
                throw error(a);
            }
            throw e;
        }
    }

    private static ApiError error(AwrException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiError.notFound("NOT_FOUND", e.getMessage());
            case CONFLICT -> ApiError.conflict("CONFLICT", e.getMessage());
            case DISABLED -> new ApiError(503, "SERVICE_UNAVAILABLE", e.getMessage());
            default -> ApiError.badRequest("INVALID_PARAMETER", e.getMessage());
        };
    }
}
