package io.rustydb.sql.catalog;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Table-level locks between sessions, as PostgreSQL takes them: a statement that writes a table
 * holds a shared lock on it until its transaction ends; DDL that rewrites or removes a table
 * (ALTER TABLE, TRUNCATE, DROP) needs the exclusive lock, so it waits for those transactions and
 * they wait for it. A session's own shared lock does not block its exclusive request.
 * A bulk load (a large COPY into an empty table) holds the table exclusively until its
 * transaction ends: other sessions' writes and DDL wait, and the loading session's own DDL on
 * the table is refused (55006), since the load is not committed yet.
 * Owners are session ids, not threads: a session's statements may run on different threads.
 * The time a statement waits for a lock is added to its thread's
 * {@link io.rustydb.sql.stats.ThreadCounters} (the slow-query log's lock time).
 */
public final class TableLocks {
    private static final long POLL_MILLIS = 50;

    private final Map<Integer, Set<Integer>> shared = new HashMap<>();
    private final Map<Integer, Integer> exclusive = new HashMap<>();
    /** Table id to the session bulk loading it, until that session's transaction ends. */
    private final Map<Integer, Integer> loading = new HashMap<>();
    private final Map<Integer, Set<Integer>> heldBySession = new HashMap<>();

    /**
     * Takes a shared lock on {@code tableId} for {@code session} (kept until {@link #releaseAll}).
     *
     * @param checkInterrupted run while waiting; throws (57014) when the statement must give up
     */
    public synchronized void lockShared(int tableId, int session, Runnable checkInterrupted) {
        long waitStart = 0;
        try {
            while (true) {
                Integer owner = exclusive.get(tableId);
                Integer loader = loading.get(tableId);
                if ((owner == null || owner == session) && (loader == null || loader == session)) {
                    shared.computeIfAbsent(tableId, t -> new HashSet<>()).add(session);
                    heldBySession.computeIfAbsent(session, s -> new HashSet<>()).add(tableId);
                    return;
                }
                if (waitStart == 0) {
                    waitStart = System.nanoTime();
                }
                await(checkInterrupted);
            }
        } finally {
            waited(waitStart);
        }
    }

    /** Takes the exclusive lock; release it with {@link #unlockExclusive} when the DDL is done. */
    public synchronized void lockExclusive(int tableId, int session, Runnable checkInterrupted) {
        long waitStart = 0;
        try {
            while (true) {
                Integer owner = exclusive.get(tableId);
                Integer loader = loading.get(tableId);
                if (loader != null && loader == session) {
                    throw new RustyDbException(ErrorCode.OBJECT_IN_USE,
                            "cannot alter, truncate, drop or index a table while this transaction's COPY into it is"
                                    + " not committed");
                }
                if ((owner == null || owner == session) && loader == null && !othersShare(tableId, session)) {
                    exclusive.put(tableId, session);
                    return;
                }
                if (waitStart == 0) {
                    waitStart = System.nanoTime();
                }
                await(checkInterrupted);
            }
        } finally {
            waited(waitStart);
        }
    }

    /** Adds a wait that began at {@code waitStart} (0: there was none) to the calling thread's statement. */
    private static void waited(long waitStart) {
        if (waitStart != 0) {
            io.rustydb.sql.stats.ThreadCounters counters = io.rustydb.sql.stats.ThreadCounters.current();
            counters.tableLockWaitNanos += System.nanoTime() - waitStart;
            counters.tableLockWaits++;
        }
    }

    /**
     * Takes the table for a bulk load by {@code session} if no other session holds any lock on
     * it, without waiting; kept until {@link #releaseAll}. False if another session holds one.
     */
    public synchronized boolean tryLockForLoad(int tableId, int session) {
        Integer owner = exclusive.get(tableId);
        Integer loader = loading.get(tableId);
        if ((owner != null && owner != session) || (loader != null && loader != session)
                || othersShare(tableId, session)) {
            return false;
        }
        loading.put(tableId, session);
        return true;
    }

    /** Gives up a load lock taken by {@link #tryLockForLoad} when the load did not start. */
    public synchronized void unlockLoad(int tableId, int session) {
        if (loading.remove(tableId, session)) {
            notifyAll();
        }
    }

    private boolean othersShare(int tableId, int session) {
        Set<Integer> holders = shared.getOrDefault(tableId, Set.of());
        return holders.size() > (holders.contains(session) ? 1 : 0);
    }

    public synchronized void unlockExclusive(int tableId, int session) {
        if (Integer.valueOf(session).equals(exclusive.get(tableId))) {
            exclusive.remove(tableId);
            notifyAll();
        }
    }

    /** Releases every shared and load lock of {@code session}: its transaction ended. */
    public synchronized void releaseAll(int session) {
        if (loading.values().removeIf(loader -> loader == session)) {
            notifyAll();
        }
        Set<Integer> tables = heldBySession.remove(session);
        if (tables == null) {
            return;
        }
        for (int table : tables) {
            Set<Integer> holders = shared.get(table);
            if (holders != null) {
                holders.remove(session);
                if (holders.isEmpty()) {
                    shared.remove(table);
                }
            }
        }
        notifyAll();
    }

    private void await(Runnable checkInterrupted) {
        checkInterrupted.run();
        try {
            wait(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RustyDbException(ErrorCode.QUERY_CANCELED);
        }
    }
}
