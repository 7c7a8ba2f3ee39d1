package io.rustydb.server.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts rows into {@code dur} and commits in a tight loop until its connection dies.
 * An id is acknowledged once its commit returned; the ids of the commit in flight when the
 * connection broke are unknown (they may or may not have been made durable).
 */
final class CommitWriter {

    private final RustyDbProcess server;
    private final String origin;
    private final long firstId;
    private final int rowsPerCommit;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Long> inFlight = new ArrayList<>();
    private final Thread thread;
    private volatile SQLException failure;

    /** {@code rowsPerCommit} 1 runs in autocommit mode, more in explicit transactions. */
    CommitWriter(RustyDbProcess server, String origin, long firstId, int rowsPerCommit) {
        this.server = server;
        this.origin = origin;
        this.firstId = firstId;
        this.rowsPerCommit = rowsPerCommit;
        this.thread = new Thread(this::run, "writer-" + origin);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits for the writer to run into the dead server. */
    void join() throws InterruptedException {
        thread.join(60_000);
        if (thread.isAlive()) {
            throw new AssertionError(origin + " writer still running 60 s after the server went away");
        }
    }

    Set<Long> acknowledged() {
        return acknowledged;
    }

    /** The ids of the commit that was in flight when the connection failed (after {@link #join}). */
    List<Long> unknown() {
        return failure == null ? List.of() : List.copyOf(inFlight);
    }

    /** Why the writer stopped early; null while the server is up. */
    SQLException failure() {
        return failure;
    }

    boolean owns(long id) {
        return id >= firstId && id < firstId + 100_000_000L;
    }

    @Override
    public String toString() {
        return "CommitWriter[" + origin + ", " + rowsPerCommit + " rows per commit]";
    }

    private void run() {
        try (Connection c = server.connect()) {
            c.setAutoCommit(rowsPerCommit == 1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dur (id, origin, payload) VALUES (?, ?, ?)")) {
                long next = firstId;
                while (true) {
                    inFlight.clear();
                    for (int i = 0; i < rowsPerCommit; i++) {
                        inFlight.add(next++);
                    }
                    for (long id : inFlight) {
                        ps.setLong(1, id);
                        ps.setString(2, origin);
                        ps.setString(3, "p-" + id);
                        ps.executeUpdate();
                    }
                    if (rowsPerCommit > 1) {
                        c.commit();
                    }
                    acknowledged.addAll(inFlight);
                }
            }
        } catch (SQLException e) {
            failure = e;
        }
    }
}
