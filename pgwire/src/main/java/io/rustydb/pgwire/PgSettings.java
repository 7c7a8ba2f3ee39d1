package io.rustydb.pgwire;

import com.typesafe.config.Config;

/**
 * Settings of the PostgreSQL protocol listener, read from {@code rustydb.server}.
 *
 * @param listenHost address to bind, e.g. {@code 0.0.0.0}
 * @param listenPort TCP port, 0 for an ephemeral one
 * @param backlog TCP accept backlog
 * @param maxMessageSize largest frontend message accepted, in bytes (length field included)
 */
public record PgSettings(String listenHost, int listenPort, int backlog, int maxMessageSize) {

    public PgSettings {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("rustydb.server.listen_port must be in 0..65535: " + listenPort);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("rustydb.server.backlog must be at least 1: " + backlog);
        }
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("rustydb.server.max_message_size must be at least 1 KiB: "
                    + maxMessageSize);
        }
    }

    public static PgSettings create(Config config) {
        Config server = config.getConfig("rustydb.server");
        long maxMessage = server.getBytes("max_message_size");
        return new PgSettings(server.getString("listen_host"), server.getInt("listen_port"),
                server.getInt("backlog"), (int) Math.min(maxMessage, Integer.MAX_VALUE));
    }
}
