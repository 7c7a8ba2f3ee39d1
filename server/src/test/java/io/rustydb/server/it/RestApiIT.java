package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The REST API of a real node over real HTTP (java.net.http) next to real pgjdbc sessions: every
 * endpoint's documented shape, 401 / 403 / 404 / 405 / 409 / 400 in the error envelope, the
 * health checks moving with the workload, and ending a session through the API or SQL.
 */
@ExtendWith(ServerLogOnFailure.class)
class RestApiIT {
    private static final int MAX_CONNECTIONS = 20;

    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("rest-api", tmp.resolve("data"),
                "rustydb.server.max_connections=" + MAX_CONNECTIONS,
                "rustydb.health_checks.connection_pool.warning_threshold_percent=10",
                "rustydb.health_checks.connection_pool.critical_threshold_percent=25");
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void bootstrapAdministratorPasswordIsGeneratedOnceIntoTheDataDirectory() throws Exception {
        Path secret = server.adminPasswordFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        String password = server.adminPassword();
        assertTrue(password.length() >= 32);
        String log = Files.readString(server.log(), StandardCharsets.UTF_8);
        assertEquals(1, count(log, password), "printed once on the console");
        api.post("/api/v1/auth/login", Api.json("username", "rustydb", "password", password + "x"), null)
                .error(401, "INVALID_CREDENTIALS");
        JsonNode users = api.get("/api/v1/admin/users", admin).ok(200).data();
        JsonNode rustydb = find(users, "username", "rustydb");
        assertTrue(rustydb.get("admin").asBoolean());
        assertFalse(users.toString().contains(password), "passwords are never returned");
    }

