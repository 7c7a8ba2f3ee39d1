package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Active Session History on a node sampling every 50 ms: what sessions were doing is in the
 * samples, the reports and the v$ views, and the sampler can be reconfigured at runtime.
 */
@ExtendWith(ServerLogOnFailure.class)
class AshIT {
    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = RustyDbProcess.start("ash", tmp.resolve("data"), "rustydb.ash.sample_interval=50ms");
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE nums (id INT PRIMARY KEY, v INT)");
            try (var insert = c.prepareStatement("INSERT INTO nums VALUES (?, ?)")) {
                for (int i = 1; i <= 1500; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i % 7);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("CREATE TABLE loaded (id INT PRIMARY KEY, note TEXT)");
        }
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    private static String sqlIdOf(int sessionId) {
        return api.get("/api/v1/sessions/" + sessionId, admin).ok(200).data().get("sql_id").asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void aCpuBoundQueryIsSampledOnCpuWithItsSqlId() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            int pid = c.unwrap(PGConnection.class).getBackendPID();
            long started = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM nums a, nums b WHERE a.v + b.v = 6")) {
                rs.next();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis > 300, "the query must run long enough to be sampled, ran " + millis + " ms");
            String sqlId = sqlIdOf(pid);

            JsonNode samples = api.get("/api/v1/ash/samples?session_id=" + pid + "&sql_id=" + sqlId, admin).ok(200)
                    .data();
            List<JsonNode> mine = list(samples.get("samples"));
            assertTrue(mine.size() >= 3, "sampled every 50 ms over " + millis + " ms: " + samples);
            long onCpu = mine.stream().filter(n -> n.get("session_state").asText().equals("ON CPU")).count();
            assertTrue(onCpu >= mine.size() - 1, "a CPU-bound join is on CPU: " + samples);
            JsonNode first = mine.get(0);
            assertEquals("CPU", first.get("wait_class").asText());
            assertTrue(first.get("sql_text").asText().contains("nums a, nums b"));
            assertTrue(first.get("sample_weight_ms").asLong() > 0);
            // cumulative CPU and DB time of the session's finished statements (the CREATE/INSERT before)
            assertTrue(first.get("db_time_ms").asDouble() >= first.get("cpu_time_ms").asDouble(), first.toString());
            // the plan's hash, as v$session shows it for the session's last statement
            long planHash = first.get("sql_plan_hash_value").asLong();
            assertTrue(planHash > 0, first.toString());
            try (Connection observer = server.connect(); Statement o = observer.createStatement();
                    ResultSet rs = o.executeQuery("SELECT sql_plan_hash_value FROM v$session WHERE session_id = " + pid)) {
                assertTrue(rs.next());
                assertEquals(planHash, rs.getLong(1));
            }

            JsonNode report = api.get("/api/v1/ash/report?report_type=top_sql_by_cpu&session_id=" + pid, admin)
                    .ok(200).data();
            JsonNode top = report.get("top_sql").get(0);
            assertEquals(sqlId, top.get("sql_id").asText(), report.toString());
            assertEquals(1, top.get("executions").asLong());
            assertTrue(top.get("percent_of_total_cpu").asDouble() > 90, report.toString());

