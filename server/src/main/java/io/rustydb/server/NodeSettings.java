package io.rustydb.server;

import com.typesafe.config.Config;
import io.rustydb.actors.health.HealthSettings;
import io.rustydb.http.ApiSettings;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.pgwire.PgSettings;

/**
 * Everything a node reads from its configuration at startup. Building it validates every key, so
 * {@code --validate} and startup report the same problems.
 */
public record NodeSettings(String instanceName, int maxConnections, StorageSettings storage, PgSettings pgwire,
        ApiSettings api, HealthSettings health) {

    public static NodeSettings create(Config config) {
        int maxConnections = config.getInt("rustydb.server.max_connections");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("rustydb.server.max_connections must be at least 1, got " + maxConnections);
        }
        return new NodeSettings(
                config.getString("rustydb.instance.name"),
                maxConnections,
                StorageSettings.create(config),
                PgSettings.create(config),
                ApiSettings.create(config),
                HealthSettings.create(config));
    }
}
