package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.execute;
import static io.rustydb.sql.session.SessionHarness.prepare;
import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.statements.PlanNode;
import io.rustydb.monitoring.statements.QueryProfile;
import io.rustydb.monitoring.statements.SqlStatSnapshot;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.monitoring.statements.StatementStatsSettings;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.parser.SqlId;
import io.rustydb.sql.parser.SqlNormalizer;
import io.rustydb.sql.stats.SlowQueryLog;
import io.rustydb.sql.stats.SqlStatisticsViews;
import io.rustydb.sql.stats.StatementMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Statement statistics, profiles and the slow-query log, recorded by real sessions of a real
 * engine: counts, rows returned, examined and written, per-operator actual rows, lock waits.
 */
class StatementStatisticsTest {
    @TempDir
    Path dir;
    private SqlStatistics store;
    private SessionHarness h;
    private ListAppender<ILoggingEvent> slowLog;
    private Logger slowLogger;

    @BeforeEach
    void setUp() {
        // profile the first execution only (interval far away); log every statement as slow
        store = SqlStatistics.create(new StatementStatsSettings(100, Duration.ofHours(1), true, 0, true, true));
        h = new SessionHarness(dir, storage -> new StatementMonitor(store, storage));
        h.engine.registerSystemViews(new SqlStatisticsViews(store));
        slowLogger = (Logger) LoggerFactory.getLogger(SlowQueryLog.LOGGER);
        slowLog = new ListAppender<>();
        slowLog.start();
        slowLogger.addAppender(slowLog);
        slowLogger.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void tearDown() {
        slowLogger.detachAppender(slowLog);
        h.close();
    }

    private static String sqlId(String text) {
        return SqlId.of(SqlNormalizer.normalize(text).text());
    }

    private SqlStatSnapshot stats(String text) {
        return store.get(sqlId(text)).orElseThrow(() -> new AssertionError("no statistics for " + text));
    }

    private void load(SqlSession s) {
        run(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, c INTEGER, v VARCHAR(20))");
        StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 1; i <= 100; i++) {
            insert.append(i > 1 ? ", " : "").append("(").append(i).append(", ").append(i % 10).append(", 'v")
                    .append(i).append("')");
        }
        run(s, insert.toString());
    }

    @Test
    void countsRowsAndProfilesTheFirstExecutionPerOperator() {
        SqlSession s = h.session();
        load(s);
        String scan = "SELECT id, v FROM t WHERE c = 5";
        for (int i = 0; i < 3; i++) {
            assertEquals(10, run(s, scan).rows().size());
        }
        SqlStatSnapshot st = stats(scan);
        assertEquals(3, st.executions());
        assertEquals(0, st.errors());
        assertEquals(30, st.rowsReturned());
        assertEquals(300, st.rowsExamined(), "a full scan of 100 rows, three times");
        assertEquals(0, st.rowsAffected());
        assertTrue(st.totalTimeMs() > 0 && st.maxTimeMs() >= st.p95TimeMs() && st.p95TimeMs() >= st.minTimeMs(),
                st.toString());

        QueryProfile profile = store.profile(sqlId(scan)).orElseThrow();
        PlanNode filter = find(profile.plan(), "Filter");
        PlanNode seqScan = find(profile.plan(), "SeqScan");
        assertEquals("t", seqScan.table());
        assertEquals(100L, seqScan.actualRows());
        assertEquals(10L, filter.actualRows());
        assertEquals(List.of("Filter: (c = ?)"), filter.details());
        assertNotNull(seqScan.estimatedRows());
        assertEquals(10, profile.stats().rowsReturned());
        assertEquals(100, profile.stats().rowsExamined());
        assertNotNull(profile.stats().cpuTimeMs());
        assertEquals(st.firstSeenMillis(), profile.capturedAtMillis());

        String entry = lastSlowEntry(scan);
        assertTrue(entry.matches("(?s)Query time: \\d+\\.\\d\\d ms\nLock time: 0\\.00 ms\nRows examined: 100\n"
                + "Rows returned: 10\nQuery: select id, v from t where c = \\$1\nSQL ID: " + sqlId(scan)
                + "\nQuery Plan:\n.*"), entry);
        assertTrue(!entry.contains("c = 5"), "no value reaches the log: " + entry);
        assertTrue(entry.contains("\n  SeqScan on t (cost="), entry);
        assertTrue(entry.contains("\n    Filter: (c = ?)\n"), entry);
        assertTrue(entry.endsWith("\nSuggestion: Create index on t(c)"), entry);
    }

