package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY over the real protocol: pgjdbc's CopyManager and psql's \copy, in and out, text and CSV. */
@ExtendWith(ServerLogOnFailure.class)
class CopyIT {
    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("copy", tmp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void copyInAndOutRoundTripThroughPgjdbc() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name TEXT, price NUMERIC(8,2), added DATE)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder csv = new StringBuilder("id,name,price,added\n");
            for (int i = 1; i <= 20_000; i++) {
                csv.append(i).append(",\"item, no. ").append(i).append("\",").append(i % 100).append(".25,2024-01-")
                        .append(String.format("%02d", i % 28 + 1)).append('\n');
            }
            long loaded = copy.copyIn("COPY items FROM STDIN WITH (FORMAT csv, HEADER)", new StringReader(csv.toString()));
            assertEquals(20_000, loaded);
            StringWriter out = new StringWriter();
            long written = copy.copyOut("COPY (SELECT * FROM items ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)", out);
            assertEquals(20_000, written);
            assertEquals(csv.toString(), out.toString());
            SQLException bad = assertThrows(SQLException.class,
                    () -> copy.copyIn("COPY items FROM STDIN", new StringReader("20001\tx\tnot-a-number\t2024-01-01\n")));
            assertEquals("22P02", bad.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
                assertTrue(rs.next());
                assertEquals(20_000, rs.getLong(1), "the failed COPY added nothing");
            }
        }
    }

    @Test
    void psqlBackslashCopyBothWays() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)");
        }
        Path in = tmp.resolve("notes.txt");
        Files.writeString(in, "1\tfirst\n2\tsecond\\twith tab\n3\t\\N\n");
        Path out = tmp.resolve("notes-out.txt");
        Process psql = new ProcessBuilder("psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", RustyDbProcess.USER, "-d", RustyDbProcess.DATABASE,
                "-c", "\\copy notes from '" + in + "'", "-c", "\\copy notes to '" + out + "'")
                .redirectErrorStream(true).start();
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
        String output = new String(psql.getInputStream().readAllBytes());
        assertEquals(0, psql.exitValue(), output);
        assertTrue(output.contains("COPY 3"), output);
        assertEquals(Files.readString(in), Files.readString(out));
    }

    @Test
    void aLargeCopyInATransactionLoadsInBulkInvisiblyUntilCommit() throws Exception {
        int rows = 200_000;
        try (Connection loader = server.connect(); Connection other = server.connect();
                Statement s = loader.createStatement(); Statement o = other.createStatement()) {
            s.execute("CREATE TABLE big (id BIGINT PRIMARY KEY, code TEXT, qty INT)");
            s.execute("CREATE UNIQUE INDEX big_code ON big (code)");
            CopyManager copy = loader.unwrap(PGConnection.class).getCopyAPI();
            loader.setAutoCommit(false);
            assertEquals(rows, copy.copyIn("COPY big FROM STDIN", new RowSource(1, rows, Long.MAX_VALUE)));
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(qty) FROM big")) {
                assertTrue(rs.next());
                assertEquals(rows, rs.getLong(1));
                assertEquals(sumQty(1, rows), rs.getLong(2));
            }
            o.execute("SET lock_timeout = '300ms'");
            SQLException waited = assertThrows(SQLException.class, () -> o.executeQuery("SELECT count(*) FROM big"));
            assertEquals("55P03", waited.getSQLState(), "readers wait for the uncommitted load");
            // a duplicate further on fails the COPY and the whole load with it
            SQLException duplicate = assertThrows(SQLException.class, () -> copy.copyIn("COPY big FROM STDIN",
                    new StringReader((rows + 1) + "\tcode-" + (rows + 1) + "\t1\n" + rows + "\tcode-x\t2\n")));
            assertEquals("23505", duplicate.getSQLState());
            loader.rollback();
            o.execute("SET lock_timeout = 0");
            try (ResultSet rs = o.executeQuery("SELECT count(*) FROM big")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1), "the failed transaction left nothing");
            }
            assertEquals(rows, copy.copyIn("COPY big FROM STDIN", new RowSource(1, rows, Long.MAX_VALUE)));
            loader.commit();
            try (ResultSet rs = o.executeQuery("SELECT count(*), sum(qty) FROM big")) {
                assertTrue(rs.next());
                assertEquals(rows, rs.getLong(1));
                assertEquals(sumQty(1, rows), rs.getLong(2));
            }
            try (ResultSet rs = o.executeQuery("SELECT id FROM big WHERE code = 'code-123456'")) {
                assertTrue(rs.next(), "the unique index was loaded with the rows");
                assertEquals(123_456, rs.getLong(1));
            }
            SQLException unique = assertThrows(SQLException.class,
                    () -> o.executeUpdate("INSERT INTO big VALUES (" + (rows + 5) + ", 'code-7', 1)"));
            assertEquals("23505", unique.getSQLState());
        }
        assertTrue(Files.readString(server.log()).contains("COPY big: loading in bulk after 10000 rows"),
                "the load switched to the bulk path");
    }

    @Test
    void aCopyInterruptedByACrashLeavesNothingBehind() throws Exception {
        try (RustyDbProcess crashing = RustyDbProcess.start("copy-crash", tmp.resolve("crash-data"))) {
            try (Connection c = crashing.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE loaded (id BIGINT PRIMARY KEY, code TEXT, qty INT)");
            }
            int before = 1_500_000;
            RowSource source = new RowSource(1, Integer.MAX_VALUE, before);
            Thread copying = new Thread(() -> {
                try (Connection c = crashing.connect()) {
                    c.setAutoCommit(false);
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY loaded FROM STDIN", source);
                } catch (Exception expected) {
                    // the server is killed under it
                }
            });
            copying.setDaemon(true);
            copying.start();
            assertTrue(source.reached.await(120, TimeUnit.SECONDS), "the client sent " + before + " rows");
            Thread.sleep(2000);
            crashing.kill9();
            source.release();
            crashing.restart();
            try (Connection c = crashing.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM loaded")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getLong(1), "nothing of the uncommitted load is visible after the crash");
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                assertEquals(30_000, copy.copyIn("COPY loaded FROM STDIN", new RowSource(1, 30_000, Long.MAX_VALUE)));
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(qty) FROM loaded")) {
                    assertTrue(rs.next());
                    assertEquals(30_000, rs.getLong(1));
                    assertEquals(sumQty(1, 30_000), rs.getLong(2));
                }
            }
            String log = Files.readString(crashing.log());
            assertTrue(log.contains("loading in bulk"), "the load used the bulk path");
            assertTrue(log.contains("whose transaction did not commit before the node stopped"),
                    "the restart removed the load's keys");
        }
    }

    /** qty of row i is i % 1000. */
    private static long sumQty(long from, long to) {
        long sum = 0;
        for (long i = from; i <= to; i++) {
            sum += i % 1000;
        }
        return sum;
    }

    /**
     * COPY text rows {@code id, code-id, id % 1000} for ids {@code from..to}, generated as the
     * driver reads them; after {@code pauseAfter} rows it signals {@link #reached} and blocks
     * until {@link #release()}.
     */
    static final class RowSource extends java.io.Reader {
        final java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        private final long to;
        private final long pauseAfter;
        private long next;
        private long sent;
        private String line = "";
        private int pos;

        RowSource(long from, long to, long pauseAfter) {
            this.next = from;
            this.to = to;
            this.pauseAfter = pauseAfter;
        }

        void release() {
            released.countDown();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            int n = 0;
            while (n < length) {
                if (pos == line.length()) {
                    if (next > to) {
                        break;
                    }
                    if (sent == pauseAfter) {
                        if (n > 0) {
                            break;
                        }
                        reached.countDown();
                        try {
                            released.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new java.io.IOException("source closed");
                    }
                    line = next + "\tcode-" + next + "\t" + (next % 1000) + "\n";
                    pos = 0;
                    next++;
                    sent++;
                }
                int chunk = Math.min(length - n, line.length() - pos);
                line.getChars(pos, pos + chunk, buffer, offset + n);
                pos += chunk;
                n += chunk;
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
        }
    }
}
