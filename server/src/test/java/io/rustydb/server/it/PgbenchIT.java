package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgbench, unmodified: initialization (COPY, VACUUM, primary keys), then the built-in select-only
 * and TPC-B-like scripts in every protocol mode without a failed transaction, and TPC-B's
 * invariant afterwards; and the same load cut by SIGKILL, after which every transaction pgbench
 * counted is still there and the invariant still holds.
 */
@ExtendWith(ServerLogOnFailure.class)
class PgbenchIT {
    @TempDir
    Path tmp;

    @Test
    void initSelectOnlyAndTpcbInEveryProtocolMode() throws Exception {
        Pgbench pgbench = Pgbench.find(tmp);
        try (RustyDbProcess server = RustyDbProcess.start("pgbench", tmp.resolve("data"))) {
            Pgbench.Run init = pgbench.run(server, "-i", "-s", "1");
            assertEquals(0, init.exit(), init.output());
            long transactions = 0;
            for (String mode : new String[] {"simple", "extended", "prepared"}) {
                assertClean(pgbench.run(server, "-n", "-S", "-M", mode, "-c", "4", "-j", "2", "-T", "3"));
                Pgbench.Run tpcb = pgbench.run(server, "-n", "-M", mode, "-c", "4", "-j", "2", "-T", "3");
                assertClean(tpcb);
                transactions += tpcb.processed();
            }
            try (Connection c = server.connect()) {
                assertEquals(transactions, Pgbench.assertBalanced(c));
            }
            server.stop();
        }
    }

    private static void assertClean(Pgbench.Run run) {
        assertEquals(0, run.exit(), run.output());
        assertEquals(0, run.failed(), run.output());
        assertTrue(run.processed() > 0, run.output());
    }

    @Test
    void sigkillDuringTpcbLosesNoCountedTransaction() throws Exception {
        // the kill comes once the load is really running (a fixed sleep is too short on a busy machine)
        Pgbench pgbench = Pgbench.find(tmp);
        try (RustyDbProcess server = RustyDbProcess.start("pgbench-crash", tmp.resolve("data"),
                "rustydb.wal.sync_mode=local")) {
            assertEquals(0, pgbench.run(server, "-i", "-s", "1").exit());
            Process load = pgbench.start(server, "-n", "-M", "prepared", "-c", "4", "-j", "2", "-T", "60");
            awaitCommittedTransactions(server, 200);
            server.kill9();
            Pgbench.Run cut = pgbench.await(load, 60);
            long counted = cut.processed();
            assertTrue(counted > 0, "pgbench counted no transaction before the kill:\n" + cut.output());
            server.restart();
            try (Connection c = server.connect()) {
                long history = Pgbench.assertBalanced(c);
                // each TPC-B transaction writes one history row; a commit in flight at the kill may
                // be durable without pgbench having seen its acknowledgement
                assertTrue(history >= counted, "history " + history + " < counted " + counted + "\n" + cut.output());
                assertTrue(history <= counted + 4, "history " + history + " > counted + clients " + counted);
            }
            server.stop();
        }
    }

    /** Waits (at most a minute) until pgbench_history has {@code rows} rows, i.e. TPC-B transactions committed. */
    private static void awaitCommittedTransactions(RustyDbProcess server, long rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pgbench_history")) {
                    r.next();
                    if (r.getLong(1) >= rows) {
                        return;
                    }
                }
                RustyDbProcess.sleep(100);
            }
        }
        throw new AssertionError("pgbench committed fewer than " + rows + " transactions within a minute");
    }
}
