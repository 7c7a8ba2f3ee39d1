package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.SqlSession;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result column labels (RowDescription names, JDBC's getColumnLabel) as PostgreSQL 15 gives them:
 * every query of {@code column-labels/pg-labels.tsv} (written by pg-labels.sh from a real
 * PostgreSQL) must be labelled exactly as there.
 */
class ColumnLabelsTest {
    @TempDir
    Path dir;

    @Test
    void labelsAreThoseOfPostgresql() throws Exception {
        try (SessionHarness harness = new SessionHarness(dir)) {
            SqlSession session = harness.session();
            for (String statement : Files.readAllLines(resource("setup.sql"), StandardCharsets.UTF_8)) {
                run(session, statement);
            }
            List<String> differences = new ArrayList<>();
            for (String line : Files.readAllLines(resource("pg-labels.tsv"), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                List<String> expected = List.of(parts[1].split("\\|", -1));
                List<String> actual = new ArrayList<>();
                try {
                    for (ParsedStatement statement : session.parse(parts[0])) {
                        for (ResultColumn column : session.prepare(statement, List.of()).resultColumns()) {
                            actual.add(column.name());
                        }
                    }
                } catch (RuntimeException e) {
                    actual.add("error: " + e.getMessage());
                }
                if (!expected.equals(actual)) {
                    differences.add(parts[0] + "\n    PostgreSQL: " + expected + "\n    RustyDB:    " + actual);
                }
            }
            session.close();
            assertEquals("", String.join("\n", differences));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ColumnLabelsTest.class.getResource("/column-labels/" + name).toURI());
    }
}
