package io.rustydb.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.auth.TokenStore;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.sql.auth.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/auth/login} ({@code {"username", "password"}} to
 * {@code {"token", "expires_at"}}) and {@code POST /api/v1/auth/logout}, which revokes the
 * token the request carries.
 */
public final class AuthRoutes extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final ApiToolkit api;

    public AuthRoutes(ApiToolkit api) {
        this.api = api;
    }

    /** Routes below {@code /api/v1}. */
    public Route route() {
        return pathPrefix("auth", () -> concat(
                path("login", () -> post(() -> api.whenOpen(() -> api.jsonBody(body ->
                        api.respondWith(() -> login(body)))))),
                path("logout", () -> post(() -> api.authenticated(principal -> {
                    api.tokens().revoke(principal.token());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("revoked", true);
                    return complete(ApiJson.ok(data));
                })))));
    }

    private HttpResponse login(JsonNode body) {
        String username = ApiJson.requiredString(body, "username");
        String password = ApiJson.requiredString(body, "password");
        Optional<Role> role = api.context().roles().authenticate(username, password);
        if (role.isEmpty()) {
            LOG.info("API login failed for user \"{}\"", username);
            throw new ApiError(401, "INVALID_CREDENTIALS", "invalid username or password");
        }
        TokenStore.Issued issued = api.tokens().issue(role.get().name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", issued.token());
        data.put("expires_at", issued.expiresAt());
        return ApiJson.ok(data);
    }
}