    @Test
    void preparedPointLookupsAndWrites() {
        SqlSession s = h.session();
        load(s);
        PreparedQuery point = prepare(s, "SELECT v FROM t WHERE id = $1", DataType.INTEGER);
        for (int i = 1; i <= 50; i++) {
            assertEquals("v" + i, execute(s, point, List.of(i)).rows().get(0).get(0));
        }
        execute(s, point, List.of(1000)); // no such row
        SqlStatSnapshot st = store.get(point.sqlId()).orElseThrow();
        assertEquals(51, st.executions());
        assertEquals(50, st.rowsReturned());
        assertEquals(50, st.rowsExamined());
        PlanNode lookup = store.profile(point.sqlId()).orElseThrow().plan();
        assertEquals("IndexScan", lookup.operator());
        assertEquals("t_pkey", lookup.index());
        assertEquals(1L, lookup.actualRows());
        assertTrue(lastSlowEntry("SELECT v FROM t WHERE id = $1").contains("Query: select v from t where id = $1\n"));

        String update = "UPDATE t SET v = 'x' WHERE c = 3";
        assertEquals("UPDATE 10", run(s, update).tag());
        SqlStatSnapshot up = stats(update);
        assertEquals(10, up.rowsAffected());
        assertEquals(0, up.rowsReturned());
        assertEquals(100, up.rowsExamined());
        assertTrue(up.commitTimeMs() > 0, "the implicit commit is timed");
        PlanNode tree = store.profile(sqlId(update)).orElseThrow().plan();
        assertEquals("Update", tree.operator());
        assertEquals(10L, tree.actualRows());
        assertEquals("SeqScan", tree.children().get(0).operator());
        assertEquals(10L, tree.children().get(0).actualRows(), "rows the search found");
        String entry = lastSlowEntry(update);
        assertTrue(entry.contains("\nRows affected: 10\n"), entry);
        assertTrue(entry.endsWith("\nSuggestion: Create index on t(c)"), entry);

        run(s, "CREATE INDEX t_c ON t (c)");
        assertEquals("UPDATE 10", run(s, update).tag());
        assertTrue(!lastSlowEntry(update).contains("Suggestion"), lastSlowEntry(update));
    }

    @Test
    void errorsAreCountedAndViewsAnswerTheGuidesQuery() {
        SqlSession s = h.session();
        load(s);
        String divide = "SELECT 1 / (c - c) FROM t";
        for (int i = 0; i < 2; i++) {
            RustyDbException e = assertThrows(RustyDbException.class, () -> run(s, divide));
            assertEquals("22012", e.sqlState());
        }
        SqlStatSnapshot st = stats(divide);
        assertEquals(2, st.executions());
        assertEquals(2, st.errors());

        List<List<Object>> rows = run(s, "SELECT sql_id, LEFT(sql_text, 100), executions, ROUND(avg_time_ms, 2) "
                + "FROM v$sql_statistics WHERE first_seen > NOW() - INTERVAL '24 hours' "
                + "ORDER BY total_time_ms DESC LIMIT 20").rows();
        List<Object> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get(0)));
        assertTrue(ids.contains(sqlId(divide)), rows.toString());
        assertEquals(2L, run(s, "SELECT executions FROM v$sql WHERE sql_id = '" + sqlId(divide) + "'").rows().get(0).get(0));
        assertEquals(List.of(List.of(0L)), run(s, "SELECT evictions FROM v$sql_statistics_info").rows());
    }

    @Test
    void tableLockWaitIsLockTime() throws Exception {
        SqlSession writer = h.session();
        SqlSession ddl = h.session();
        load(writer);
        run(writer, "BEGIN");
        run(writer, "INSERT INTO t VALUES (1000, 0, 'held')"); // holds t's shared lock until COMMIT
        CompletableFuture<SessionHarness.Result> truncate = CompletableFuture.supplyAsync(() -> run(ddl, "TRUNCATE t"));
        Thread.sleep(300);
        run(writer, "COMMIT");
        assertEquals("TRUNCATE TABLE", truncate.get(30, TimeUnit.SECONDS).tag());
        SqlStatSnapshot st = stats("TRUNCATE t");
        assertEquals(1, st.lockWaits());
        assertTrue(st.lockTimeMs() >= 200 && st.lockTimeMs() <= st.maxTimeMs(), st.toString());
        String entry = lastSlowEntry("TRUNCATE t");
        double logged = Double.parseDouble(entry.replaceAll("(?s).*Lock time: ([0-9.]+) ms.*", "$1"));
        assertTrue(logged >= 200, entry);
    }

    /** The last slow-query entry of {@code query} (logged by its normalized text and sql_id). */
    private String lastSlowEntry(String query) {
        String marker = "\nQuery: " + SqlNormalizer.normalize(query).text() + "\nSQL ID: " + sqlId(query) + "\n";
        String found = null;
        for (ILoggingEvent e : slowLog.list) {
            String message = e.getFormattedMessage() + "\n";
            if (message.contains(marker)) {
                found = e.getFormattedMessage();
            }
        }
        assertNotNull(found, "no slow-query entry for " + query + " in " + slowLog.list.size() + " entries");
        return found;
    }

    private static PlanNode find(PlanNode node, String operator) {
        if (node.operator().equals(operator)) {
            return node;
        }
        for (PlanNode child : node.children()) {
            PlanNode found = find(child, operator);
            if (found != null) {
                return found;
            }
        }
        if (node.children().isEmpty()) {
            return null;
        }
        return null;
    }

    @Test
    void nothingIsRecordedWhenDisabled() {
        SqlStatistics off = SqlStatistics.disabled(StatementStatsSettings.defaults());
        assertNull(off.entry("x", "x", 0));
        assertEquals(0, off.size());
    }
}
