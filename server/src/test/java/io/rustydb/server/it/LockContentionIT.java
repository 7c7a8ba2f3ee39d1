package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.queryLong;
import static io.rustydb.server.it.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Lock waits as an operator sees them, through pgjdbc and the REST API of a real node: v$session
 * and /api/v1/sessions name the blocking session, the lock contention check degrades with the
 * wait, /api/v1/stats/transactions counts commits, rollbacks and a deadlock exactly and lists a
 * long-running transaction with the row locks it holds, and pg_cancel_backend /
 * pg_terminate_backend act on other sessions.
 */
@ExtendWith(ServerLogOnFailure.class)
class LockContentionIT {
    private static final long WARNING_WAIT_MS = 200;
    private static final long CRITICAL_WAIT_MS = 2500;

    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws SQLException {
        server = RustyDbProcess.start("lock-contention", tmp.resolve("data"),
                "rustydb.monitoring.long_running_transaction_threshold=1s",
                "rustydb.health_checks.lock_contention.warning_wait_ms=" + WARNING_WAIT_MS,
                "rustydb.health_checks.lock_contention.critical_wait_ms=" + CRITICAL_WAIT_MS);
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE acct (id INTEGER PRIMARY KEY, v INTEGER)");
            execute(c, "INSERT INTO acct VALUES (1, 0), (2, 0), (3, 0), (4, 0)");
            execute(c, "CREATE TABLE big (id INTEGER PRIMARY KEY)");
            execute(c, "INSERT INTO big SELECT x FROM (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10)) AS v(x)");
            for (int i = 0; i < 7; i++) {
                execute(c, "INSERT INTO big SELECT id + (SELECT max(id) FROM big) FROM big");
            }
        }
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void aBlockedSessionNamesItsBlockerAndTheLockCheckDegrades() throws Exception {
        try (Connection holder = server.connect("ApplicationName=holder");
                Connection waiter = server.connect("ApplicationName=waiter");
                Connection observer = server.connect()) {
            int holderId = pid(holder);
            int waiterId = pid(waiter);
            assertEquals(holderId, queryLong(holder, "SELECT pg_backend_pid()"));
            JsonNode calm = check("lock_contention");
            assertEquals("HEALTHY", calm.get("status").asText(), calm.toString());
            assertTrue(calm.get("value").isNull(), calm.toString());

            execute(holder, "BEGIN");
            execute(holder, "UPDATE acct SET v = 1 WHERE id = 1");
            CompletableFuture<Integer> blocked = updateAsync(waiter, "UPDATE acct SET v = 2 WHERE id = 1");

            List<String> waiting = awaitRows(observer, "SELECT session_id, state, blocking_session, wait_event"
                    + " FROM v$session WHERE blocking_session IS NOT NULL", r -> r.size() == 1);
            assertEquals(List.of(waiterId + "|ACTIVE|" + holderId + "|enq: TX - row lock contention"), waiting);
            assertEquals(1, queryLong(observer, "SELECT COUNT(*) FROM v$session WHERE blocking_session IS NOT NULL"));
            assertEquals(List.of(holderId + "|IDLE_IN_TRANSACTION||holder"), rows(observer,
                    "SELECT session_id, state, blocking_session, application_name FROM v$session"
                    + " WHERE session_id = " + holderId));
            assertEquals(List.of("UPDATE acct SET v = 2 WHERE id = 1"), rows(observer,
                    "SELECT s.current_query FROM v$session s JOIN v$session h ON s.blocking_session = h.session_id"
                    + " WHERE h.application_name = 'holder'"));

            JsonNode waiterSession = api.get("/api/v1/sessions/" + waiterId, admin).ok(200).data();
            assertEquals(holderId, waiterSession.get("blocking_session").asInt(), waiterSession.toString());
            assertEquals("enq_tx_row_lock_contention", waiterSession.get("wait_event").asText());
            assertEquals("Application", waiterSession.get("wait_class").asText());
            assertTrue(waiterSession.get("wait_time_ms").asLong() >= 0);
            JsonNode all = api.get("/api/v1/sessions", admin).ok(200).data();
            for (JsonNode s : all) {
                int id = s.get("session_id").asInt();
                assertEquals(id == waiterId ? holderId : null,
                        s.get("blocking_session").isNull() ? null : s.get("blocking_session").asInt(), s.toString());
            }

            // the check grades the mean time the waiting sessions have waited so far
            JsonNode degraded = awaitCheck("lock_contention",
                    c -> !c.get("value").isNull() && c.get("value").asDouble() >= WARNING_WAIT_MS);
            double waited = degraded.get("value").asDouble();
            assertEquals(waited >= CRITICAL_WAIT_MS ? "CRITICAL" : "DEGRADED", degraded.get("status").asText(),
                    degraded.toString());
            assertEquals("ms", degraded.get("unit").asText());
            assertEquals(WARNING_WAIT_MS, degraded.get("warning_threshold").asLong());
            assertEquals(CRITICAL_WAIT_MS, degraded.get("critical_threshold").asLong());
            assertEquals(1, degraded.get("details").get("waiting_sessions").asInt());
            assertEquals(List.of(holderId), List.of(degraded.get("details").get("blocking_sessions").get(0).asInt()));
            JsonNode critical = awaitCheck("lock_contention",
                    c -> !c.get("value").isNull() && c.get("value").asDouble() >= CRITICAL_WAIT_MS);
            assertEquals("CRITICAL", critical.get("status").asText(), critical.toString());
            try (Statement s = observer.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT status, measured_value FROM v$health_check WHERE component = 'lock_contention'")) {
                assertTrue(rs.next());
                assertEquals("CRITICAL", rs.getString(1));
                assertTrue(rs.getDouble(2) >= CRITICAL_WAIT_MS);
            }
            JsonNode health = api.get("/api/v1/admin/health", admin).ok(200).data();
            assertEquals("CRITICAL", health.get("status").asText());
            assertEquals("DOWN", health.get("components").get("transactions").get("status").asText());
            assertEquals(1, health.get("components").get("transactions").get("waiting_for_locks").asInt());

            // ending the holder's session rolls its transaction back and frees the waiter
            assertEquals(List.of("t"), rows(observer, "SELECT pg_terminate_backend(" + holderId + ")"));
            assertEquals(1, blocked.get(30, TimeUnit.SECONDS));
            SQLException gone = assertThrows(SQLException.class, () -> execute(holder, "SELECT 1"));
            assertTrue(List.of("57P01", "08006").contains(gone.getSQLState()), gone.getSQLState() + " " + gone);
            assertEquals(List.of(), rows(observer, "SELECT session_id FROM v$session WHERE blocking_session IS NOT NULL"));
            JsonNode after = check("lock_contention");
            assertEquals("HEALTHY", after.get("status").asText(), after.toString());
        }
    }

