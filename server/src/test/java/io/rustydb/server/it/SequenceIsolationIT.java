package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** pgjdbc against a real server: getGeneratedKeys with SERIAL, REPEATABLE READ and SERIALIZABLE sessions. */
@ExtendWith(ServerLogOnFailure.class)
class SequenceIsolationIT {
    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("seqiso", tmp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static int intValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void generatedKeysOfASerialColumn() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gk (id SERIAL PRIMARY KEY, name TEXT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gk (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String name : new String[] {"a", "b", "c"}) {
                    ps.setString(1, name);
                    assertEquals(1, ps.executeUpdate());
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        assertTrue(keys.next());
                        assertEquals(name, keys.getString("name"));
                        assertEquals(name.charAt(0) - 'a' + 1, keys.getInt("id"));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gk (name) VALUES (?)", new String[] {"id"})) {
                ps.setString(1, "d");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(4, keys.getInt(1));
                }
            }
            assertEquals(4, intValue(c, "SELECT currval('gk_id_seq')"));
            s.execute("CREATE TABLE gi (id BIGINT GENERATED ALWAYS AS IDENTITY, v INT)");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO gi VALUES (5, 1)"));
            assertEquals("428C9", e.getSQLState());
            assertEquals(1, s.executeUpdate("INSERT INTO gi (v) VALUES (1)"));
        }
    }

    @Test
    void repeatableReadSeesItsSnapshotAndFailsOnConcurrentUpdate() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect(); Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sb.execute("CREATE TABLE rr (id INT PRIMARY KEY, v INT)");
            sb.execute("INSERT INTO rr VALUES (1, 0), (2, 0)");
            a.setAutoCommit(false);
            a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals(0, intValue(a, "SELECT v FROM rr WHERE id = 1"));
            assertEquals("repeatable read", stringValue(a, "SHOW transaction_isolation"));
            assertEquals(1, sb.executeUpdate("UPDATE rr SET v = 5 WHERE id = 1"));
            assertEquals(0, intValue(a, "SELECT v FROM rr WHERE id = 1"), "the snapshot stays");
            assertEquals(0, intValue(a, "SELECT sum(v) FROM rr"));
            SQLException e = assertThrows(SQLException.class, () -> sa.executeUpdate("UPDATE rr SET v = v + 1 WHERE id = 1"));
            assertEquals("40001", e.getSQLState());
            a.rollback();
            assertEquals(5, intValue(a, "SELECT v FROM rr WHERE id = 1"));
            a.commit();

            // A writer that waits for a concurrent one fails when that one commits.
            b.setAutoCommit(false);
            assertEquals(1, sb.executeUpdate("UPDATE rr SET v = 6 WHERE id = 2"));
            assertEquals(0, intValue(a, "SELECT v FROM rr WHERE id = 2"));
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                try (Statement s = a.createStatement()) {
                    s.executeUpdate("UPDATE rr SET v = 7 WHERE id = 2");
                    return "no error";
                } catch (SQLException ex) {
                    return ex.getSQLState();
                }
            });
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "the repeatable read writer waits for the row lock");
            b.commit();
            assertEquals("40001", waiting.get(10, TimeUnit.SECONDS));
            a.rollback();
        }
    }

    @Test
    void serializablePreventsWriteSkewOnRowsItRead() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect(); Statement setup = a.createStatement()) {
            setup.execute("CREATE TABLE oncall (doctor TEXT PRIMARY KEY, on_duty BOOLEAN)");
            setup.execute("INSERT INTO oncall VALUES ('alice', true), ('bob', true)");
            for (Connection c : new Connection[] {a, b}) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            assertEquals(2, intValue(a, "SELECT count(*) FROM oncall WHERE on_duty"));
            assertEquals(2, intValue(b, "SELECT count(*) FROM oncall WHERE on_duty"));
            CompletableFuture<String> first = update(a, "UPDATE oncall SET on_duty = false WHERE doctor = 'alice'");
            CompletableFuture<String> second = update(b, "UPDATE oncall SET on_duty = false WHERE doctor = 'bob'");
            String r1 = first.get(20, TimeUnit.SECONDS);
            String r2 = second.get(20, TimeUnit.SECONDS);
            // Each read the other's row: at most one of them may go on (the other gets 40001 or 40P01).
            boolean oneFailed = r1.matches("40001|40P01") || r2.matches("40001|40P01");
            assertTrue(oneFailed, "write skew was not prevented: " + r1 + " / " + r2);
            for (Connection c : new Connection[] {a, b}) {
                try {
                    c.commit();
                } catch (SQLException ignored) {
                    c.rollback();
                }
            }
            try (Connection c = server.connect()) {
                assertTrue(intValue(c, "SELECT count(*) FROM oncall WHERE on_duty") >= 1);
            }
        }
    }

    private static CompletableFuture<String> update(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
                return "ok";
            } catch (SQLException e) {
                return e.getSQLState();
            }
        });
    }

    private static String stringValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
