package io.rustydb.sql.admin;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.TransactionActivity;
import io.rustydb.sql.catalog.TableLocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which sessions wait for a lock now and which sessions hold it: row locks from RocksDB (each
 * open transaction's waiting list, read with {@code Transaction.getWaitingTxns()}, mapped from
 * transaction ids to the sessions that own them) and table locks from {@link TableLocks}.
 * Evaluated only when asked ({@code v$session}, {@code /api/v1/sessions}, the lock contention
 * health check); a read costs two native calls per open transaction. Thread-safe.
 */
public final class LockWaits {
    /** Wait event of a session waiting for a row lock held by another transaction. */
    public static final String ROW_LOCK = "row lock";
    /** Wait event of a session waiting for a table lock (a write behind DDL, or DDL behind writes). */
    public static final String TABLE_LOCK = "table lock";

    /**
     * A session waiting for a lock.
     *
     * @param sessionId the waiting session
     * @param event {@link #ROW_LOCK} or {@link #TABLE_LOCK}
     * @param blockingSessions the sessions holding the lock, ascending; empty when the holder is
     *     the engine's own work rather than a session
     * @param waitMillis how long it has been waiting, in milliseconds
     */
    public record LockWait(int sessionId, String event, List<Integer> blockingSessions, long waitMillis) {

        public LockWait {
            blockingSessions = List.copyOf(blockingSessions);
        }

        /** The first blocking session, as Oracle's {@code v$session.blocking_session} names one; null if none. */
        public Integer blockingSession() {
            return blockingSessions.isEmpty() ? null : blockingSessions.get(0);
        }
    }

    private final StorageEngine storage;
    private final TableLocks tables;

    public LockWaits(StorageEngine storage, TableLocks tables) {
        this.storage = storage;
        this.tables = tables;
    }

    /** Every session waiting for a lock now, by session id. */
    public Map<Integer, LockWait> current() {
        Map<Integer, LockWait> waits = new HashMap<>();
        List<TransactionActivity> activity = storage.transactionActivity();
        Map<Long, Integer> owners = new HashMap<>();
        for (TransactionActivity a : activity) {
            owners.put(a.id(), a.owner());
        }
        for (TransactionActivity a : activity) {
            if (a.owner() == 0 || !a.waiting()) {
                continue;
            }
            TreeSet<Integer> blockers = new TreeSet<>();
            for (long holder : a.waitingFor()) {
                Integer owner = owners.get(holder);
                if (owner != null && owner != 0 && owner != a.owner()) {
                    blockers.add(owner);
                }
            }
            waits.put(a.owner(), new LockWait(a.owner(), ROW_LOCK, new ArrayList<>(blockers), a.waitMillis()));
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<Integer, TableLocks.Wait> e : tables.waits().entrySet()) {
            TableLocks.Wait w = e.getValue();
            waits.put(e.getKey(), new LockWait(e.getKey(), TABLE_LOCK, w.blockers(),
                    Math.max(0, now - w.sinceMillis())));
        }
        return waits;
    }
}
