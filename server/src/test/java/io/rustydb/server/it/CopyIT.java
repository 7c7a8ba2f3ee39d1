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
}
