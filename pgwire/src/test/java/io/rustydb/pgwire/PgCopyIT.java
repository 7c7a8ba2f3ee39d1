package io.rustydb.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** COPY FROM STDIN / TO STDOUT through a real PgServer, with pgjdbc's CopyManager and by hand. */
class PgCopyIT {
    private static ActorSystem<Sessions.Command> system;
    private static PgServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        SessionRegistry registry = new SessionRegistry(4);
        Config config = ConfigFactory.parseString("rustydb.server.listen_port = 0").withFallback(ConfigFactory.load());
        system = ActorSystem.create(FakeSessions.create(registry), "pgwire-copy-it", config);
        server = PgServer.start(system, PgSettings.create(config), system, registry)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        url = "jdbc:postgresql://127.0.0.1:" + server.boundAddress().getPort() + "/shop";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    private static CopyManager copyApi(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    /** The fake session behind a connection. */
    private static FakeSqlSession sessionOf(Connection c) throws SQLException {
        return FakeSessions.OPEN.get(c.unwrap(PGConnection.class).getBackendPID());
    }

    private static void assertUsable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    /** {@code count} rows {@code i<TAB>name i<NL>} from {@code first} on, made as they are read. */
    private static Reader rows(int first, int count, String insertedAfter) {
        return new Reader() {
            private int next = first;
            private String pending = "";

            @Override
            public int read(char[] buf, int off, int len) {
                while (pending.isEmpty()) {
                    if (next == first + count) {
                        if (insertedAfter == null) {
                            return -1;
                        }
                        pending = insertedAfter;
                        next++;
                        break;
                    }
                    if (next > first + count) {
                        return -1;
                    }
                    pending = next + "\tname " + next + "\n";
                    next++;
                }
                int n = Math.min(len, pending.length());
                pending.getChars(0, n, buf, off);
                pending = pending.substring(n);
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void copyInStreamsTheReaderInChunks() throws Exception {
        try (Connection c = connect()) {
            assertEquals(100_000, copyApi(c).copyIn("COPY items FROM STDIN", rows(0, 100_000, null)));
            FakeCopyIn copy = sessionOf(c).lastCopyIn;
            assertTrue(copy.chunks() > 1, "chunks: " + copy.chunks());
            String received = copy.received();
            assertTrue(received.startsWith("0\tname 0\n1\tname 1\n"));
            assertTrue(received.endsWith("99999\tname 99999\n"));
            assertUsable(c);
        }
    }

    @Test
    void badRowFailsTheCopyAndTheConnectionStaysUsable() throws Exception {
        try (Connection c = connect()) {
            StringBuilder data = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                data.append(i).append("\tok\n");
            }
            data.append("bad row\n");
            for (int i = 0; i < 200_000; i++) {
                data.append(i).append("\tafter the error\n");
            }
            PSQLException e = assertThrows(PSQLException.class,
                    () -> copyApi(c).copyIn("COPY items FROM STDIN", new StringReader(data.toString())));
            assertEquals("22P02", e.getSQLState());
            assertTrue(e.getMessage().contains("invalid input syntax for type integer: \"bad row\""), e.getMessage());
            assertUsable(c);
            assertEquals(2, copyApi(c).copyIn("COPY items FROM STDIN", new StringReader("1\ta\n2\tb\n")));
        }
    }

    @Test
    void cancelCopySendsCopyFail() throws Exception {
        try (Connection c = connect()) {
            CopyIn copy = copyApi(c).copyIn("COPY items FROM STDIN");
            byte[] row = "1\tx\n".getBytes();
            copy.writeToCopy(row, 0, row.length);
            copy.cancelCopy();
            String failure = sessionOf(c).lastCopyIn.failure();
            assertTrue(failure.startsWith("COPY from stdin failed: "), failure);
            assertUsable(c);
        }
    }

    @Test
    void copyOutToAWriter() throws Exception {
        try (Connection c = connect()) {
            StringWriter out = new StringWriter();
            assertEquals(3, copyApi(c).copyOut("COPY items TO STDOUT", out));
            assertEquals(String.join("", FakeSqlSession.COPY_OUT_LINES), out.toString());
            assertUsable(c);
        }
    }

    @Test
    void largeCopyOut() throws Exception {
        try (Connection c = connect()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(200_000, copyApi(c).copyOut("COPY gen200000 TO STDOUT", out));
            String text = out.toString();
            assertTrue(text.endsWith("199999\trow 199999\t\\N\n"));
            assertEquals(200_000, text.chars().filter(ch -> ch == '\n').count());
        }
    }

    @Test
    void copyOutErrorMidway() throws Exception {
        try (Connection c = connect()) {
            PSQLException e = assertThrows(PSQLException.class,
                    () -> copyApi(c).copyOut("COPY broken TO STDOUT", new StringWriter()));
            assertEquals("22012", e.getSQLState());
            assertUsable(c);
        }
    }

    @Test
    void copyThroughAPlainStatementIsRefusedByTheDriver() throws Exception {
        // pgjdbc answers CopyInResponse outside CopyManager with CopyFail
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThrows(PSQLException.class, () -> s.execute("COPY items FROM STDIN"));
            assertUsable(c);
        }
    }

    @Test
    void pipelinedCopyDataAfterABadRowIsDropped() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.boundAddress().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(Wire.startup(Map.of("user", "bob")));
            out.flush();
            int sessionId = -1;
            while (true) {
                Wire.Message m = read(in);
                if (m.type() == 'K') {
                    sessionId = Wire.readInt(m.body(), 0);
                } else if (m.type() == 'Z') {
                    break;
                }
            }
            out.write(Wire.query("COPY items FROM STDIN; SELECT 7"));
            out.flush();
            assertEquals("G", readUntil(in, 'G'));
            // everything at once, as psql and pgbench do: about 8 MiB after the bad row
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(Wire.copyData("1\tok\nbad\n"));
            String chunk = "2\tmore data after the error\n".repeat(300);
            for (int i = 0; i < 1000; i++) {
                all.writeBytes(Wire.copyData(chunk));
            }
            all.writeBytes(Wire.copyDone());
            all.writeBytes(Wire.query("SELECT 1"));
            out.write(all.toByteArray());
            out.flush();
            assertEquals("EZ", readUntil(in, 'Z'));
            assertEquals("TDCZ", readUntil(in, 'Z'));
            assertEquals("1\tok\nbad\n", FakeSessions.OPEN.get(sessionId).lastCopyIn.received());
        }
    }

    private static Wire.Message read(DataInputStream in) throws IOException {
        char type = (char) in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new Wire.Message(type, body);
    }

    private static String readUntil(DataInputStream in, char last) throws IOException {
        StringBuilder types = new StringBuilder();
        while (true) {
            char type = read(in).type();
            types.append(type);
            if (type == last) {
                return types.toString();
            }
        }
    }
}