            try (ResultSet rs = s.executeQuery("SELECT session_state, count(*) FROM v$active_session_history "
                    + "WHERE session_id = " + pid + " AND sql_id = '" + sqlId + "' GROUP BY session_state")) {
                assertTrue(rs.next());
                assertEquals("ON CPU", rs.getString(1));
                assertTrue(rs.getLong(2) >= 3);
            }
            // samples of a second execution carry the session's CPU time, the first execution's included
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM nums a, nums b WHERE a.v + b.v = 5")) {
                rs.next();
            }
            JsonNode last = list(api.get("/api/v1/ash/samples?session_id=" + pid + "&limit=1", admin).ok(200).data()
                    .get("samples")).get(0);
            double cpu = last.get("cpu_time_ms").asDouble();
            assertEquals(sqlId, last.get("sql_id").asText(), "the same statement with another literal: " + last);
            assertEquals(planHash, last.get("sql_plan_hash_value").asLong(), "and the same plan: " + last);
            assertTrue(cpu >= 100 && cpu <= last.get("db_time_ms").asDouble(), "the session's CPU time so far, "
                    + "a " + millis + " ms CPU-bound query included: " + last);
        }
    }

    @Test
    void aCopyWaitingForItsClientWaitsOnTheNetwork() throws Exception {
        try (Connection c = server.connect()) {
            int pid = c.unwrap(PGConnection.class).getBackendPID();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = copy.copyIn("COPY loaded FROM STDIN", new SlowInput("1\tfirst\n", 800, "2\tsecond\n"));
            assertEquals(2, rows);
            JsonNode data = api.get("/api/v1/ash/samples?session_id=" + pid + "&wait_class=Network", admin).ok(200)
                    .data();
            List<JsonNode> waits = list(data.get("samples"));
            assertTrue(waits.size() >= 5, "800 ms waiting for the client at 50 ms: " + data);
            assertEquals("sql_net_more_data_from_client", waits.get(0).get("wait_event").asText());
            assertEquals("WAITING", waits.get(0).get("session_state").asText());
            assertTrue(waits.get(0).get("sql_text").asText().startsWith("COPY loaded"));

            JsonNode report = api.get("/api/v1/ash/report?report_type=wait_events&session_id=" + pid, admin).ok(200)
                    .data();
            JsonNode network = list(report.get("wait_classes")).stream()
                    .filter(n -> n.get("wait_class").asText().equals("Network")).findFirst().orElseThrow();
            assertEquals(1, network.get("wait_count").asLong(), "one wait, sampled many times: " + report);
            assertTrue(network.get("avg_wait_ms").asDouble() > 500, report.toString());
            assertTrue(network.get("percent_of_total").asDouble() > 50, report.toString());

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total_waits, max_wait_ms "
                    + "FROM v$session_event WHERE session_id = " + pid + " AND event = 'SQL*Net more data from client'")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) >= 1);
                assertTrue(rs.getDouble(2) >= 700, "the measured wait: " + rs.getDouble(2));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT wait_class, wait_count "
                    + "FROM v$system_wait_events WHERE wait_event = 'SQL*Net message from client'")) {
                assertTrue(rs.next());
                assertEquals("Idle", rs.getString(1));
                assertTrue(rs.getLong(2) > 0);
            }
        }
    }

    @Test
    void aSessionBlockedOnARowLockIsSampledWithItsBlockerUntilTheBlockerCommits() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            int holder = a.unwrap(PGConnection.class).getBackendPID();
            int waiter = b.unwrap(PGConnection.class).getBackendPID();
            a.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                s.executeUpdate("UPDATE nums SET v = v + 1 WHERE id = 42");
            }
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try (Statement s = b.createStatement()) {
                    return s.executeUpdate("UPDATE nums SET v = 100 WHERE id = 42");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(800);
            String waiterSqlId = sqlIdOf(waiter);
            long commitMillis = System.currentTimeMillis();
            a.commit();
            assertEquals(1, blocked.get(30, TimeUnit.SECONDS));
            Thread.sleep(300);

            List<JsonNode> samples = list(api.get("/api/v1/ash/samples?session_id=" + waiter, admin).ok(200).data()
                    .get("samples"));
            List<JsonNode> waits = samples.stream().filter(n -> n.get("sql_id").asText().equals(waiterSqlId)).toList();
            assertTrue(waits.size() >= 8, "blocked for 800 ms at 50 ms: " + samples);
            for (JsonNode w : waits) {
                assertEquals("BLOCKED", w.get("session_state").asText(), w.toString());
                assertEquals("Application", w.get("wait_class").asText());
                assertEquals("enq_tx_row_lock_contention", w.get("wait_event").asText());
                assertEquals(holder, w.get("blocking_session").asInt(), w.toString());
                assertTrue(Instant.parse(w.get("sample_time").asText()).toEpochMilli() <= commitMillis + 100,
                        "no blocked sample after the holder committed: " + w);
            }
            JsonNode chains = api.get("/api/v1/ash/report?report_type=blocking_chains", admin).ok(200).data();
            JsonNode chain = list(chains.get("blocking_chains")).stream()
                    .filter(c -> c.get("blocking_session").asInt() == holder).findFirst().orElseThrow();
            assertEquals(waiter, chain.get("blocked_sessions").get(0).get("session_id").asInt(), chains.toString());
            assertTrue(chain.get("blocked_time_ms").asLong() >= 400, chains.toString());

            try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), "
                    + "min(blocking_session), max(blocking_session) FROM v$active_session_history WHERE session_id = "
                    + waiter + " AND event = 'enq: TX - row lock contention' AND wait_class = 'Application'")) {
                assertTrue(rs.next());
                assertEquals(waits.size(), rs.getLong(1));
                assertEquals(holder, rs.getInt(2));
                assertEquals(holder, rs.getInt(3));
            }
        }
    }

    @Test
    void committingWithDurableWalWaitsOnLogFileSync() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            long before = syncWaits(s);
            int pid = c.unwrap(PGConnection.class).getBackendPID();
            // commit until the sampler has caught the session in its WAL sync (each fsync is short)
            int commits = 0;
            JsonNode commit = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (commit == null && System.currentTimeMillis() < deadline) {
                for (int i = 0; i < 100; i++, commits++) {
                    s.executeUpdate("INSERT INTO loaded VALUES (" + (1000 + commits) + ", 'commit')");
                }
                JsonNode report = api.get("/api/v1/ash/report?report_type=wait_events&session_id=" + pid, admin)
                        .ok(200).data();
                commit = list(report.get("wait_classes")).stream()
                        .filter(n -> n.get("wait_class").asText().equals("Commit")).findFirst().orElse(null);
            }
            assertTrue(commit != null, "no Commit wait sampled in " + commits + " commits");
            assertEquals("log_file_sync", commit.get("top_events").get(0).get("event").asText());
            assertEquals(before + commits, syncWaits(s), "one WAL sync wait per committed write, none for reads");
            try (ResultSet rs = s.executeQuery("SELECT total_waits FROM v$session_event WHERE session_id = " + pid
                    + " AND event = 'log file sync'")) {
                assertTrue(rs.next());
                assertEquals(commits, rs.getLong(1));
            }
        }
    }

    private static long syncWaits(Statement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT wait_count FROM v$system_wait_events WHERE wait_event = 'log file sync'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sends {@code first}, pauses, then sends {@code second}. */
    private static final class SlowInput extends InputStream {
        private final byte[] first;
        private final byte[] second;
        private final long pauseMillis;
        private int position;

        SlowInput(String first, long pauseMillis, String second) {
            this.first = first.getBytes(StandardCharsets.UTF_8);
            this.second = second.getBytes(StandardCharsets.UTF_8);
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position < first.length) {
                int n = Math.min(len, first.length - position);
                System.arraycopy(first, position, b, off, n);
                position += n;
                return n;
            }
            if (position == first.length) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int at = position - first.length;
            if (at >= second.length) {
                return -1;
            }
            int n = Math.min(len, second.length - at);
            System.arraycopy(second, at, b, off, n);
            position += n;
            return n;
        }
    }

    @Test
    void configurationChangesAtRuntimeAndBadRequestsAreRefused() throws Exception {
        JsonNode config = api.get("/api/v1/ash/config", admin).ok(200).data();
        assertEquals(50, config.get("sample_interval_ms").asLong());
        assertEquals(86400, config.get("max_samples").asLong());

        api.send("PUT", "/api/v1/ash/config", Api.json("sample_interval_ms", 5), admin).error(400, "INVALID_PARAMETER");
        api.send("PUT", "/api/v1/ash/config", Api.json("sample_rate", 5), admin).error(400, "INVALID_PARAMETER");
        api.send("PUT", "/api/v1/ash/config", Api.json("enabled", "yes"), admin).error(400, "INVALID_PARAMETER");
        api.send("PUT", "/api/v1/ash/config", "{not json", admin).error(400, "INVALID_JSON");
        api.post("/api/v1/admin/users", Api.json("username", "ash_reader", "password", "pw"), admin).ok(201);
        String reader = api.login("ash_reader", "pw");
        api.send("PUT", "/api/v1/ash/config", Api.json("max_samples", 5), reader).error(403, "FORBIDDEN");
        api.get("/api/v1/ash/config", null).error(401, "UNAUTHORIZED");
        api.get("/api/v1/ash/samples?limit=0", reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/samples?wait_class=Sleepy", reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/samples?start=yesterday", reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/samples?start=" + enc(Instant.now().toString()) + "&end="
                + enc(Instant.now().minusSeconds(60).toString()), reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/report", reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/report?report_type=everything", reader).error(400, "INVALID_PARAMETER");
        api.get("/api/v1/ash/session-stats?session_id=987654", reader).error(404, "SESSION_NOT_FOUND");

        // a small ring buffer wraps: a busy session fills it within a second at 20 ms
        JsonNode changed = api.send("PUT", "/api/v1/ash/config", Api.json("sample_interval_ms", 20, "max_samples", 5),
                admin).ok(200).data();
        assertEquals(20, changed.get("sample_interval_ms").asLong());
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM nums a, nums b WHERE a.v * b.v = 1")) {
                    rs.next();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            busy.get(120, TimeUnit.SECONDS);
        }
        JsonNode stats = api.get("/api/v1/ash/stats", reader).ok(200).data();
        assertEquals(5, stats.get("buffer_capacity").asInt());
        assertTrue(stats.get("samples_in_buffer").asInt() <= 5, stats.toString());
        assertTrue(stats.get("overwritten_samples").asLong() > 0, stats.toString());
        assertEquals(20, stats.get("sample_interval_ms").asLong());
        assertTrue(stats.get("ticks").asLong() > 0);
        assertTrue(stats.get("sampling_cost").get("avg_tick_us").asDouble() > 0, stats.toString());

        api.send("PUT", "/api/v1/ash/config", Api.json("enabled", false), admin).ok(200);
        long ticks = api.get("/api/v1/ash/stats", reader).ok(200).data().get("ticks").asLong();
        Thread.sleep(300);
        assertEquals(ticks, api.get("/api/v1/ash/stats", reader).ok(200).data().get("ticks").asLong(),
                "no sampling while disabled");
        api.send("PUT", "/api/v1/ash/config", Api.json("enabled", true, "sample_interval_ms", 50, "max_samples", 86400),
                admin).ok(200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
