package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Scans of a table much larger than the buffer pool, on a node just restarted: ASH samples them
 * waiting on file reads (User I/O) on that table, and the wait-event views count those reads.
 */
@ExtendWith(ServerLogOnFailure.class)
class AshIoIT {
    @TempDir
    Path tmp;

    @Test
    void aColdScanLargerThanTheBufferPoolWaitsOnUserIo() throws Exception {
        RustyDbProcess server = RustyDbProcess.start("ash-io", tmp.resolve("data"), "rustydb.ash.sample_interval=10ms",
                "rustydb.memory.buffer_pool_size=1048576", "rustydb.storage.page_size=4096");
        try {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id INT PRIMARY KEY, pad TEXT)");
                StringBuilder rows = new StringBuilder();
                String pad = "x".repeat(150);
                for (int i = 1; i <= 200_000; i++) {
                    rows.append(i).append('\t').append(pad).append(i).append('\n');
                }
                long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY big FROM STDIN",
                        new StringReader(rows.toString()));
                assertEquals(200_000, copied);
            }
            server.restart();
            Api api = new Api(server);
            String admin = api.login("rustydb", server.adminPassword());
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                int pid = c.unwrap(PGConnection.class).getBackendPID();
                long reads = fileReads(s);
                // every scan reads the table through the 1 MB buffer pool again; the reads are served by
                // the OS page cache, so each is short: scan until the sampler has caught some of them
                List<JsonNode> io = new ArrayList<>();
                for (int scan = 0; scan < 20 && io.isEmpty(); scan++) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*), sum(length(pad)) FROM big")) {
                        rs.next();
                        assertEquals(200_000, rs.getLong(1));
                    }
                    assertTrue(fileReads(s) > reads + 100, "a 30 MB scan through a 1 MB buffer pool reads files");
                    api.get("/api/v1/ash/samples?session_id=" + pid + "&wait_class=UserIO&limit=1000", admin).ok(200)
                            .data().get("samples").forEach(io::add);
                }
                assertTrue(!io.isEmpty(), "the scans were sampled waiting on reads: "
                        + api.get("/api/v1/ash/samples?session_id=" + pid, admin).ok(200).data());
                for (JsonNode sample : io) {
                    assertEquals("db_file_scattered_read", sample.get("wait_event").asText(), sample.toString());
                    assertEquals("big", sample.get("current_object").asText(), sample.toString());
                    assertEquals("WAITING", sample.get("session_state").asText());
                }
            }
        } finally {
            RustyDbProcess.stopAndClose(server);
        }
    }

    private static long fileReads(Statement s) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT wait_count FROM v$system_wait_events WHERE wait_event = 'db file scattered read'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
