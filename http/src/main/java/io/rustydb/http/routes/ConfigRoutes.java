package io.rustydb.http.routes;

import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.monitoring.parameters.Parameter;
import io.rustydb.monitoring.parameters.ParameterCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/admin/config} and {@code GET /api/v1/admin/config/{name}} (administrators):
 * the configuration parameters as {@code v$parameter} shows them; {@code name} is a parameter's
 * name or full key, 404 {@code PARAMETER_NOT_FOUND} otherwise. Read-only: nothing changes at runtime yet.
 */
public final class ConfigRoutes extends AllDirectives implements ApiExtension {
    private final ParameterCatalog catalog;

    public ConfigRoutes(ParameterCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Route route(ApiToolkit api) {
        return pathPrefix(PathMatchers.segment("api").slash("v1").slash("admin").slash("config"), () -> concat(
                pathEnd(() -> get(() -> api.admin(p -> api.respond(this::all)))),
                path(PathMatchers.segment(), name -> get(() -> api.admin(p -> api.respond(() -> one(name)))))));
    }

    private List<Map<String, Object>> all() {
        return catalog.all().stream().map(ConfigRoutes::render).toList();
    }

    private Map<String, Object> one(String name) {
        return render(catalog.find(name).orElseThrow(() -> ApiError.notFound("PARAMETER_NOT_FOUND",
                "unrecognized configuration parameter \"" + name + "\"")));
    }

    static Map<String, Object> render(Parameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("value", p.value());
        m.put("default_value", p.defaultValue());
        m.put("unit", p.unit());
        m.put("description", p.description());
        m.put("category", p.category());
        m.put("is_dynamic", p.dynamic());
        m.put("config_key", p.key());
        return m;
    }
}
