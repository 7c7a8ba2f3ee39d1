package io.rustydb.http;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the REST API, read from {@code rustydb.api}.
 *
 * @param listenHost address to bind
 * @param listenPort TCP port, 0 for an ephemeral one
 * @param tokenLifetime how long a login token stays valid
 */
public record ApiSettings(String listenHost, int listenPort, Duration tokenLifetime) {

    public ApiSettings {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("rustydb.api.listen_port must be in 0..65535: " + listenPort);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("rustydb.api.token_lifetime must be positive: " + tokenLifetime);
        }
    }

    public static ApiSettings create(Config config) {
        Config api = config.getConfig("rustydb.api");
        return new ApiSettings(api.getString("listen_host"), api.getInt("listen_port"),
                api.getDuration("token_lifetime"));
    }
}