    @Test
    void loginReturnsAnExpiringTokenAndLogoutRevokesIt() {
        Api.Reply login = api.post("/api/v1/auth/login",
                Api.json("username", "rustydb", "password", server.adminPassword()), null).ok(200);
        assertTrue(login.json().get("success").asBoolean());
        JsonNode data = login.data();
        assertEquals(Set.of("token", "expires_at"), names(data));
        String token = data.get("token").asText();
        assertTrue(token.length() >= 43, token);
        Instant expires = Instant.parse(data.get("expires_at").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(59))), expires.toString());
        assertTrue(expires.isBefore(Instant.now().plus(Duration.ofMinutes(61))), expires.toString());

        api.get("/api/v1/sessions", token).ok(200);
        Api.Reply logout = api.post("/api/v1/auth/logout", null, token).ok(200);
        assertTrue(logout.data().get("revoked").asBoolean());
        api.get("/api/v1/sessions", token).error(401, "INVALID_TOKEN");
        api.post("/api/v1/auth/logout", null, token).error(401, "INVALID_TOKEN");
    }

    @Test
    void everyProtectedEndpointNeedsALiveToken() {
        String[][] endpoints = {
            {"GET", "/api/v1/sessions"}, {"GET", "/api/v1/sessions/1000"}, {"GET", "/api/v1/connections"},
            {"DELETE", "/api/v1/connections/1000"}, {"GET", "/api/v1/admin/health"}, {"GET", "/api/v1/admin/users"},
            {"POST", "/api/v1/admin/users"}, {"DELETE", "/api/v1/admin/users/nobody"}, {"POST", "/api/v1/auth/logout"},
        };
        for (String[] e : endpoints) {
            Api.Reply missing = api.send(e[0], e[1], null, null).error(401, "UNAUTHORIZED");
            assertTrue(missing.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    e[0] + " " + e[1]);
            api.send(e[0], e[1], null, "not-a-token").error(401, "INVALID_TOKEN");
            api.sendRaw(HttpRequest.newBuilder(URI.create(server.apiUrl(e[1])))
                    .method(e[0], HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Basic cnVzdHlkYjpwdw==").build()).error(401, "INVALID_TOKEN");
        }
        api.get("/api/v1/health/live", null).ok(200);
        api.get("/api/v1/health/ready", null).ok(200);
    }

    @Test
    void nonAdministratorsAreForbiddenAdminEndpoints() {
        Api.Reply created = api.post("/api/v1/admin/users",
                Api.json("username", "reader", "password", "reader-pw", "admin", false), admin).ok(201);
        assertEquals("reader", created.data().get("username").asText());
        assertFalse(created.data().get("admin").asBoolean());
        assertNotNull(Instant.parse(created.data().get("created_at").asText()));
        api.post("/api/v1/admin/users", Api.json("username", "reader", "password", "other"), admin)
                .error(409, "USER_EXISTS");
        api.post("/api/v1/admin/users", Api.json("username", "x", "password", "y", "admin", "yes"), admin)
                .error(400, "INVALID_PARAMETER");

        String reader = api.login("reader", "reader-pw");
        api.get("/api/v1/sessions", reader).ok(200);
        api.get("/api/v1/connections", reader).ok(200);
        api.get("/api/v1/admin/health", reader).error(403, "FORBIDDEN");
        api.get("/api/v1/admin/users", reader).error(403, "FORBIDDEN");
        api.post("/api/v1/admin/users", Api.json("username", "evil", "password", "pw", "admin", true), reader)
                .error(403, "FORBIDDEN");
        api.delete("/api/v1/connections/1000", reader).error(403, "FORBIDDEN");

        Api.Reply dropped = api.delete("/api/v1/admin/users/reader", admin).ok(200);
        assertTrue(dropped.data().get("dropped").asBoolean());
        api.get("/api/v1/sessions", reader).error(401, "INVALID_TOKEN");
        api.delete("/api/v1/admin/users/reader", admin).error(404, "USER_NOT_FOUND");
        api.post("/api/v1/auth/login", Api.json("username", "reader", "password", "reader-pw"), null)
                .error(401, "INVALID_CREDENTIALS");
    }

    @Test
    void unknownRoutesIdsMethodsAndBadBodies() {
        api.get("/api/v1/no-such-endpoint", admin).error(404, "NOT_FOUND");
        api.get("/nothing/here", null).error(404, "NOT_FOUND");
        api.get("/api/v1/sessions/999999", admin).error(404, "SESSION_NOT_FOUND");
        api.get("/api/v1/sessions/session_999999", admin).error(404, "SESSION_NOT_FOUND");
        api.delete("/api/v1/connections/999999", admin).error(404, "SESSION_NOT_FOUND");
        api.delete("/api/v1/connections/not-a-number", admin).error(400, "BAD_REQUEST");
        Api.Reply wrongMethod = api.send("PUT", "/api/v1/sessions", null, admin).error(405, "METHOD_NOT_ALLOWED");
        assertEquals("GET", wrongMethod.raw().headers().firstValue("Allow").orElse(""));
        api.get("/api/v1/auth/login", null).error(405, "METHOD_NOT_ALLOWED");
        api.post("/api/v1/auth/login", "{\"username\": \"rustydb\", \"password\": ", null).error(400, "INVALID_JSON");
        api.post("/api/v1/auth/login", "not json at all", null).error(400, "INVALID_JSON");
        api.post("/api/v1/auth/login", Api.json("username", "rustydb"), null).error(400, "INVALID_PARAMETER");
        api.post("/api/v1/admin/users", "{\"username\": ", admin).error(400, "INVALID_JSON");
    }

    @Test
    void probesAnswerInTheGuidesShape() {
        JsonNode live = api.get("/api/v1/health/live", null).ok(200).json();
        assertEquals("alive", live.get("status").asText());
        assertNotNull(Instant.parse(live.get("timestamp").asText()));
        JsonNode ready = api.get("/api/v1/health/ready", null).ok(200).json();
        assertEquals("ready", ready.get("status").asText());
        assertTrue(ready.get("checks").get("database").asBoolean());
        assertTrue(ready.get("checks").get("connections_available").asBoolean());
        assertNotNull(Instant.parse(ready.get("timestamp").asText()));
    }

    @Test
    void adminHealthMeasuresTheNodeAndMovesWithConnections() throws Exception {
        // connections closed by earlier tests end asynchronously; this test counts from none
        awaitConnections(0);
        int before = 0;
        JsonNode health = api.get("/api/v1/admin/health", admin).ok(200).data();
        assertNotNull(Instant.parse(health.get("timestamp").asText()));
        JsonNode components = health.get("components");
        JsonNode database = components.get("database");
        assertEquals("UP", database.get("status").asText());
        assertTrue(database.get("uptime_sec").asLong() >= 0);
        assertTrue(database.get("version").isTextual());
        JsonNode storage = components.get("storage");
        double disk = storage.get("disk_usage_percent").asDouble();
        assertTrue(disk > 0 && disk <= 100, storage.toString());
        JsonNode hitRatio = storage.get("buffer_pool_hit_ratio");
        assertTrue(hitRatio.isNull() || hitRatio.asDouble() >= 0 && hitRatio.asDouble() <= 1, storage.toString());
        assertEquals(MAX_CONNECTIONS, components.get("connections").get("max").asInt());
        assertEquals(before, components.get("connections").get("active").asInt());
        assertTrue(components.get("transactions").get("active").asInt() >= 0);
        assertWorstCheckIsTheStatus(health);

        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5 - before; i++) {
                open.add(server.connect());
            }
            // 5 of 20 = 25%: at the configured critical threshold
            JsonNode busy = api.get("/api/v1/admin/health", admin).ok(200).data();
            JsonNode pool = find(busy.get("checks"), "name", "connection_pool");
            assertEquals(25.0, pool.get("value").asDouble(), 1e-9, pool.toString());
            assertEquals("CRITICAL", pool.get("status").asText(), pool.toString());
            assertEquals(10.0, pool.get("warning_threshold").asDouble());
            assertEquals(25.0, pool.get("critical_threshold").asDouble());
            assertEquals("percent", pool.get("unit").asText());
            assertEquals("5/20 connections in use", pool.get("message").asText());
            assertEquals("CRITICAL", busy.get("status").asText());
            assertEquals("DOWN", busy.get("components").get("connections").get("status").asText());
            assertEquals(5, busy.get("components").get("connections").get("active").asInt());
            assertEquals(25.0, busy.get("components").get("connections").get("utilization_percent").asDouble());
            assertWorstCheckIsTheStatus(busy);

            try (Statement s = open.get(0).createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT component, status, measured_value, warning_threshold, critical_threshold, message, details,"
                    + " last_check_time FROM v$health_check WHERE component = 'connection_pool'")) {
                assertTrue(rs.next());
                assertEquals("CRITICAL", rs.getString("status"));
                assertEquals(25.0, rs.getDouble("measured_value"), 1e-9);
                assertEquals(10.0, rs.getDouble("warning_threshold"));
                assertEquals(25.0, rs.getDouble("critical_threshold"));
                assertEquals("5/20 connections in use", rs.getString("message"));
                JsonNode details = Api.JSON.readTree(rs.getString("details"));
                assertEquals(5, details.get("active").asInt());
                assertNotNull(rs.getTimestamp("last_check_time"));
                assertFalse(rs.next());
            }
            try (Statement s = open.get(0).createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT component FROM v$health_check ORDER BY component")) {
                List<String> components2 = new ArrayList<>();
                while (rs.next()) {
                    components2.add(rs.getString(1));
                }
                assertEquals(List.of("buffer_pool", "connection_pool", "database", "disk_space", "lock_contention",
                        "memory"), components2);
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
        awaitConnections(before);
        JsonNode calm = api.get("/api/v1/admin/health", admin).ok(200).data();
        assertEquals(100.0 * before / MAX_CONNECTIONS,
                find(calm.get("checks"), "name", "connection_pool").get("value").asDouble(), 1e-9);
    }

    @Test
    void sessionsShowWhatEachSessionIsDoing() throws Exception {
        try (Connection holder = server.connect("ApplicationName=holder");
                Connection waiter = server.connect("ApplicationName=waiter");
                Statement setup = holder.createStatement()) {
            setup.execute("DROP TABLE IF EXISTS api_locks");
            setup.execute("CREATE TABLE api_locks (id INT PRIMARY KEY, v INT)");
            setup.execute("INSERT INTO api_locks VALUES (1, 0)");
            holder.setAutoCommit(false);
            setup.executeUpdate("UPDATE api_locks SET v = 1 WHERE id = 1");
            int holderId = ((PGConnection) holder).getBackendPID();
            int waiterId = ((PGConnection) waiter).getBackendPID();
            String blocked = "UPDATE api_locks SET v = 2 WHERE id = 1";
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try (Statement s = waiter.createStatement()) {
                    return s.executeUpdate(blocked);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode waiterSession = awaitSession(waiterId, "ACTIVE");
            assertEquals(blocked, waiterSession.get("current_query").asText());
            assertTrue(waiterSession.get("sql_id").isTextual());
            assertEquals("waiter", waiterSession.get("application_name").asText());
            assertEquals(RustyDbProcess.USER, waiterSession.get("user_name").asText());
            assertEquals(RustyDbProcess.DATABASE, waiterSession.get("database").asText());
            assertEquals("127.0.0.1", waiterSession.get("client_address").asText());
            Instant queryStart = Instant.parse(waiterSession.get("query_start").asText());
            assertEquals(queryStart, Instant.parse(waiterSession.get("transaction_start").asText()),
                    "an autocommit statement's transaction starts with it");
            assertTrue(Instant.parse(waiterSession.get("connected_at").asText()).compareTo(queryStart) <= 0);

            JsonNode holderSession = api.get("/api/v1/sessions/" + holderId, admin).ok(200).data();
            assertEquals("IDLE_IN_TRANSACTION", holderSession.get("state").asText());
            assertEquals("UPDATE api_locks SET v = 1 WHERE id = 1", holderSession.get("current_query").asText());
            assertFalse(holderSession.get("transaction_start").isNull());
            assertEquals(holderId, api.get("/api/v1/sessions/session_" + holderId, admin).ok(200).data()
                    .get("session_id").asInt());
            assertEquals(Set.of("session_id", "user_name", "database", "application_name", "client_address", "state",
                    "sql_id", "current_query", "connected_at", "query_start", "transaction_start", "state_change",
                    "blocking_session", "wait_class", "wait_event", "wait_time_ms", "sql_plan_hash_value",
                    "current_object", "tablespace", "cpu_time_ms", "db_time_ms"), names(holderSession));
            assertTrue(holderSession.get("blocking_session").isNull(), holderSession.toString());
            // idle in transaction: waiting for its client's next statement, on no object
            assertEquals("Idle", holderSession.get("wait_class").asText(), holderSession.toString());
            assertEquals("sql_net_message_from_client", holderSession.get("wait_event").asText());
            assertTrue(holderSession.get("current_object").isNull(), holderSession.toString());
            assertTrue(holderSession.get("sql_plan_hash_value").asLong() > 0, holderSession.toString());
            assertTrue(holderSession.get("db_time_ms").asDouble() > 0, holderSession.toString());
            JsonNode blockedWaiter = awaitWait(waiterId, "enq_tx_row_lock_contention");
            assertEquals("Application", blockedWaiter.get("wait_class").asText(), blockedWaiter.toString());
            assertEquals(holderId, blockedWaiter.get("blocking_session").asInt(), blockedWaiter.toString());
            assertEquals("api_locks", blockedWaiter.get("current_object").asText(), blockedWaiter.toString());
            assertEquals("USERS", blockedWaiter.get("tablespace").asText(), blockedWaiter.toString());

            JsonNode connections = api.get("/api/v1/connections", admin).ok(200).data();
            assertTrue(connections.isArray());
            JsonNode holderConnection = find(connections, "session_id", holderId);
            assertEquals("holder", holderConnection.get("application_name").asText());
            assertEquals(Set.of("session_id", "user_name", "database", "application_name", "client_address", "state",
                    "connected_at"), names(holderConnection));

            holder.commit();
            assertEquals(1, waiting.get(30, TimeUnit.SECONDS));
            assertEquals("IDLE", awaitSession(waiterId, "IDLE").get("state").asText());
        }
    }

    @Test
    void deletingAConnectionEndsItAndRollsBackItsTransaction() throws Exception {
        try (Connection other = server.connect(); Statement s = other.createStatement()) {
            s.execute("DROP TABLE IF EXISTS api_kill");
            s.execute("CREATE TABLE api_kill (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO api_kill VALUES (1, 0)");
        }
        Connection victim = server.connect("ApplicationName=victim");
        int victimId = ((PGConnection) victim).getBackendPID();
        victim.setAutoCommit(false);
        try (Statement s = victim.createStatement()) {
            s.executeUpdate("INSERT INTO api_kill VALUES (42, 42)");
            s.executeUpdate("UPDATE api_kill SET v = 1 WHERE id = 1");
        }
        try (Connection waiter = server.connect(); Statement w = waiter.createStatement()) {
            // a session blocked by the victim's row lock goes on once the victim is gone
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.executeUpdate("UPDATE api_kill SET v = v + 10 WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(blocked.isDone(), "the waiter waits for the victim's row lock");

            Api.Reply killed = api.delete("/api/v1/connections/session_" + victimId, admin).ok(200);
            assertEquals(victimId, killed.data().get("session_id").asInt());
            assertEquals("terminated", killed.data().get("status").asText());
            assertEquals(1, blocked.get(30, TimeUnit.SECONDS));

            assertTerminatedByAdministrator(assertVictimTerminated(victim));
            try (ResultSet rs = w.executeQuery("SELECT count(*) FROM api_kill WHERE id = 42")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the victim's uncommitted insert was rolled back");
            }
            try (ResultSet rs = w.executeQuery("SELECT v FROM api_kill WHERE id = 1")) {
                rs.next();
                assertEquals(10, rs.getInt(1), "the victim's update was rolled back, the waiter's applied");
            }
        } finally {
            victim.close();
        }
        api.get("/api/v1/sessions/" + victimId, admin).error(404, "SESSION_NOT_FOUND");
        api.delete("/api/v1/connections/" + victimId, admin).error(404, "SESSION_NOT_FOUND");
    }

    @Test
    void alterSystemKillSessionEndsAnotherSession() throws Exception {
        try (Connection dba = server.connect(); Statement s = dba.createStatement()) {
            s.execute("DROP TABLE IF EXISTS sql_kill");
            s.execute("CREATE TABLE sql_kill (id INT PRIMARY KEY)");
            Connection victim = server.connect();
            int victimId = ((PGConnection) victim).getBackendPID();
            victim.setAutoCommit(false);
            try (Statement v = victim.createStatement()) {
                v.executeUpdate("INSERT INTO sql_kill VALUES (7)");
            }
            s.execute("ALTER SYSTEM KILL SESSION '" + victimId + "'");
            // the statement returns once the session was told to end; its client finds out on its next
            // statement, which must not reach the server before the connection is closed (else the
            // close resets the connection and the client may see only 08006, as with PostgreSQL)
            awaitGone(victimId);
            assertTerminatedByAdministrator(assertVictimTerminated(victim));
            victim.close();
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sql_kill")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            int self = ((PGConnection) dba).getBackendPID();
            assertEquals("55000", sqlState(s, "ALTER SYSTEM KILL SESSION '" + self + "'"));
            assertEquals("42704", sqlState(s, "ALTER SYSTEM KILL SESSION '" + victimId + "'"));
            assertEquals("0A000", sqlState(s, "ALTER SYSTEM KILL SESSION '" + victimId + ",1'"));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the killing session stays usable");
            }
        }
    }

    private static String sqlState(Statement s, String sql) {
        try {
            s.execute(sql);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /** The next statement on a terminated connection fails with the FATAL error; the connection is closed. */
    /**
     * The server sends FATAL 57P01 and closes the socket. The client's next statement reads that
     * FATAL, unless its write reached the closed socket first and the reset discarded the unread
     * FATAL: then it sees only the broken connection (08006), as PostgreSQL's clients can.
     */
    private static void assertTerminatedByAdministrator(SQLException error) {
        if ("57P01".equals(error.getSQLState())) {
            assertTrue(error.getMessage().contains("terminating connection due to administrator command"),
                    error.getMessage());
        } else {
            assertEquals("08006", error.getSQLState(), error.toString());
        }
    }

    private static SQLException assertVictimTerminated(Connection victim) throws SQLException {
        SQLException error = null;
        try (Statement s = victim.createStatement()) {
            s.executeQuery("SELECT 1");
            fail("a terminated connection still runs statements");
        } catch (SQLException e) {
            error = e;
        }
        assertTrue(victim.isClosed() || !victim.isValid(2), "the connection is gone");
        return error;
    }

    private static JsonNode awaitSession(int sessionId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode session = null;
        while (System.nanoTime() < deadline) {
            session = api.get("/api/v1/sessions/" + sessionId, admin).ok(200).data();
            if (session.get("state").asText().equals(state)) {
                return session;
            }
            Thread.sleep(50);
        }
        return fail("session " + sessionId + " did not become " + state + ": " + session);
    }

    private static JsonNode awaitWait(int sessionId, String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode session = null;
        while (System.nanoTime() < deadline) {
            session = api.get("/api/v1/sessions/" + sessionId, admin).ok(200).data();
            if (session.get("wait_event").asText().equals(event)) {
                return session;
            }
            Thread.sleep(50);
        }
        return fail("session " + sessionId + " did not wait on " + event + ": " + session);
    }

    private static void awaitGone(int sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (api.get("/api/v1/sessions/" + sessionId, admin).status() == 404) {
                return;
            }
            Thread.sleep(50);
        }
        fail("session " + sessionId + " did not end");
    }

    private static void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (api.get("/api/v1/connections", admin).ok(200).data().size() == count) {
                return;
            }
            Thread.sleep(50);
        }
        fail("connections did not drop to " + count);
    }

    private static void assertWorstCheckIsTheStatus(JsonNode health) {
        List<String> order = List.of("HEALTHY", "DEGRADED", "UNHEALTHY", "CRITICAL");
        int worst = 0;
        Set<String> names = new HashSet<>();
        for (JsonNode check : health.get("checks")) {
            names.add(check.get("name").asText());
            assertTrue(check.has("value") && check.has("warning_threshold") && check.has("critical_threshold")
                    && check.get("message").isTextual() && check.get("details").isObject(), check.toString());
            int grade = order.indexOf(check.get("status").asText());
            assertTrue(grade >= 0, check.toString());
            worst = Math.max(worst, grade);
        }
        assertEquals(Set.of("database", "connection_pool", "memory", "disk_space", "buffer_pool", "lock_contention"),
                names);
        assertEquals(order.get(worst), health.get("status").asText());
    }

    private static JsonNode find(JsonNode array, String field, Object value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(String.valueOf(value))) {
                return node;
            }
        }
        return fail("no element with " + field + " = " + value + " in " + array);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
