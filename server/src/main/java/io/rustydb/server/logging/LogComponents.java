package io.rustydb.server.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of {@code rustydb.logging.components} and the logger names (packages or classes)
 * each one sets the level of. A more specific name wins over a less specific one whatever the
 * order, so {@code storage = "WARN"} and {@code transaction_manager = "DEBUG"} leave
 * {@code RocksStorageTransaction} at DEBUG.
 */
public final class LogComponents {
    private static final Map<String, List<String>> LOGGERS = new LinkedHashMap<>();

    static {
        LOGGERS.put("query_executor", List.of("io.rustydb.sql.parser", "io.rustydb.sql.calcite", "io.rustydb.sql.exec",
                "io.rustydb.sql.command", "io.rustydb.sql.index", "io.rustydb.sql.pgcatalog", "io.rustydb.sql.sequence",
                "io.rustydb.sql.sysview", "io.rustydb.sql.admin", "io.rustydb.sql.monitoring"));
        LOGGERS.put("transaction_manager", List.of("io.rustydb.sql.session",
                "io.rustydb.persistence.RocksStorageTransaction"));
        LOGGERS.put("storage", List.of("io.rustydb.persistence", "org.rocksdb"));
        LOGGERS.put("catalog", List.of("io.rustydb.sql.catalog"));
        LOGGERS.put("network", List.of("io.rustydb.pgwire"));
        LOGGERS.put("api", List.of("io.rustydb.http"));
        LOGGERS.put("sessions", List.of("io.rustydb.actors"));
        LOGGERS.put("monitoring", List.of("io.rustydb.monitoring", "io.rustydb.actors.health", "kamon"));
        LOGGERS.put("security", List.of("io.rustydb.sql.auth", "io.rustydb.http.auth"));
        LOGGERS.put("replication", List.of("io.rustydb.replication"));
        LOGGERS.put("server", List.of("io.rustydb.server"));
    }

    private LogComponents() {
    }

    /** The component names, in documentation order. */
    public static List<String> names() {
        return List.copyOf(LOGGERS.keySet());
    }

    /** The logger names of {@code component}; null for an unknown one. */
    public static List<String> loggers(String component) {
        return LOGGERS.get(component);
    }
}
