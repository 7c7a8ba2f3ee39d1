package io.rustydb.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LogSetup} on a Logback context of its own: the three files, JSON lines, levels, rotation. */
class LogSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);

    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    @org.junit.jupiter.api.BeforeEach
    void start() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private LoggingSettings settings(LogFormat format, double maxFileSizeMb, Map<String, Level> components) {
        return new LoggingSettings(Level.INFO, dir, format, Math.round(maxFileSizeMb * 1024 * 1024), 30, true,
                components);
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void mainErrorAndSlowQueryFilesGetTheirEvents() throws IOException {
        LogSetup.apply(context, settings(LogFormat.TEXT, 100, Map.of()));
        Logger storage = context.getLogger("io.rustydb.persistence.StorageEngine");
        storage.info("Storage opened");
        storage.debug("not at INFO");
        storage.error("WAL sync failed", new IllegalStateException("disk gone"));
        context.getLogger(LogSetup.SLOW_QUERY_LOGGER).info("Query time: 2345.67 ms\nLock time: 12.34 ms\n"
                + "Query: SELECT * FROM large_table");
        context.stop();

        String main = read("rusty-db.log");
        assertTrue(main.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[INFO] \\[[^]]+] "
                + "io\\.rustydb\\.persistence\\.StorageEngine - Storage opened\n.*"), main);
        assertTrue(main.contains("[ERROR]") && main.contains("WAL sync failed")
                && main.contains("java.lang.IllegalStateException: disk gone"), main);
        assertFalse(main.contains("not at INFO"), main);
        assertFalse(main.contains("Query time"), "slow queries stay out of the main log:\n" + main);

        String errors = read("error.log");
        assertTrue(errors.contains("WAL sync failed") && errors.contains("disk gone"), errors);
        assertFalse(errors.contains("Storage opened"), errors);

        String slow = read("slow-query.log");
        assertTrue(slow.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[SLOW QUERY]\n"
                + "Query time: 2345\\.67 ms\nLock time: 12\\.34 ms\nQuery: SELECT \\* FROM large_table\n"), slow);
    }

    @Test
    void jsonFormatWritesOneParsableObjectPerLine() throws IOException {
        LogSetup.apply(context, settings(LogFormat.JSON, 100, Map.of()));
        Logger logger = context.getLogger("io.rustydb.pgwire.PgConnection");
        logger.info("line one\nline \"two\" {}", "arg");
        logger.error("failed", new RuntimeException("boom"));
        context.getLogger(LogSetup.SLOW_QUERY_LOGGER).info("Query time: 1.00 ms\nQuery: SELECT 1");
        context.stop();

        List<String> lines = Files.readAllLines(dir.resolve("rusty-db.log"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("INFO", first.get("level").asText());
        assertEquals("io.rustydb.pgwire.PgConnection", first.get("logger").asText());
        assertEquals("line one\nline \"two\" arg", first.get("message").asText());
        assertTrue(first.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                first.toString());
        assertFalse(first.get("thread").asText().isEmpty());
        JsonNode second = JSON.readTree(lines.get(1));
        assertTrue(second.get("exception").asText().contains("java.lang.RuntimeException: boom"), second.toString());

        List<String> errors = Files.readAllLines(dir.resolve("error.log"));
        assertEquals(1, errors.size());
        assertEquals("failed", JSON.readTree(errors.get(0)).get("message").asText());
        List<String> slow = Files.readAllLines(dir.resolve("slow-query.log"));
        assertEquals(1, slow.size());
        assertEquals("Query time: 1.00 ms\nQuery: SELECT 1", JSON.readTree(slow.get(0)).get("message").asText());
    }

    @Test
    void componentLevelsOverrideTheGlobalLevel() throws IOException {
        LogSetup.apply(context, settings(LogFormat.TEXT, 100,
                Map.of("network", Level.DEBUG, "storage", Level.WARN, "transaction_manager", Level.DEBUG)));
        context.getLogger("io.rustydb.pgwire.PgConnection").debug("connection received");
        context.getLogger("io.rustydb.persistence.StorageEngine").info("Storage opened");
        context.getLogger("io.rustydb.persistence.StorageEngine").warn("WAL is slow");
        context.getLogger("io.rustydb.persistence.RocksStorageTransaction").debug("transaction detail");
        context.getLogger("io.rustydb.http.ApiServer").debug("api detail");
        context.getLogger("io.rustydb.http.ApiServer").info("REST API listening");
        context.stop();

        String main = read("rusty-db.log");
        assertTrue(main.contains("connection received"), main);
        assertFalse(main.contains("Storage opened"), main);
        assertTrue(main.contains("WAL is slow"), main);
        assertTrue(main.contains("transaction detail"), "the more specific logger wins:\n" + main);
        assertFalse(main.contains("api detail"), main);
        assertTrue(main.contains("REST API listening"), main);
    }

    @Test
    void aFileGrowingPastTheSizeIsRotatedIntoTheArchiveCompressed() throws IOException {
        LogSetup.apply(context, settings(LogFormat.TEXT, 0.01, Map.of())); // 10486 bytes
        Logger logger = context.getLogger("io.rustydb.server.Guardian");
        String payload = "x".repeat(100);
        for (int i = 0; i < 400; i++) {
            logger.info("event {} {}", i, payload);
        }
        context.stop();

        List<Path> archived = archived("rusty-db-" + TODAY + ".");
        assertTrue(archived.size() >= 3, "archives: " + archived);
        List<String> lines = new ArrayList<>();
        for (Path gz : archived) {
            assertTrue(gz.getFileName().toString().matches("rusty-db-" + TODAY + "\\.\\d+\\.log\\.gz"), gz.toString());
            lines.addAll(gunzip(gz));
        }
        lines.addAll(Files.readAllLines(dir.resolve("rusty-db.log")));
        assertEquals(400, lines.stream().filter(l -> l.contains(" - event ")).count(),
                "every event is in the current file or exactly one archive");
        assertTrue(Files.size(dir.resolve("rusty-db.log")) < 10486 + 400, "the current file was rotated");
    }

    @Test
    void theFilesAreRotatedAtMidnight() throws IOException {
        LogSetup.apply(context, settings(LogFormat.TEXT, 100, Map.of()));
        Logger logger = context.getLogger("io.rustydb.server.Guardian");
        logger.info("before midnight");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        RollingFileAppender<?> main = (RollingFileAppender<?>) root.getAppender("rustydb-rusty-db");
        long tomorrow = LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ((TimeBasedRollingPolicy<?>) main.getRollingPolicy()).getTimeBasedFileNamingAndTriggeringPolicy()
                .setCurrentTime(tomorrow + 1000);
        logger.info("after midnight");
        context.stop();

        List<Path> archived = archived("rusty-db-" + TODAY + ".");
        assertEquals(1, archived.size(), archived.toString());
        List<String> old = gunzip(archived.get(0));
        assertEquals(1, old.size(), old.toString());
        assertTrue(old.get(0).endsWith("before midnight"), old.toString());
        String current = read("rusty-db.log");
        assertTrue(current.contains("after midnight") && !current.contains("before midnight"), current);
    }

    private List<Path> archived(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("archive"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static List<String> gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
