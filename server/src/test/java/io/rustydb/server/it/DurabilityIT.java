package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code wal.sync_mode = local}, every commit acknowledged before a SIGKILL is there after a
 * restart, and nothing rolled back or uncommitted is.
 */
@ExtendWith(ServerLogOnFailure.class)
class DurabilityIT {

    private static final String INSERT = "INSERT INTO dur (id, origin, payload) VALUES (?, ?, ?)";

    @TempDir
    Path tmp;

    private final Set<Long> acknowledged = new HashSet<>();
    private final Set<Long> mustBeAbsent = new HashSet<>();
    private final Map<Long, String> expectedPayloads = new TreeMap<>();

    @Test
    void acknowledgedCommitsSurviveKill9AndGracefulRestart() throws Exception {
        try (RustyDbProcess server = RustyDbProcess.start("durability", tmp.resolve("data"),
                "rustydb.wal.sync_mode=local")) {
            try (Connection c = server.connect()) {
                execute(c, "CREATE TABLE dur (id BIGINT PRIMARY KEY, origin VARCHAR(20) NOT NULL, payload TEXT)");
                commitAutocommitAndExplicitTransactions(c);
                rollBackSomeTransactions(c);
            }
            Connection open = server.connect();
            leaveATransactionOpen(open);
            CommitWriter single = new CommitWriter(server, "autocommit", 1_000_000_000L, 1);
            CommitWriter multi = new CommitWriter(server, "transactions", 2_000_000_000L, 5);
            single.start();
            multi.start();
            awaitProgress(single, multi);

            server.kill9();
            single.join();
            multi.join();
            closeQuietly(open);

            System.out.printf("DURABILITY kill9 after writers acknowledged %d + %d rows, %d + %d unknown%n",
                    single.acknowledged().size(), multi.acknowledged().size(), single.unknown().size(),
                    multi.unknown().size());

            server.restart();
            Map<Long, String> afterCrash = readAll(server);
            assertCommittedAndNothingElse(afterCrash, single, multi);

            try (Connection c = server.connect()) {
                assertEquals(1, update(c, "INSERT INTO dur VALUES (-1, 'after-crash', 'still usable')"));
                assertEquals("still usable", readAll(server).get(-1L));
            }
            afterCrash.put(-1L, "still usable");

            server.stop();
            server.restart();
            assertEquals(afterCrash, readAll(server), "a graceful restart keeps everything");
            server.stop();
        }
    }

    /** Ids 1-200 in autocommit mode, 10,000-10,199 in 20 explicit transactions; then updates and deletes. */
    private void commitAutocommitAndExplicitTransactions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (long id = 1; id <= 200; id++) {
                insert(ps, id, "autocommit");
                acknowledge(id);
            }
            c.setAutoCommit(false);
            for (int tx = 0; tx < 20; tx++) {
                List<Long> ids = new ArrayList<>();
                for (long id = 10_000 + tx * 10; id < 10_010 + tx * 10; id++) {
                    insert(ps, id, "explicit");
                    ids.add(id);
                }
                c.commit();
                ids.forEach(this::acknowledge);
            }
        }
        assertEquals(10, update(c, "DELETE FROM dur WHERE id <= 10"));
        assertEquals(10, update(c, "UPDATE dur SET payload = 'updated' WHERE id > 10 AND id <= 20"));
        c.commit();
        for (long id = 1; id <= 10; id++) {
            acknowledged.remove(id);
            expectedPayloads.remove(id);
            mustBeAbsent.add(id);
        }
        for (long id = 11; id <= 20; id++) {
            expectedPayloads.put(id, "updated");
        }
        c.setAutoCommit(true);
    }

    /** Ids 20,000-20,049 in 10 rolled-back transactions, plus a rolled-back update and delete. */
    private void rollBackSomeTransactions(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int tx = 0; tx < 10; tx++) {
                for (long id = 20_000 + tx * 5; id < 20_005 + tx * 5; id++) {
                    insert(ps, id, "rolled-back");
                    mustBeAbsent.add(id);
                }
                c.rollback();
            }
        }
        update(c, "UPDATE dur SET payload = 'rolled back' WHERE id = 21");
        update(c, "DELETE FROM dur WHERE id = 22");
        c.rollback();
        c.setAutoCommit(true);
    }

    /** Ids 30,000-30,099 plus an update and a delete, never committed: the kill finds them open. */
    private void leaveATransactionOpen(Connection open) throws SQLException {
        open.setAutoCommit(false);
        try (PreparedStatement ps = open.prepareStatement(INSERT)) {
            for (long id = 30_000; id < 30_100; id++) {
                insert(ps, id, "open");
                mustBeAbsent.add(id);
            }
        }
        assertEquals(1, update(open, "UPDATE dur SET payload = 'uncommitted' WHERE id = 23"));
        assertEquals(1, update(open, "DELETE FROM dur WHERE id = 24"));
    }

    private static void awaitProgress(CommitWriter... writers) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        for (CommitWriter writer : writers) {
            while (writer.acknowledged().size() < 200 && writer.failure() == null && System.nanoTime() < deadline) {
                RustyDbProcess.sleep(20);
            }
            assertNull(writer.failure(), "a writer failed before the kill");
            assertTrue(writer.acknowledged().size() > 0, "a writer committed nothing in 15 s");
        }
    }

    private void assertCommittedAndNothingElse(Map<Long, String> present, CommitWriter... writers) {
        Set<Long> missing = new HashSet<>(acknowledged);
        for (CommitWriter writer : writers) {
            missing.addAll(writer.acknowledged());
        }
        missing.removeAll(present.keySet());
        assertTrue(missing.isEmpty(), () -> missing.size() + " acknowledged ids lost, e.g. " + sample(missing));

        Set<Long> resurrected = new HashSet<>(mustBeAbsent);
        resurrected.retainAll(present.keySet());
        assertTrue(resurrected.isEmpty(), () -> resurrected.size()
                + " rolled-back, deleted or uncommitted ids present, e.g. " + sample(resurrected));

        expectedPayloads.forEach((id, payload) -> assertEquals(payload, present.get(id), "payload of id " + id));

        for (CommitWriter writer : writers) {
            Set<Long> phantoms = present.keySet().stream()
                    .filter(id -> writer.owns(id) && !writer.acknowledged().contains(id)
                            && !writer.unknown().contains(id))
                    .collect(Collectors.toSet());
            assertTrue(phantoms.isEmpty(), () -> "ids never written by " + writer + ": " + sample(phantoms));
            long survivors = writer.unknown().stream().filter(present::containsKey).count();
            assertTrue(survivors == 0 || survivors == writer.unknown().size(),
                    () -> "the commit in flight at the kill is torn: " + survivors + " of " + writer.unknown());
        }
    }

    private static Map<Long, String> readAll(RustyDbProcess server) throws SQLException {
        Map<Long, String> rows = new TreeMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, payload FROM dur")) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    private void insert(PreparedStatement ps, long id, String origin) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, origin);
        ps.setString(3, "p-" + id);
        assertEquals(1, ps.executeUpdate());
    }

    private void acknowledge(long id) {
        acknowledged.add(id);
        expectedPayloads.put(id, "p-" + id);
    }

    private static String sample(Collection<Long> ids) {
        return ids.stream().sorted().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException expected) {
            // the server was killed under it
        }
    }
}
