package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two pgjdbc sessions writing the same rows: READ COMMITTED waits, deadlocks, lock and statement timeouts. */
@ExtendWith(ServerLogOnFailure.class)
class ConcurrencyIT {
    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("concurrency", tmp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS acct");
            s.execute("CREATE TABLE acct (id INT PRIMARY KEY, v INT NOT NULL)");
            s.execute("INSERT INTO acct VALUES (1, 0), (2, 0)");
        }
    }

    private static CompletableFuture<Integer> updateAsync(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
            }
        });
    }

    private static String sqlState(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
            return "no error";
        } catch (ExecutionException e) {
            return ((SQLException) e.getCause().getCause()).getSQLState();
        } catch (java.util.concurrent.TimeoutException e) {
            fail("statement did not finish within 10 s");
            return null;
        }
    }

    @Test
    void secondWriterWaitsThenUpdatesTheCommittedVersion() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            a.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE acct SET v = v + 1 WHERE id = 1"));
            }
            CompletableFuture<Integer> second = updateAsync(b, "UPDATE acct SET v = v + 10 WHERE id = 1");
            Thread.sleep(500);
            assertFalse(second.isDone(), "the second writer must wait for the first");
            a.commit();
            assertEquals(1, second.get(10, TimeUnit.SECONDS));
            try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM acct WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals(11, rs.getInt(1), "no update may be lost");
            }
        }
    }

    @Test
    void deadlockRollsBackOneVictimWith40P01() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                sa.executeUpdate("UPDATE acct SET v = 1 WHERE id = 1");
                sb.executeUpdate("UPDATE acct SET v = 2 WHERE id = 2");
            }
            long start = System.nanoTime();
            CompletableFuture<Integer> fromA = updateAsync(a, "UPDATE acct SET v = 1 WHERE id = 2");
            Thread.sleep(200);
            CompletableFuture<Integer> fromB = updateAsync(b, "UPDATE acct SET v = 2 WHERE id = 1");
            String stateA = sqlState(fromA);
            String stateB = sqlState(fromB);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(stateA.equals("40P01") ^ stateB.equals("40P01"),
                    "exactly one victim, got A=" + stateA + " B=" + stateB);
            assertTrue(millis < 3000, "deadlock resolved after " + millis + " ms");
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void lockTimeoutAndStatementTimeoutEndALockWait() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            a.setAutoCommit(false);
            try (Statement s = a.createStatement()) {
                s.executeUpdate("UPDATE acct SET v = 5 WHERE id = 1");
            }
            try (Statement s = b.createStatement()) {
                s.execute("SET lock_timeout = '200ms'");
            }
            assertEquals("55P03", sqlState(updateAsync(b, "UPDATE acct SET v = 6 WHERE id = 1")));
            try (Statement s = b.createStatement()) {
                s.execute("SET lock_timeout = 0");
                s.execute("SET statement_timeout = '300ms'");
            }
            long start = System.nanoTime();
            assertEquals("57014", sqlState(updateAsync(b, "UPDATE acct SET v = 7 WHERE id = 1")));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
            a.rollback();
            try (Statement s = b.createStatement()) {
                s.execute("SET statement_timeout = 0");
                assertEquals(1, s.executeUpdate("UPDATE acct SET v = 8 WHERE id = 1"), "usable after the timeouts");
            }
        }
    }
}
