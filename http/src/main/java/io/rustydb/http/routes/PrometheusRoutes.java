package io.rustydb.http.routes;

import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiJson;
import io.rustydb.monitoring.NodeMetrics;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/metrics/prometheus}: the node's metrics in the Prometheus text format, the
 * same registry and rendering as the exporter on {@code rustydb.monitoring.prometheus_port}, and
 * open like that port so Prometheus can scrape it as the Monitoring Guide configures
 * ({@code metrics_path: '/api/v1/metrics/prometheus'}). 503 in the error envelope when metrics are
 * disabled ({@code rustydb.monitoring.metrics_enabled = false}).
 */
public final class PrometheusRoutes extends AllDirectives implements ApiExtension {
    private final NodeMetrics metrics;

    public PrometheusRoutes(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Route route(ApiToolkit api) {
        return path(PathMatchers.segment("api").slash("v1").slash("metrics").slash("prometheus"),
                () -> get(() -> api.respondWith(this::scrape)));
    }

    private HttpResponse scrape() {
        if (!metrics.enabled()) {
            return ApiJson.error(503, "METRICS_DISABLED", "metrics are disabled (rustydb.monitoring.metrics_enabled)");
        }
        return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8,
                metrics.prometheusText()));
    }
}
