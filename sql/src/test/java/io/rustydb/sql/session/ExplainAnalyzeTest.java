package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN ANALYZE: runs the statement and reports actual rows and time per operator. */
class ExplainAnalyzeTest {
    private static final Pattern ACTUAL = Pattern.compile("\\(actual rows=(\\d+) loops=(\\d+) time=\\d+\\.\\d{3} ms\\)");

    @TempDir
    Path dir;
    SessionHarness harness;
    SqlSession session;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        session = harness.session();
        run(session, "CREATE TABLE t (id INT PRIMARY KEY, grp INT, name TEXT)");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            values.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i % 20).append(", 'x")
                    .append(i).append("')");
        }
        run(session, "INSERT INTO t VALUES " + values);
        run(session, "CREATE INDEX t_grp ON t (grp)");
        run(session, "ANALYZE t");
    }

    @AfterEach
    void close() {
        session.close();
        harness.close();
    }

    private List<String> lines(String sql) {
        return run(session, sql).rows().stream().map(r -> (String) r.get(0)).toList();
    }

    private static long actualRows(String line) {
        Matcher m = ACTUAL.matcher(line);
        assertTrue(m.find(), line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void queryShowsEstimatesAndActualRowsPerOperator() {
        List<String> plan = lines("EXPLAIN ANALYZE SELECT name FROM t WHERE grp = 7");
        String scan = plan.stream().filter(l -> l.contains("RustyIndexScan")).findFirst().orElseThrow(
                () -> new AssertionError(plan));
        assertTrue(scan.contains("index=[t_grp]") && scan.contains("rowcount = "), scan);
        assertEquals(10, actualRows(scan));
        assertEquals(10, actualRows(plan.get(0)), "the top operator returns the query's rows");
        assertTrue(plan.get(plan.size() - 1).matches("Execution Time: \\d+\\.\\d{3} ms"), plan.toString());
        List<String> join = lines("EXPLAIN ANALYZE SELECT count(*) FROM t a JOIN t b ON a.id = b.grp");
        assertEquals(1, actualRows(join.get(0)));
        assertTrue(join.stream().filter(l -> l.contains("actual rows=200")).count() >= 2, join.toString());
    }

    @Test
    void aScanThePlannerSharesBetweenTwoPlacesCountsEachPlaceOnItsOwn() {
        // the planner reuses one scan of t for both sides of the cross join
        List<String> plan = lines("EXPLAIN ANALYZE SELECT count(*) FROM t a CROSS JOIN t b WHERE a.name LIKE 'x1%'");
        List<String> scans = plan.stream().filter(l -> l.contains("EnumerableTableScan")).toList();
        assertEquals(2, scans.size(), plan.toString());
        Matcher outer = ACTUAL.matcher(scans.get(0));
        Matcher inner = ACTUAL.matcher(scans.get(1));
        assertTrue(outer.find() && inner.find(), scans.toString());
        assertEquals("200 1", outer.group(1) + " " + outer.group(2), scans.get(0));
        assertEquals(200 * Long.parseLong(inner.group(2)), Long.parseLong(inner.group(1)), scans.get(1));
        // x1, x10 .. x19, x100 .. x199 pass the filter, each paired with the 200 rows of b
        assertEquals(111L * 200, actualRows(plan.stream().filter(l -> l.contains("NestedLoopJoin")).findFirst()
                .orElseThrow()));
    }

    @Test
    void anOperatorsTimeIncludesItsInputsEvenWhenItConsumesThemWhileBuilt() {
        // the hash aggregate reads all of its input when Calcite builds it, before any row is pulled
        List<String> plan = lines("EXPLAIN ANALYZE SELECT a.name, count(*) FROM t a CROSS JOIN t b"
                + " WHERE a.name LIKE 'x1%' GROUP BY a.name ORDER BY 2 DESC LIMIT 3");
        Pattern time = Pattern.compile("time=(\\d+\\.\\d{3}) ms");
        List<Double> times = new java.util.ArrayList<>();
        List<Integer> depths = new java.util.ArrayList<>();
        for (String line : plan.subList(0, plan.size() - 1)) {
            Matcher m = time.matcher(line);
            assertTrue(m.find(), line);
            times.add(Double.parseDouble(m.group(1)));
            depths.add(line.length() - line.stripLeading().length());
        }
        for (int i = 0; i < times.size(); i++) {
            for (int j = i + 1; j < times.size() && depths.get(j) > depths.get(i); j++) {
                if (depths.get(j) == depths.get(i) + 2) {
                    assertTrue(times.get(i) + 0.002 >= times.get(j), "parent " + plan.get(i) + " child " + plan.get(j));
                }
            }
        }
    }

    @Test
    void modificationsRunAndReportTheirRows() {
        List<String> plan = lines("EXPLAIN ANALYZE UPDATE t SET name = 'y' WHERE grp = 3");
        assertTrue(plan.get(0).startsWith("Update on t"), plan.toString());
        assertEquals(10, actualRows(plan.get(0)));
        assertTrue(plan.get(1).contains("Index Scan using t_grp on t"), plan.toString());
        assertEquals(10, actualRows(plan.get(1)));
        assertEquals(List.of(List.of(10L)), run(session, "SELECT count(*) FROM t WHERE name = 'y'").rows(),
                "EXPLAIN ANALYZE really updates, as in PostgreSQL");
        List<String> delete = lines("EXPLAIN ANALYZE DELETE FROM t WHERE id = 5");
        assertEquals(1, actualRows(delete.get(0)));
        List<String> insert = lines("EXPLAIN ANALYZE INSERT INTO t VALUES (500, 1, 'z'), (501, 1, 'z')");
        assertEquals(2, actualRows(insert.get(0)));
        assertEquals(List.of(List.of(201L)), run(session, "SELECT count(*) FROM t").rows());
        List<String> point = lines("EXPLAIN ANALYZE SELECT name FROM t WHERE id = 500");
        assertEquals(1, actualRows(point.get(0)));
    }
}
