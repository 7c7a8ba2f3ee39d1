package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The AWR end to end: two distinct workloads in two intervals, snapshots taken over REST and SQL,
 * each interval's report showing its own top SQL and wait events with exact deltas, a comparison
 * against a baseline, the dba_hist views, everything surviving SIGKILL and restart, retention
 * purging old snapshots but not a baseline's, and the HTML report rendered by headless Chromium.
 */
@ExtendWith(ServerLogOnFailure.class)
class AwrIT {
    /** 0.0004 days = 34.56 s. */
    private static final double RETENTION_DAYS = 0.0004;
    private static final int ORDERS = 3000;
    private static final int SCANS = 30;
    private static final int INSERTS = 50;
    private static final long HOLD_MS = 1500;

    @TempDir
    static Path tmp;

    private RustyDbProcess server;
    private Api api;
    private String admin;

    @Test
    void twoIntervalsReportsBaselinesRestartAndRetention() throws Exception {
        server = RustyDbProcess.start("awr", tmp.resolve("data"), "rustydb.ash.sample_interval=100ms",
                "rustydb.monitoring.sql_cpu_time=on",
                "rustydb.awr.ash_sample_ratio=1", "rustydb.awr.retention_days=" + RETENTION_DAYS);
        try {
            run();
        } finally {
            RustyDbProcess.stopAndClose(server);
        }
    }

