package io.rustydb.http;

import io.rustydb.http.json.ApiJson;
import io.rustydb.http.routes.AuthRoutes;
import io.rustydb.http.routes.HealthRoutes;
import io.rustydb.http.routes.SessionRoutes;
import io.rustydb.http.routes.UserRoutes;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole API as one route: extensions first, then {@code /api/v1/...}. Every rejection
 * (unknown route 404, wrong method 405, unreadable entity 400, ...) and every uncaught exception
 * (500) is answered in the error envelope, with Pekko's own status and message.
 */
final class ApiRoutes extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final ApiToolkit api;

    ApiRoutes(ApiToolkit api) {
        this.api = api;
    }

    Route route() {
        List<Route> routes = new ArrayList<>();
        for (ApiExtension extension : api.context().extensions()) {
            routes.add(extension.route(api));
        }
        routes.add(pathPrefix("api", () -> pathPrefix("v1", () -> concat(
                new HealthRoutes(api).route(),
                new AuthRoutes(api).route(),
                new SessionRoutes(api).route(),
                new UserRoutes(api).route()))));
        return handleRejections(rejections(), () -> handleExceptions(exceptions(), () ->
                concat(routes.get(0), routes.subList(1, routes.size()).toArray(new Route[0]))));
    }

    private static RejectionHandler rejections() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(ApiRoutes::envelope);
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .matchAny(t -> {
                    HttpResponse response = ApiJson.failure(t);
                    if (response.status().intValue() >= 500) {
                        LOG.error("REST API request failed", t);
                    }
                    return complete(response);
                })
                .build();
    }

    /** Pekko's plain-text rejection response, as the error envelope with the same status and headers. */
    static HttpResponse envelope(HttpResponse response) {
        HttpEntity entity = response.entity();
        if (entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
            return response;
        }
        String message = entity instanceof HttpEntity.Strict strict ? strict.getData().utf8String() : "";
        int status = response.status().intValue();
        if (message.isBlank()) {
            message = response.status().reason();
        }
        List<HttpHeader> headers = new ArrayList<>();
        response.getHeaders().forEach(headers::add);
        return ApiJson.error(status, ApiJson.codeOf(status), message, headers);
    }
}
