package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ANALYZE's row counts reach the planner: estimates and the join plan change, cached plans included. */
class JoinStatisticsTest {
    private static final String JOIN = "EXPLAIN SELECT count(*) FROM small s JOIN big b ON s.id = b.sid"
            + " JOIN mid m ON m.bid = b.id";

    @TempDir
    Path dir;
    private SessionHarness harness;
    private SqlSession session;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        session = harness.session();
        SessionHarness.run(session, "CREATE TABLE big (id INT PRIMARY KEY, sid INT, v TEXT)");
        SessionHarness.run(session, "CREATE TABLE small (id INT PRIMARY KEY, name TEXT)");
        SessionHarness.run(session, "CREATE TABLE mid (id INT PRIMARY KEY, bid INT)");
        StringBuilder big = new StringBuilder("INSERT INTO big VALUES ");
        for (int i = 1; i <= 5000; i++) {
            big.append(i > 1 ? "," : "").append('(').append(i).append(',').append(i % 3 + 1).append(",'v')");
        }
        SessionHarness.run(session, big.toString());
        SessionHarness.run(session, "INSERT INTO small VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        StringBuilder mid = new StringBuilder("INSERT INTO mid VALUES ");
        for (int i = 1; i <= 200; i++) {
            mid.append(i > 1 ? "," : "").append('(').append(i).append(',').append(i * 7).append(')');
        }
        SessionHarness.run(session, mid.toString());
    }

    @AfterEach
    void close() {
        session.close();
        harness.close();
    }

    private String plan() {
        List<List<Object>> rows = SessionHarness.run(session, JOIN).rows();
        return rows.stream().map(r -> String.valueOf(r.get(0))).collect(Collectors.joining("\n"));
    }

    @Test
    void analyzeChangesTheEstimatesAndTheCachedPlan() {
        String before = plan();
        SessionHarness.run(session, "ANALYZE");
        String after = plan();
        assertTrue(after.contains("table=[[public, big]]): rowcount = 5000.0"), after);
        assertTrue(after.contains("table=[[public, small]]): rowcount = 3.0"), after);
        assertTrue(after.contains("table=[[public, mid]]): rowcount = 200.0"), after);
        assertNotEquals(before, after);
        assertTheJoinCountsEveryMatch();
    }

    private void assertTheJoinCountsEveryMatch() {
        List<List<Object>> count = SessionHarness.run(session,
                "SELECT count(*) FROM small s JOIN big b ON s.id = b.sid JOIN mid m ON m.bid = b.id").rows();
        // mid.bid = 7, 14, ..., 1400: 200 rows, each joining one big row whose sid is 1..3
        assertTrue(count.equals(List.of(List.of(200L))), count.toString());
    }
}
