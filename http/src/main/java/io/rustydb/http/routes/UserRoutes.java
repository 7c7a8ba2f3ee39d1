package io.rustydb.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.sql.auth.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Login roles, for administrators: {@code GET /api/v1/admin/users},
 * {@code POST /api/v1/admin/users} ({@code {"username", "password", "admin"}}) and
 * {@code DELETE /api/v1/admin/users/{name}}, which also revokes the role's tokens.
 */
public final class UserRoutes extends AllDirectives {
    private final ApiToolkit api;

    public UserRoutes(ApiToolkit api) {
        this.api = api;
    }

    /** Routes below {@code /api/v1}. */
    public Route route() {
        return pathPrefix(PathMatchers.segment("admin").slash("users"), () -> concat(
                pathEnd(() -> concat(
                        get(() -> api.admin(p -> api.respond(this::users))),
                        post(() -> api.admin(p -> api.whenOpen(() -> api.jsonBody(body ->
                                api.respondWith(() -> create(body)))))))),
                path(PathMatchers.segment(), name -> delete(() -> api.admin(p -> api.whenOpen(() ->
                        api.respond(() -> drop(name))))))));
    }

    private List<Map<String, Object>> users() {
        return api.context().roles().all().stream().map(UserRoutes::user).toList();
    }

    private HttpResponse create(JsonNode body) {
        String username = ApiJson.requiredString(body, "username");
        String password = ApiJson.requiredString(body, "password");
        JsonNode admin = body.get("admin");
        if (admin != null && !admin.isBoolean()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"admin\" must be true or false");
        }
        if (api.context().roles().find(username).isPresent()) {
            throw ApiError.conflict("USER_EXISTS", "user \"" + username + "\" already exists");
        }
        Role role = api.context().roles().create(username, password, admin != null && admin.asBoolean());
        return ApiJson.success(201, user(role));
    }

    private Map<String, Object> drop(String name) {
        if (api.context().roles().find(name).isEmpty()) {
            throw ApiError.notFound("USER_NOT_FOUND", "user \"" + name + "\" does not exist");
        }
        api.context().roles().drop(name);
        api.tokens().revokeAll(name);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", name);
        data.put("dropped", true);
        return data;
    }

    private static Map<String, Object> user(Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", role.name());
        m.put("admin", role.admin());
        m.put("created_at", role.createdAt());
        return m;
    }
}
