package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.SqlSession;
import io.rustydb.sql.admin.LockWaits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LockWaits}: which session waits for a row or table lock, held by which session. */
class LockWaitsTest {
    @TempDir
    Path dir;

    private static LockWaits.LockWait awaitWait(Supplier<Map<Integer, LockWaits.LockWait>> waits, int session)
            throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            LockWaits.LockWait w = waits.get().get(session);
            if (w != null) {
                return w;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("session " + session + " never waited: " + waits.get());
    }

    @Test
    void rowAndTableLockWaitsNameTheHoldingSession() throws Exception {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession a = h.session();
            SqlSession b = h.session();
            SqlSession c = h.session();
            SessionHarness.run(a, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
            SessionHarness.run(a, "INSERT INTO t VALUES (1, 0), (2, 0)");
            LockWaits waits = h.engine.lockWaits();
            assertEquals(Map.of(), waits.current());

            SessionHarness.run(a, "BEGIN");
            SessionHarness.run(a, "UPDATE t SET v = 1 WHERE id = 1");
            CompletableFuture<SessionHarness.Result> row = CompletableFuture.supplyAsync(
                    () -> SessionHarness.run(b, "UPDATE t SET v = 2 WHERE id = 1"));
            LockWaits.LockWait rowWait = awaitWait(waits::current, b.state().sessionId());
            assertEquals(LockWaits.ROW_LOCK, rowWait.event());
            assertEquals(List.of(a.state().sessionId()), rowWait.blockingSessions());
            assertEquals(a.state().sessionId(), rowWait.blockingSession());

            // c's TRUNCATE waits for the table lock a's UPDATE holds (and b's, once it runs)
            CompletableFuture<SessionHarness.Result> table = CompletableFuture.supplyAsync(
                    () -> SessionHarness.run(c, "TRUNCATE t"));
            LockWaits.LockWait tableWait = awaitWait(waits::current, c.state().sessionId());
            assertEquals(LockWaits.TABLE_LOCK, tableWait.event());
            assertTrue(tableWait.blockingSessions().contains(a.state().sessionId()), tableWait.toString());
            Thread.sleep(200);
            assertTrue(waits.current().get(c.state().sessionId()).waitMillis() >= 200, waits.current().toString());
            assertTrue(waits.current().get(b.state().sessionId()).waitMillis() >= 200, waits.current().toString());

            SessionHarness.run(a, "COMMIT");
            assertEquals("UPDATE 1", row.get(10, TimeUnit.SECONDS).tag());
            assertEquals("TRUNCATE TABLE", table.get(10, TimeUnit.SECONDS).tag());
            assertEquals(Map.of(), waits.current());
        }
    }
}