    private void run() throws Exception {
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer INT, amount INT)");
            s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance INT)");
            s.execute("CREATE TABLE events (id INT PRIMARY KEY, note TEXT)");
            s.execute("INSERT INTO accounts VALUES (1, 100)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ORDERS; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i % 100);
                    insert.setInt(3, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        // snapshot 1 over REST (administrators only)
        api.post("/api/v1/awr/snapshots", null, null).error(401, "UNAUTHORIZED");
        JsonNode first = api.post("/api/v1/awr/snapshots", null, admin).ok(201).data();
        assertEquals(1, first.get("snapshot_id").asLong());
        assertEquals("MANUAL", first.get("trigger").asText());

        // interval 1: a full scan of orders filtered on an unindexed column
        try (Connection c = server.connect();
                PreparedStatement scan = c.prepareStatement("SELECT count(*), sum(amount) FROM orders WHERE customer = ?")) {
            for (int i = 0; i < SCANS; i++) {
                scan.setInt(1, i);
                try (ResultSet rs = scan.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(ORDERS / 100, rs.getInt(1));
                }
            }
        }

        // snapshot 2 over SQL
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXEC capture_snapshot()")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong("snap_id"));
        }

        // interval 2: a row lock held for HOLD_MS while another session waits for it, and committed inserts
        int[] pids = lockWorkload();
        try (Connection c = server.connect()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                for (int i = 1; i <= INSERTS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "event " + i);
                    assertEquals(1, insert.executeUpdate());
                }
            }
        }
        JsonNode third = api.post("/api/v1/awr/snapshots", null, admin).ok(201).data();
        assertEquals(3, third.get("snapshot_id").asLong());

        // the report of interval 1: the scan is the top statement, with its exact figures, and the finding names it
        JsonNode r1 = report(1, 2);
        JsonNode top1 = r1.get("top_sql_by_elapsed_time").get(0);
        assertTrue(top1.get("sql_text").asText().contains("from orders where customer"), top1.toString());
        assertEquals(SCANS, top1.get("executions").asLong());
        assertEquals((long) SCANS * ORDERS, top1.get("rows_examined").asLong(), top1.toString());
        assertEquals(SCANS, top1.get("rows_returned").asLong());
        assertTrue(top1.get("cpu_ms").asDouble() > 0, top1.toString());
        // the rows are still in the memtable: no block of a data file was read or asked for
        assertEquals(0, top1.get("physical_reads").asLong(), top1.toString());
        assertFalse(hasSql(r1, "INSERT INTO events"), "interval 1 has no inserts");
        assertEquals(0, waits(r1, "enq: TX - row lock contention"));
        JsonNode scanFinding = finding(r1, "SQL");
        assertEquals(top1.get("sql_id").asText(), scanFinding.get("sql_ids").get(0).asText());
        assertEquals("orders", scanFinding.get("objects").get(0).asText().toLowerCase(Locale.ROOT));
        assertTrue(scanFinding.get("recommendation").asText().contains("index"), scanFinding.toString());
        String scanSqlId = top1.get("sql_id").asText();

        // the report of interval 2: the blocked update is on top, the lock wait and the inserts are there, the scan is not
        JsonNode r2 = report(2, 3);
        JsonNode top2 = r2.get("top_sql_by_elapsed_time").get(0);
        assertTrue(top2.get("sql_text").asText().startsWith("update accounts"), top2.toString());
        int minWait = pids[2] - 100;
        assertTrue(minWait > HOLD_MS / 2, "B was blocked for most of HOLD_MS: " + pids[2]);
        assertTrue(top2.get("elapsed_ms").asDouble() >= minWait, minWait + " " + top2);
        assertFalse(hasSql(r2, "FROM orders WHERE customer"), "interval 2 ran no scan");
        assertEquals(INSERTS, sql(r2, "INSERT INTO events").get("executions").asLong());
        assertEquals(1, waits(r2, "enq: TX - row lock contention"));
        JsonNode lockWait = event(r2, "enq: TX - row lock contention");
        assertTrue(lockWait.get("time_ms").asDouble() >= minWait, minWait + " " + lockWait);
        assertTrue(lockWait.get("time_ms").asDouble() <= top2.get("elapsed_ms").asDouble(), "the wait is inside the update");
        assertEquals(1, histogramTotal(lockWait));
        // the one wait is in the bucket of its duration: 2^(i-1) ms <= time < 2^i ms
        int bucket = 64 - Long.numberOfLeadingZeros((long) lockWait.get("time_ms").asDouble());
        assertEquals(1L, lockWait.get("histogram").get(bucket).asLong(), "bucket " + bucket + ": " + lockWait);
        // every insert committed in its own transaction and waited for its WAL sync
        assertTrue(r2.get("transactions").get("commits").asLong() >= INSERTS + 2, r2.get("transactions").toString());
        assertTrue(waits(r2, "log file sync") >= INSERTS, event(r2, "log file sync").toString());
        assertEquals(INSERTS + 0, sql(r2, "INSERT INTO events").get("rows_affected").asLong());
        JsonNode chain = r2.get("ash").get("blocking_chains").get(0);
        // ASH's wait classes and events are spelled as the ASH endpoints spell them
        JsonNode ashApplication = null;
        for (JsonNode c : r2.get("ash").get("wait_classes")) {
            if (c.get("wait_class").asText().equals("Application")) {
                ashApplication = c;
            }
        }
        assertNotNull(ashApplication, r2.get("ash").toString());
        assertEquals("enq_tx_row_lock_contention", ashApplication.get("events").get(0).get("event").asText(),
                ashApplication.toString());
        assertEquals(pids[0], chain.get("blocking_session").asInt(), chain.toString());
        assertEquals(pids[1], chain.get("blocked").get(0).get("session_id").asInt(), chain.toString());
        JsonNode lockFinding = finding(r2, "Application");
        assertTrue(list(lockFinding.get("sessions")).contains(String.valueOf(pids[0])), lockFinding.toString());
        assertTrue(lockFinding.get("recommendation").asText().contains("Session " + pids[0]), lockFinding.toString());

        // text report: 132 columns, the interval's top statement
        String text = api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 1, "end_snapshot_id", 2,
                "format", "text"), admin).ok(200).raw().body();
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 132, line);
        }
        assertTrue(text.contains(scanSqlId) && text.contains("Findings"), text);
        Files.writeString(Path.of("target", "awr-report.txt").toAbsolutePath(), text, StandardCharsets.UTF_8);

        // bad requests
        api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 3, "end_snapshot_id", 1), admin)
                .error(400, "INVALID_PARAMETER");
        api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 1), admin).error(400, "INVALID_PARAMETER");
        api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 1, "end_snapshot_id", 99), admin)
                .error(404, "NOT_FOUND");
        api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 1, "end_snapshot_id", 2, "format", "pdf"), admin)
                .error(400, "INVALID_PARAMETER");
        api.post("/api/v1/awr/report", "{not json", admin).error(400, "INVALID_JSON");
        api.get("/api/v1/awr/snapshots/99", admin).error(404, "NOT_FOUND");
        api.delete("/api/v1/awr/baselines/nope", admin).error(404, "NOT_FOUND");
        api.get("/api/v1/awr/trends?metric=nope", admin).error(400, "INVALID_PARAMETER");

        // baselines over REST and SQL
        JsonNode quiet = api.post("/api/v1/awr/baselines", Api.json("name", "scans", "start_snapshot_id", 1,
                "end_snapshot_id", 2, "description", "interval 1"), admin).ok(201).data();
        assertEquals("STATIC", quiet.get("baseline_type").asText());
        api.post("/api/v1/awr/baselines", Api.json("name", "scans", "start_snapshot_id", 1, "end_snapshot_id", 2),
                admin).error(409, "CONFLICT");
        api.post("/api/v1/awr/baselines", Api.json("name", "x", "start_snapshot_id", 2, "end_snapshot_id", 1),
                admin).error(400, "INVALID_PARAMETER");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("EXEC create_baseline(name => 'locks', start_snapshot_id => 2, "
                    + "end_snapshot_id => 3, baseline_type => 'STATIC')")) {
                assertTrue(rs.next());
                assertEquals("locks", rs.getString("baseline_name"));
            }
            assertSqlState(s, "EXEC create_baseline(name => 'bad', start_snapshot_id => 3, end_snapshot_id => 2)", "22023");
            assertSqlState(s, "EXEC create_baseline(name => 'bad', start_snapshot_id => 1, end_snapshot_id => 42)", "42704");
            assertSqlState(s, "EXEC create_baseline(name => 'locks', start_snapshot_id => 1, end_snapshot_id => 2)", "42710");
            assertSqlState(s, "EXEC create_baseline(name => 'bad', start_snapshot_id => 'one', end_snapshot_id => 2)",
                    "42804");
            assertSqlState(s, "EXEC create_baseline(nom => 'bad')", "42601");
            assertSqlState(s, "EXEC no_such_procedure()", "42883");
            // the session is still usable, and the views show the repository
            assertEquals(3, count(s, "SELECT count(*) FROM dba_hist_snapshot"));
            assertEquals(2, count(s, "SELECT count(*) FROM dba_hist_baseline"));
            try (ResultSet rs = s.executeQuery("SELECT snap_id, executions_delta, rows_examined_delta FROM dba_hist_sqlstat"
                    + " WHERE sql_id = '" + scanSqlId + "'")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                assertEquals(SCANS, rs.getLong(2));
                assertEquals((long) SCANS * ORDERS, rs.getLong(3));
                assertFalse(rs.next(), "the scan ran in interval 1 only");
            }
            assertTrue(count(s, "SELECT count(*) FROM dba_hist_active_sess_history WHERE snap_id = 3 AND "
                    + "event = 'enq: TX - row lock contention' AND blocking_session = " + pids[0]) > 0);
            assertEquals(1, count(s, "SELECT count(*) FROM dba_hist_system_event WHERE snap_id = 3 AND "
                    + "event_name = 'enq: TX - row lock contention' AND total_waits = 1"));
        }

        // interval 2 against the baseline of interval 1
        JsonNode cmp = api.post("/api/v1/awr/compare", Api.json("baseline_name", "scans",
                "current_start_snapshot_id", 2, "current_end_snapshot_id", 3), admin).ok(200).data();
        JsonNode application = named(cmp.get("wait_classes"), "Application (ms)");
        assertEquals(0.0, application.get("baseline_per_second").asDouble());
        assertTrue(application.get("current_per_second").asDouble() > 0, application.toString());
        JsonNode scanChange = null;
        for (JsonNode s : cmp.get("sql")) {
            if (s.get("sql_id").asText().equals(scanSqlId)) {
                scanChange = s;
            }
        }
        assertTrue(scanChange != null && scanChange.get("current_elapsed_per_exec_ms").isNull(), cmp.toString());
        api.post("/api/v1/awr/compare", Api.json("baseline_name", "nope", "current_start_snapshot_id", 2,
                "current_end_snapshot_id", 3), admin).error(404, "NOT_FOUND");

        // trends
        JsonNode trend = api.get("/api/v1/awr/trends?metric=queries_per_second&days=1", admin).ok(200).data();
        assertEquals(2, trend.get("data_points").size());
        assertTrue(trend.get("statistics").get("max").asDouble() >= trend.get("statistics").get("min").asDouble());

        // the HTML report of both intervals in a real browser
        html();

        // SIGKILL and restart: the snapshots, baselines and reports come back from the journal
        String before = report(1, 2).toString();
        server.kill9();
        server.restart();
        admin = api.login("rustydb", server.adminPassword());
        assertEquals(3, api.get("/api/v1/awr/snapshots", admin).ok(200).data().get("total").asInt());
        assertEquals(2, api.get("/api/v1/awr/baselines", admin).ok(200).data().get("total").asInt());
        assertEquals(before, report(1, 2).toString());
        JsonNode fourth = api.post("/api/v1/awr/snapshots", null, admin).ok(201).data();
        assertEquals(4, fourth.get("snapshot_id").asLong());
        // across the restart: a reset, not negative deltas
        JsonNode r34 = report(3, 4);
        assertEquals(1, r34.get("summary").get("restarts").size());
        assertTrue(r34.get("notes").get(0).asText().contains("restarted"));
        for (JsonNode rate : r34.get("load_profile")) {
            assertTrue(rate.get("total").asDouble() >= 0, rate.toString());
        }

        // retention: drop the baseline holding 3, wait until 3 is older than the retention, capture
        api.delete("/api/v1/awr/baselines/locks", admin).ok(200);
        long third3 = Instant.parse(third.get("end_interval_time").asText()).toEpochMilli();
        long retentionMs = Math.round(RETENTION_DAYS * 86_400_000);
        long wait = third3 + retentionMs + 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        api.post("/api/v1/awr/snapshots", null, admin).ok(201);
        List<Long> ids = new ArrayList<>();
        api.get("/api/v1/awr/snapshots", admin).ok(200).data().get("snapshots")
                .forEach(s -> ids.add(s.get("snapshot_id").asLong()));
        assertTrue(ids.contains(1L) && ids.contains(2L), "the baseline's snapshots are kept: " + ids);
        assertFalse(ids.contains(3L), "snapshot 3 is past the retention: " + ids);
        assertTrue(ids.contains(5L), ids.toString());
    }

    /**
     * Session A holds a row lock for HOLD_MS; session B waits for it. Returns {A, B, the least time
     * in ms B can have waited}.
     */
    private int[] lockWorkload() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            int pidA = a.unwrap(PGConnection.class).getBackendPID();
            int pidB = b.unwrap(PGConnection.class).getBackendPID();
            a.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                s.executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
            }
            long[] bStarted = new long[1];
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try (Statement s = b.createStatement()) {
                    bStarted[0] = System.nanoTime();
                    return s.executeUpdate("UPDATE accounts SET balance = balance - 1 WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(HOLD_MS);
            assertFalse(blocked.isDone(), "B waits for A's row lock");
            a.commit();
            long committed = System.nanoTime();
            assertEquals(1, blocked.get(30, TimeUnit.SECONDS));
            // B waited at least from when its statement was sent to A's commit
            return new int[] {pidA, pidB, (int) ((committed - bStarted[0]) / 1_000_000)};
        }
    }

    private void html() throws Exception {
        String html = api.post("/api/v1/awr/report", Api.json("start_snapshot_id", 1, "end_snapshot_id", 3,
                "format", "html"), admin).ok(200).raw().body();
        Path page = tmp.resolve("awr-report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = Path.of("target", "awr-report.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        String dom = chromium("--dump-dom", page.toUri().toString());
        for (String heading : List.of("1. Report Summary", "2. Load Profile", "3. Top 10 SQL by Elapsed Time",
                "7. Wait Event Statistics", "10. Transaction Statistics", "Active Session History", "Findings")) {
            assertTrue(dom.contains(heading), heading);
        }
        assertTrue(dom.contains("<svg"), "charts are inline SVG");
        chromium("--screenshot=" + png, "--window-size=1400,3000", page.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "screenshot " + png + " has " + Files.size(png) + " bytes");
    }

    private static String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish");
        }
        assertEquals(0, p.exitValue(), "chromium " + command);
        return new String(out, StandardCharsets.UTF_8);
    }

    private JsonNode report(long start, long end) {
        return api.post("/api/v1/awr/report", Api.json("start_snapshot_id", start, "end_snapshot_id", end,
                "format", "json"), admin).ok(200).data();
    }

    private static boolean hasSql(JsonNode report, String text) {
        return sqlOrNull(report, text) != null;
    }

    private static JsonNode sql(JsonNode report, String text) {
        JsonNode s = sqlOrNull(report, text);
        assertTrue(s != null, text + " in " + report.get("top_sql_by_elapsed_time"));
        return s;
    }

    private static JsonNode sqlOrNull(JsonNode report, String text) {
        for (JsonNode s : report.get("top_sql_by_elapsed_time")) {
            if (s.get("sql_text").asText().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode event(JsonNode report, String name) {
        for (JsonNode e : report.get("wait_events").get("events")) {
            if (e.get("event").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static long waits(JsonNode report, String name) {
        JsonNode e = event(report, name);
        return e == null ? 0 : e.get("waits").asLong();
    }

    private static long histogramTotal(JsonNode event) {
        long total = 0;
        for (JsonNode b : event.get("histogram")) {
            total += b.asLong();
        }
        return total;
    }

    private static JsonNode finding(JsonNode report, String category) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("category").asText().equals(category)) {
                return f;
            }
        }
        fail("no " + category + " finding in " + report.get("findings"));
        return null;
    }

    private static JsonNode named(JsonNode rows, String name) {
        for (JsonNode r : rows) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        fail(name + " not in " + rows);
        return null;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static void assertSqlState(Statement s, String sql, String state) {
        try {
            s.execute(sql);
            fail(sql + " succeeded");
        } catch (SQLException e) {
            assertEquals(state, e.getSQLState(), sql + ": " + e.getMessage());
        }
    }
}
