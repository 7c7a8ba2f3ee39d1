package io.rustydb.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and validating {@code rustydb.logging}. */
class LoggingSettingsTest {
    private static final Path DATA = Path.of("/var/lib/rustydb");

    private static LoggingSettings read(String hocon) {
        Config config = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
        return LoggingSettings.create(config, DATA);
    }

    private static String error(String hocon) {
        return assertThrows(IllegalArgumentException.class, () -> read(hocon)).getMessage();
    }

    @Test
    void defaultsWriteTextUnderTheDataDirectory() {
        LoggingSettings s = read("");
        assertEquals(Level.INFO, s.level());
        assertEquals(DATA.resolve("log"), s.directory());
        assertEquals(LogFormat.TEXT, s.format());
        assertEquals(100L * 1024 * 1024, s.maxFileSizeBytes());
        assertEquals(30, s.maxFiles());
        assertEquals(true, s.compressRotated());
        assertEquals(Map.of(), s.components());
    }

    @Test
    void theGuidesSettingsAreRead() {
        LoggingSettings s = read("rustydb.logging { level = \"warn\", log_directory = \"/var/log/rusty-db\","
                + " format = json, max_file_size_mb = 0.5, max_files = 7, compress_rotated = false,"
                + " components { query_executor = \"DEBUG\", replication = \"DEBUG\", security = \"WARN\" }"
                + ", slow_query_threshold_ms = 1000 }");
        assertEquals(Level.WARN, s.level());
        assertEquals(Path.of("/var/log/rusty-db"), s.directory());
        assertEquals(LogFormat.JSON, s.format());
        assertEquals(512L * 1024, s.maxFileSizeBytes());
        assertEquals(7, s.maxFiles());
        assertEquals(false, s.compressRotated());
        assertEquals(Map.of("query_executor", Level.DEBUG, "replication", Level.DEBUG, "security", Level.WARN),
                s.components());
    }

    @Test
    void badValuesAreRejectedWithTheirKey() {
        assertEquals("rustydb.logging.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"LOUD\"",
                error("rustydb.logging.level = LOUD"));
        assertEquals("rustydb.logging.format must be \"text\" or \"json\", got \"xml\"",
                error("rustydb.logging.format = xml"));
        assertEquals("rustydb.logging.components.network must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF,"
                + " got \"verbose\"", error("rustydb.logging.components.network = verbose"));
        assertEquals("rustydb.logging.components.parser: unknown component \"parser\"; the components are"
                + " query_executor, transaction_manager, storage, catalog, network, api, sessions, monitoring,"
                + " security, replication, server", error("rustydb.logging.components.parser = DEBUG"));
        assertEquals("rustydb.logging.max_file_size_mb must be greater than 0 and at most 1048576, got 0.0",
                error("rustydb.logging.max_file_size_mb = 0"));
        assertEquals("rustydb.logging.max_files must be at least 1, got 0", error("rustydb.logging.max_files = 0"));
    }
}
