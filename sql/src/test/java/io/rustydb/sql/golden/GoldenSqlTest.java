package io.rustydb.sql.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.ExecutionResult;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.SqlSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code golden/*.sql} file against a fresh engine (real RocksDB storage) and compares
 * each statement's rows, rendered as PostgreSQL text, or its SQLSTATE with the file's expectation.
 */
class GoldenSqlTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        URL url = GoldenSqlTest.class.getResource("/golden");
        if (url == null) {
            throw new IllegalStateException("no golden directory on the test classpath");
        }
        Path golden = Path.of(url.toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(golden)) {
            // -Dgolden.only=name.sql runs one file
            String only = System.getProperty("golden.only");
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> only == null || p.getFileName().toString().equals(only)).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden files");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(),
                () -> runFile(f)));
    }

    private void runFile(Path file) throws IOException {
        GoldenFile golden = GoldenFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        String name = file.getFileName().toString();
        Path data = Files.createDirectories(dir.resolve(name.replace(".sql", "")));
        StorageEngine storage = StorageEngine.open(
                new StorageSettings(data, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)));
        try (AutoCloseable s = storage::close) {
            SqlEngine engine = SqlEngine.start(storage);
            try (AutoCloseable e = engine::close) {
                SessionState state = new SessionState(1, "rustydb", "rustydb", "127.0.0.1", Instant.now());
                SqlSession session = engine.openSession(state, Map.of(), new SessionListener() {
                });
                try (AutoCloseable c = session::close) {
                    List<String> failures = new ArrayList<>();
                    for (GoldenFile.Entry entry : golden.entries()) {
                        String problem = check(session, entry);
                        if (problem != null) {
                            failures.add(name + ":" + entry.line() + ": " + entry.sql() + "\n" + problem);
                        }
                    }
                    if (!failures.isEmpty()) {
                        fail(failures.size() + " statement(s) differ\n\n" + String.join("\n\n", failures));
                    }
                }
            }
        } catch (IOException | RuntimeException | Error ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Runs one statement; returns a description of how it differs from the expectation, or null. */
    private static String check(SqlSession session, GoldenFile.Entry entry) {
        List<String> actual = null;
        try {
            for (ParsedStatement statement : session.parse(entry.sql())) {
                PreparedQuery query = session.prepare(statement, List.of());
                List<ResultColumn> columns = query.resultColumns();
                List<String> rows = new ArrayList<>();
                try (Portal portal = session.bind(query, List.of())) {
                    ExecutionResult result = session.execute(portal, 0, row -> rows.add(render(row, columns)));
                    if (result.suspended()) {
                        return "  portal suspended with no row limit";
                    }
                }
                actual = columns.isEmpty() ? null : rows;
            }
        } catch (RustyDbException ex) {
            if (entry.sqlState() != null && entry.sqlState().equals(ex.sqlState())) {
                return null;
            }
            return "  expected: " + (entry.sqlState() != null ? "! " + entry.sqlState() : "success")
                    + "\n  actual:   ! " + ex.sqlState() + " " + ex.getMessage();
        } catch (RuntimeException | AssertionError ex) {
            // AssertionError: Calcite's internal assertions (tests run with -ea)
            return "  expected: " + (entry.sqlState() != null ? "! " + entry.sqlState() : "success")
                    + "\n  actual:   " + ex;
        }
        if (entry.sqlState() != null) {
            return "  expected: ! " + entry.sqlState() + "\n  actual:   success " + format(actual);
        }
        if (actual == null && entry.rows() == null) {
            return null;
        }
        if (entry.rows() == null) {
            return "  expected rows missing from the file; actual:\n" + format(actual);
        }
        if (actual == null) {
            return "  statement returned no result set; expected:\n" + format(entry.rows());
        }
        if (!actual.equals(entry.rows())) {
            return "  expected:\n" + format(entry.rows()) + "\n  actual:\n" + format(actual);
        }
        return null;
    }

    private static String render(Object[] row, List<ResultColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(PgText.render(row[i], i < columns.size() ? columns.get(i).type().type() : null));
        }
        return sb.toString();
    }

    private static String format(List<String> rows) {
        if (rows == null) {
            return "    (no result set)";
        }
        if (rows.isEmpty()) {
            return "    > (0 rows)";
        }
        StringBuilder sb = new StringBuilder();
        for (String r : rows) {
            sb.append(sb.length() == 0 ? "" : "\n").append("    > ").append(r);
        }
        return sb.toString();
    }
}
