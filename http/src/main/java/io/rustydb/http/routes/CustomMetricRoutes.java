package io.rustydb.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.common.RustyDbException;
import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.monitoring.CustomMetrics;
import io.rustydb.monitoring.MetricType;
import io.rustydb.monitoring.NodeMetrics;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Custom metrics for administrators, the same registry as SQL's {@code rustydb_record_metric} and
 * {@code rustydb_set_metric}:
 * <ul>
 *   <li>{@code POST /api/v1/admin/metrics/register} {@code {"name", "type", "help", "labels"}}:
 *       201 when created, 200 when it already exists exactly so, 409 {@code METRIC_EXISTS} when the
 *       name is a built-in metric's or is registered with another type, other labels or another help;</li>
 *   <li>{@code POST /api/v1/admin/metrics/{name}/inc} {@code {"value"}} (counters, default 1),
 *       {@code .../set} {@code {"value"}} (gauges), {@code .../observe} {@code {"value"}} (histograms):
 *       404 {@code METRIC_NOT_FOUND} for a name never registered, 409 {@code METRIC_TYPE_MISMATCH}
 *       for the wrong kind of metric.</li>
 * </ul>
 * A bad name, type, label or value is 400 {@code INVALID_PARAMETER}.
 */
public final class CustomMetricRoutes extends AllDirectives implements ApiExtension {
    private final NodeMetrics metrics;

    public CustomMetricRoutes(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Route route(ApiToolkit api) {
        return pathPrefix(PathMatchers.segment("api").slash("v1").slash("admin").slash("metrics"), () -> concat(
                path("register", () -> post(() -> api.admin(p -> api.jsonBody(body ->
                        api.respondWith(() -> register(body)))))),
                path(PathMatchers.segment().slash("inc"), name -> post(() -> api.admin(p -> api.jsonBody(body ->
                        api.respond(() -> record(name, MetricType.COUNTER, body)))))),
                path(PathMatchers.segment().slash("set"), name -> post(() -> api.admin(p -> api.jsonBody(body ->
                        api.respond(() -> record(name, MetricType.GAUGE, body)))))),
                path(PathMatchers.segment().slash("observe"), name -> post(() -> api.admin(p -> api.jsonBody(body ->
                        api.respond(() -> record(name, MetricType.HISTOGRAM, body))))))));
    }

    private HttpResponse register(JsonNode body) {
        MetricsRoutes.requireEnabled(metrics);
        String name = ApiJson.requiredString(body, "name");
        String type = ApiJson.requiredString(body, "type");
        String help = optionalString(body, "help");
        Map<String, String> labels = labels(body.get("labels"));
        boolean created;
        try {
            created = metrics.custom().define(name, type, help, labels);
        } catch (RustyDbException e) {
            throw translate(e, "METRIC_EXISTS");
        }
        CustomMetrics.Definition d = metrics.custom().definition(name).orElseThrow();
        Map<String, Object> data = definition(d);
        data.put("created", created);
        return ApiJson.success(created ? 201 : 200, data);
    }

    private Map<String, Object> record(String name, MetricType wanted, JsonNode body) {
        MetricsRoutes.requireEnabled(metrics);
        CustomMetrics.Definition d = metrics.custom().definition(name).orElseThrow(() -> ApiError.notFound(
                "METRIC_NOT_FOUND", "custom metric \"" + name + "\" is not registered"));
        if (d.type() != wanted) {
            throw ApiError.conflict("METRIC_TYPE_MISMATCH", "metric \"" + name + "\" is a " + d.type().prometheusName()
                    + ": use POST /api/v1/admin/metrics/" + name + "/" + verb(d.type()));
        }
        if (!body.isObject()) {
            throw ApiError.badRequest("INVALID_JSON", "the request body must be a JSON object");
        }
        JsonNode v = body.get("value");
        double value;
        if (v == null && wanted == MetricType.COUNTER) {
            value = 1;
        } else if (v == null || !v.isNumber()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"value\" is required and must be a number");
        } else {
            value = v.doubleValue();
        }
        try {
            if (wanted == MetricType.GAUGE) {
                metrics.custom().set(name, "gauge", value);
            } else {
                metrics.custom().record(name, wanted.prometheusName(), value);
            }
        } catch (RustyDbException e) {
            throw translate(e, "METRIC_TYPE_MISMATCH");
        }
        Map<String, Object> data = definition(d);
        data.remove("help");
        data.put("value", value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value);
        return data;
    }

    private static String verb(MetricType type) {
        return switch (type) {
            case COUNTER -> "inc";
            case GAUGE -> "set";
            case HISTOGRAM -> "observe";
        };
    }

    private static Map<String, Object> definition(CustomMetrics.Definition d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", d.name());
        data.put("type", d.type().prometheusName());
        data.put("help", d.help());
        data.put("labels", d.labels());
        return data;
    }

    /** 22023 (bad input) is 400; 42710 (a conflict with what exists) 409 with {@code conflictCode}; 55000 503. */
    private static RuntimeException translate(RustyDbException e, String conflictCode) {
        String state = e.sqlState();
        if (state.equals("22023")) {
            return ApiError.badRequest("INVALID_PARAMETER", e.getMessage());
        }
        if (state.equals("42710")) {
            return ApiError.conflict(conflictCode, e.getMessage());
        }
        if (state.equals("55000")) {
            return new ApiError(503, "METRICS_DISABLED", e.getMessage());
        }
        return e;
    }

    private static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static Map<String, String> labels(JsonNode labels) {
        if (labels == null || labels.isNull()) {
            return Map.of();
        }
        if (!labels.isObject()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"labels\" must be an object of label names to string values");
        }
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw ApiError.badRequest("INVALID_PARAMETER", "label \"" + e.getKey() + "\" must have a string value");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