    @Test
    void transactionStatisticsCountEveryEndAndTheDeadlock() throws Exception {
        JsonNode before = stats();
        try (Connection w = server.connect(); Connection a = server.connect(); Connection b = server.connect()) {
            for (int i = 0; i < 3; i++) {
                execute(w, "INSERT INTO acct VALUES (" + (100 + i) + ", 0)"); // 3 commits
            }
            for (int i = 0; i < 2; i++) {
                execute(w, "BEGIN");
                execute(w, "INSERT INTO acct VALUES (" + (110 + i) + ", 0)");
                execute(w, "COMMIT"); // 2 commits
            }
            for (int i = 0; i < 2; i++) {
                execute(w, "BEGIN");
                execute(w, "INSERT INTO acct VALUES (" + (120 + i) + ", 0)");
                execute(w, "ROLLBACK"); // 2 rollbacks
            }
            Sql.assertSqlState("23505", w, "INSERT INTO acct VALUES (100, 0)"); // 1 rollback

            // a deadlock: one victim (40P01, rolled back), the other commits
            execute(a, "BEGIN");
            execute(b, "BEGIN");
            execute(a, "UPDATE acct SET v = 10 WHERE id = 3");
            execute(b, "UPDATE acct SET v = 20 WHERE id = 4");
            CompletableFuture<Integer> first = updateAsync(a, "UPDATE acct SET v = 11 WHERE id = 4");
            awaitBlocked(pid(a), pid(b)); // through the REST API: a SELECT would be a transaction too
            CompletableFuture<Integer> second = updateAsync(b, "UPDATE acct SET v = 21 WHERE id = 3");
            // the victim's transaction is aborted and its locks released at once, as in PostgreSQL, so
            // the survivor's update may complete before the victim's error reaches its client: wait for both
            CompletableFuture.allOf(first.handle((r, e) -> null), second.handle((r, e) -> null))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(first.isCompletedExceptionally() != second.isCompletedExceptionally(),
                    "exactly one of the two is the deadlock's victim");
            Connection victim = second.isCompletedExceptionally() ? b : a;
            Connection survivor = victim == a ? b : a;
            CompletableFuture<Integer> victimUpdate = victim == a ? first : second;
            CompletableFuture<Integer> survivorUpdate = victim == a ? second : first;
            ExecutionException deadlock = assertThrows(ExecutionException.class, victimUpdate::get);
            SQLException cause = assertInstanceOf(SQLException.class, deadlock.getCause());
            assertEquals("40P01", cause.getSQLState(), cause.getMessage());
            execute(victim, "ROLLBACK");
            assertEquals(1, survivorUpdate.get(30, TimeUnit.SECONDS));
            execute(survivor, "COMMIT");
        }
        JsonNode after = stats();
        assertEquals(6, after.get("committed").asLong() - before.get("committed").asLong(), after.toString());
        assertEquals(4, after.get("rolled_back").asLong() - before.get("rolled_back").asLong(), after.toString());
        assertEquals(1, after.get("deadlocks_total").asLong() - before.get("deadlocks_total").asLong(),
                after.toString());
        assertEquals(after.get("committed").asLong() + after.get("rolled_back").asLong(),
                after.get("total_transactions").asLong());
        assertTrue(after.get("avg_transaction_time_ms").asDouble() > 0, after.toString());
        assertEquals(1.0, after.get("long_running_threshold_seconds").asDouble());

        // the counter behind rustydb_deadlocks_total moved with it
        Scrape scrape = Scrape.until(server, "the deadlock counter", s -> s.get("rustydb_deadlocks_total")
                == after.get("deadlocks_total").asLong());
        assertEquals(after.get("deadlocks_total").asLong(), (long) scrape.get("rustydb_deadlocks_total"));
    }

