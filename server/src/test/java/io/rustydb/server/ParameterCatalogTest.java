package io.rustydb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import io.rustydb.monitoring.parameters.Parameter;
import io.rustydb.monitoring.parameters.ParameterCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The parameter catalog of a node built from every module's {@code reference.conf}: it lists
 * exactly the keys {@code config/application.conf} documents, with the same defaults and the
 * same comments, under the Administration Guide's names.
 */
class ParameterCatalogTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void everyDocumentedKeyIsAParameterWithItsCommentAndDefault() {
        Config file = ConfigFactory.parseFile(applicationConf().toFile());
        ParameterCatalog defaults = ParameterCatalog.create(NodeConfig.load(null, Map.of()), REFERENCE);
        ParameterCatalog fromFile = ParameterCatalog.create(NodeConfig.load(applicationConf(), Map.of()), REFERENCE);
        Set<String> documented = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : file.getConfig("rustydb").entrySet()) {
            String key = "rustydb." + e.getKey();
            documented.add(key);
            Parameter p = defaults.find(key).orElse(null);
            if (p == null) {
                problems.add(key + ": in application.conf but in no reference.conf");
                continue;
            }
            String comment = comment(e.getValue());
            if (comment == null || !comment.equals(p.description())) {
                problems.add(key + ": application.conf says \"" + comment + "\", reference.conf \"" + p.description()
                        + "\"");
            }
            Parameter configured = fromFile.find(key).orElseThrow();
            if (!configured.value().equals(p.defaultValue())) {
                problems.add(key + ": application.conf sets " + configured.value() + ", the default is "
                        + p.defaultValue());
            }
        }
        for (Parameter p : defaults.all()) {
            if (!documented.contains(p.key())) {
                problems.add(p.key() + ": in a reference.conf but not documented in application.conf");
            }
            assertEquals(p.defaultValue(), p.value(), p.key());
            assertFalse(p.dynamic(), p.key());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void namesFollowTheGuideAndAreUnique() {
        ParameterCatalog catalog = ParameterCatalog.create(NodeConfig.load(null, Map.of()), REFERENCE);
        Set<String> names = new HashSet<>();
        for (Parameter p : catalog.all()) {
            assertTrue(names.add(p.name()), "duplicate name " + p.name());
            assertTrue(p.key().startsWith("rustydb." + p.category() + "."), p.toString());
            assertTrue(p.key().endsWith("." + p.name()), p.toString());
        }
        assertEquals("rustydb.server.max_connections", catalog.find("max_connections").orElseThrow().key());
        assertEquals("memory", catalog.find("buffer_pool_size").orElseThrow().category());
        assertEquals("rustydb.storage.page_size", catalog.find("page_size").orElseThrow().key());
        assertEquals("rustydb.storage.data_dir", catalog.find("data_dir").orElseThrow().key());
        assertEquals("rustydb.server.listen_port", catalog.find("server.listen_port").orElseThrow().key());
        assertEquals("rustydb.api.listen_port", catalog.find("api.listen_port").orElseThrow().key());
        assertEquals("rustydb.instance.name", catalog.find("instance.name").orElseThrow().key());
        assertEquals("rustydb.health_checks.memory.warning_threshold_percent",
                catalog.find("memory.warning_threshold_percent").orElseThrow().key());
        assertTrue(catalog.find("listen_port").isEmpty(), "ambiguous");
        assertTrue(catalog.find("name").isEmpty(), "a bare word is qualified");
        assertEquals(catalog.find("max_connections"), catalog.find("rustydb.server.max_connections"));
    }

    @Test
    void valuesAreTheRunningOnesNormalised() {
        ParameterCatalog catalog = ParameterCatalog.create(NodeConfig.load(null, Map.of(
                "rustydb.server.admission_timeout", "2s",
                "rustydb.memory.buffer_pool_size", "256M",
                "rustydb.server.max_message_size", "2 MiB",
                "rustydb.monitoring.metrics_enabled", "false")), REFERENCE);
        Parameter timeout = catalog.find("admission_timeout").orElseThrow();
        assertEquals(List.of("2000", "5000", "ms"), List.of(timeout.value(), timeout.defaultValue(), timeout.unit()));
        Parameter pool = catalog.find("buffer_pool_size").orElseThrow();
        assertEquals(List.of("268435456", "8192000", "bytes"), List.of(pool.value(), pool.defaultValue(), pool.unit()));
        Parameter message = catalog.find("max_message_size").orElseThrow();
        assertEquals(List.of("2097152", "1073741824", "bytes"),
                List.of(message.value(), message.defaultValue(), message.unit()));
        Parameter enabled = catalog.find("metrics_enabled").orElseThrow();
        assertEquals(List.of("false", "true"), List.of(enabled.value(), enabled.defaultValue()));
        assertEquals("percent", catalog.find("connection_pool.warning_threshold_percent").orElseThrow().unit());
        assertEquals("s", catalog.find("interval_seconds").orElseThrow().unit());
        Parameter host = catalog.find("server.listen_host").orElseThrow();
        assertEquals("127.0.0.1", host.value());
        assertNotNull(host.description());
    }

    /** The comment lines above a key, trimmed and joined by spaces, as the catalog reads them. */
    private static String comment(ConfigValue value) {
        StringBuilder b = new StringBuilder();
        for (String line : value.origin().comments()) {
            if (!line.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static Path applicationConf() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("config/application.conf");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssertionError("no config/application.conf above " + System.getProperty("user.dir"));
    }
}
