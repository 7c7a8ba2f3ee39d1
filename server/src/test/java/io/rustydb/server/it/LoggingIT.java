package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log files of a real node (rustydb.logging): where they go, their format, component levels
 * and rotation with compression, while the console keeps its lines.
 */
@ExtendWith(ServerLogOnFailure.class)
class LoggingIT {
    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[(TRACE|DEBUG|INFO|WARN|ERROR)] \\[[^]]+] \\S+ - .*");

    @TempDir
    Path tmp;

    @Test
    void byDefaultTextLogsGoUnderTheDataDirectory() throws Exception {
        RustyDbProcess server = RustyDbProcess.start("logging-text", tmp.resolve("data"));
        try (Connection c = server.connect()) {
            Sql.assertUsable(c);
        } finally {
            RustyDbProcess.stopAndClose(server);
        }
        Path logs = tmp.resolve("data").resolve("log");
        List<String> main = Files.readAllLines(logs.resolve("rusty-db.log"), StandardCharsets.UTF_8);
        assertTrue(main.stream().anyMatch(l -> l.contains("[INFO]")
                && l.contains("io.rustydb.persistence.StorageEngine - Storage opened in")), String.join("\n", main));
        assertTrue(main.stream().anyMatch(l -> l.endsWith("io.rustydb.server.RustyDbServer - RustyDB ready for connections")),
                "the whole startup is in the file");
        for (String line : main) {
            assertTrue(TEXT_LINE.matcher(line).matches() || line.startsWith("\t") || line.startsWith("Caused by")
                    || line.startsWith("java.") || line.startsWith("*** "), "not a log line: " + line);
        }
        assertFalse(main.stream().anyMatch(l -> l.contains("[DEBUG]")), "INFO is the default level");
        assertTrue(Files.isRegularFile(logs.resolve("error.log")));
        assertTrue(Files.isRegularFile(logs.resolve("slow-query.log")));
        assertEquals(List.of(), archived(logs));
        assertTrue(Files.readString(server.log()).contains(RustyDbProcess.READY_LINE), "the console keeps its lines");
    }

    @Test
    void jsonLogsWithComponentLevelsAreRotatedAndCompressed() throws Exception {
        Path logs = tmp.resolve("logs");
        RustyDbProcess server = RustyDbProcess.start("logging-json", tmp.resolve("data"),
                "rustydb.logging.log_directory=" + logs,
                "rustydb.logging.format=json",
                "rustydb.logging.max_file_size_mb=0.02",
                "rustydb.logging.components.network=DEBUG",
                "rustydb.logging.components.storage=WARN");
        try {
            for (int i = 0; i < 60; i++) {
                try (Connection c = server.connect()) {
                    Sql.assertUsable(c);
                }
            }
        } finally {
            RustyDbProcess.stopAndClose(server);
        }
        assertFalse(Files.exists(tmp.resolve("data").resolve("log")), "log_directory moves the files");
        List<Path> archives = archived(logs);
        assertTrue(archives.stream().anyMatch(p -> p.getFileName().toString().matches("rusty-db-\\d{8}\\.\\d+\\.log\\.gz")),
                "a rotated, compressed main log: " + archives);
        List<String> lines = new ArrayList<>();
        for (Path archive : archives) {
            if (archive.getFileName().toString().startsWith("rusty-db-")) {
                lines.addAll(gunzip(archive));
            }
        }
        lines.addAll(Files.readAllLines(logs.resolve("rusty-db.log"), StandardCharsets.UTF_8));
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = Api.JSON.readTree(line); // throws on a line that is not one JSON object
            assertTrue(event.isObject() && event.has("timestamp") && event.has("level") && event.has("logger")
                    && event.has("message"), line);
            events.add(event);
        }
        assertTrue(events.stream().anyMatch(e -> e.get("message").asText().equals(RustyDbProcess.READY_LINE)));
        long debug = events.stream().filter(e -> e.get("level").asText().equals("DEBUG")
                && e.get("logger").asText().startsWith("io.rustydb.pgwire.")
                && e.get("message").asText().startsWith("connection received")).count();
        assertTrue(debug >= 60, "network = DEBUG: " + debug + " connections logged");
        assertFalse(events.stream().anyMatch(e -> e.get("logger").asText().startsWith("io.rustydb.persistence.")
                && e.get("level").asText().equals("INFO")), "storage = WARN hides the storage INFO lines");
        assertFalse(events.stream().anyMatch(e -> e.get("level").asText().equals("DEBUG")
                && !e.get("logger").asText().startsWith("io.rustydb.pgwire.")), "other components stay at INFO");
        assertTrue(Files.isRegularFile(logs.resolve("error.log")));
        assertTrue(Files.isRegularFile(logs.resolve("slow-query.log")));
    }

    private static List<Path> archived(Path logs) throws IOException {
        Path archive = logs.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archive)) {
            return files.sorted().toList();
        }
    }

    private static List<String> gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