    @Test
    void exactCountsWithoutObservers() throws Exception {
        JsonNode before = stats();
        try (Connection w = server.connect()) {
            for (int i = 0; i < 4; i++) {
                execute(w, "UPDATE acct SET v = v + 1 WHERE id = 2"); // 4 commits
            }
            execute(w, "BEGIN");
            execute(w, "UPDATE acct SET v = v + 1 WHERE id = 2");
            execute(w, "UPDATE acct SET v = v + 1 WHERE id = 2");
            execute(w, "COMMIT"); // 1 commit
            for (int i = 0; i < 3; i++) {
                execute(w, "BEGIN");
                execute(w, "UPDATE acct SET v = v + 1 WHERE id = 2");
                execute(w, "ROLLBACK"); // 3 rollbacks
            }
            execute(w, "BEGIN");
            Sql.assertSqlState("22012", w, "UPDATE acct SET v = 1 / 0 WHERE id = 2");
            execute(w, "COMMIT"); // a failed block: 1 rollback
        }
        JsonNode after = stats();
        assertEquals(5, after.get("committed").asLong() - before.get("committed").asLong(), after.toString());
        assertEquals(4, after.get("rolled_back").asLong() - before.get("rolled_back").asLong(), after.toString());
        assertEquals(9, after.get("total_transactions").asLong() - before.get("total_transactions").asLong());
        assertEquals(before.get("deadlocks_total").asLong(), after.get("deadlocks_total").asLong());
    }

    @Test
    void aLongRunningTransactionIsListedWithTheLocksItHolds() throws Exception {
        try (Connection c = server.connect()) {
            Instant begun = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            execute(c, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            execute(c, "UPDATE acct SET v = v + 1 WHERE id IN (1, 2, 3)");
            JsonNode young = find(stats().get("long_running_transactions"), pid(c));
            assertTrue(young == null || Duration.between(begun, Instant.now()).toMillis() >= 1000,
                    "listed before the threshold: " + young);
            Thread.sleep(1200);
            JsonNode stats = stats();
            assertEquals(1, stats.get("active_transactions").asLong(), stats.toString());
            JsonNode txn = find(stats.get("long_running_transactions"), pid(c));
            assertNotNull(txn, stats.toString());
            assertTrue(txn.get("transaction_id").asText().matches("txn_\\d+"), txn.toString());
            assertEquals("REPEATABLE READ", txn.get("isolation_level").asText());
            assertEquals(3, txn.get("locks_held").asLong(), "three rows updated: three row locks");
            assertTrue(txn.get("duration_seconds").asDouble() >= 1.0, txn.toString());
            Instant start = Instant.parse(txn.get("start_time").asText());
            assertFalse(start.isBefore(begun), start + " before " + begun);
            assertFalse(start.isAfter(Instant.now()), start.toString());

            execute(c, "SELECT * FROM acct WHERE id = 4 FOR UPDATE");
            JsonNode more = find(stats().get("long_running_transactions"), pid(c));
            assertEquals(4, more.get("locks_held").asLong(), more.toString());
            assertEquals(txn.get("transaction_id").asText(), more.get("transaction_id").asText());
            execute(c, "ROLLBACK");
            assertEquals(null, find(stats().get("long_running_transactions"), pid(c)));
        }
    }

    @Test
    void pgCancelBackendStopsAnotherSessionsQuery() throws Exception {
        try (Connection runner = server.connect("socketTimeout=60"); Connection other = server.connect()) {
            int runnerId = pid(runner);
            CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return queryLong(runner, "SELECT count(*) FROM big a, big b, big c WHERE a.id + b.id + c.id >= 0");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRows(other, "SELECT state FROM v$session WHERE session_id = " + runnerId + " AND current_query LIKE"
                    + " '%big a%'", r -> r.equals(List.of("ACTIVE")));
            try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT pg_cancel_backend(" + runnerId + "), pg_cancel_backend(999999),"
                    + " pg_cancel_backend(CAST(NULL AS INTEGER))")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1));
                assertFalse(rs.getBoolean(2));
                rs.getBoolean(3);
                assertTrue(rs.wasNull());
                SQLWarning warning = s.getWarnings();
                assertNotNull(warning, "no WARNING for an unknown pid");
                assertEquals("PID 999999 is not a PostgreSQL backend process", warning.getMessage());
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> slow.get(30, TimeUnit.SECONDS));
            SQLException cause = assertInstanceOf(SQLException.class, e.getCause().getCause());
            assertEquals("57014", cause.getSQLState(), cause.getMessage());
            assertEquals(1, queryLong(runner, "SELECT 1"), "the cancelled session goes on");
            assertEquals(List.of("f"), rows(other, "SELECT pg_terminate_backend(999999)"));
        }
    }

    @Test
    void transactionStatisticsNeedAToken() {
        api.get("/api/v1/stats/transactions", null).error(401, "UNAUTHORIZED");
        JsonNode data = stats();
        for (String field : List.of("active_transactions", "total_transactions", "committed", "rolled_back",
                "avg_transaction_time_ms", "deadlocks_total", "long_running_transactions")) {
            assertTrue(data.has(field), field + " in " + data);
        }
    }

    private static void awaitBlocked(int waiter, int holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/v1/sessions/" + waiter, admin).ok(200).data();
            if (last.get("blocking_session").asInt() == holder) {
                return;
            }
            Thread.sleep(20);
        }
        fail("session " + waiter + " never waited for " + holder + ": " + last);
    }

    private static JsonNode stats() {
        return api.get("/api/v1/stats/transactions", admin).ok(200).data();
    }

    private static JsonNode find(JsonNode transactions, int sessionId) {
        for (JsonNode t : transactions) {
            if (t.get("session_id").asInt() == sessionId) {
                return t;
            }
        }
        return null;
    }

    private static JsonNode check(String name) {
        for (JsonNode c : api.get("/api/v1/admin/health", admin).ok(200).data().get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        return fail("no check " + name);
    }

    private static JsonNode awaitCheck(String name, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = check(name);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        return fail("check " + name + " never matched: " + last);
    }

    private static List<String> awaitRows(Connection c, String sql, Predicate<List<String>> condition)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> last = null;
        while (System.nanoTime() < deadline) {
            last = rows(c, sql);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        return fail(sql + " never matched: " + last);
    }

    private static CompletableFuture<Integer> updateAsync(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private static int pid(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getBackendPID();
    }
}
