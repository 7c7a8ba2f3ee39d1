package io.rustydb.sql.catalog;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Table-level locks between sessions, as PostgreSQL takes them: a statement that writes a table
 * holds a shared lock on it until its transaction ends; DDL that rewrites or removes a table
 * (ALTER TABLE, TRUNCATE, DROP) needs the exclusive lock, so it waits for those transactions and
 * they wait for it. A session's own shared lock does not block its exclusive request.
 * A bulk load (a large COPY into an empty table) holds the table exclusively until its
 * transaction ends: other sessions' writes and DDL wait, and the loading session's own DDL on
 * the table is refused (55006), since the load is not committed yet.
 * Owners are session ids, not threads: a session's statements may run on different threads.
 * {@link #waits()} tells who waits for whom, for {@code v$session}. The time a statement waits
 * for a lock is added to its thread's {@link io.rustydb.sql.stats.ThreadCounters} (the slow-query
 * log's lock time).
 */
public final class TableLocks {
    private static final long POLL_MILLIS = 50;

    /**
     * A session waiting for a table lock.
     *
     * @param tableId the table
     * @param exclusive whether it asks for the exclusive lock (DDL) or a shared one (a write)
     * @param sinceMillis wall-clock time the wait began
     * @param blockers the sessions holding the locks it waits for, in ascending order
     */
    public record Wait(int tableId, boolean exclusive, long sinceMillis, List<Integer> blockers) {
    }

    /** A wait in progress: what {@link #waits()} needs to name the blockers. */
    private record Waiting(int tableId, boolean exclusive, long sinceMillis) {
    }

    /**
     * A statement that may wait for a table lock: checked while it waits (throws to give up) and
     * told when the wait begins and ends, so its session can publish the wait.
     */
    public interface Waiter {
        void checkInterrupted();

        /** The wait began; {@code blocker} names a session holding the lock while the wait lasts (0 if none). */
        default void waiting(int tableId, java.util.function.IntSupplier blocker) {
        }

        default void doneWaiting(boolean timedOut) {
        }
    }

    private final Map<Integer, Set<Integer>> shared = new HashMap<>();
    private final Map<Integer, Integer> exclusive = new HashMap<>();
    /** Table id to the session bulk loading it, until that session's transaction ends. */
    private final Map<Integer, Integer> loading = new HashMap<>();
    private final Map<Integer, Set<Integer>> heldBySession = new HashMap<>();
    /** Sessions waiting now, by session id. */
    private final Map<Integer, Waiting> waiting = new HashMap<>();

    /**
     * Takes a shared lock on {@code tableId} for {@code session} (kept until {@link #releaseAll}).
     *
     * @param waiter checked while waiting (throws 57014 when the statement must give up), told when it waits
     */
    public synchronized void lockShared(int tableId, int session, Waiter waiter) {
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
                startWaiting(tableId, false, session, waiter);
                await(waiter);
            }
        } finally {
            stopWaiting(session, waiter);
            waited(waitStart);
        }
    }

    /** Takes the exclusive lock; release it with {@link #unlockExclusive} when the DDL is done. */
    public synchronized void lockExclusive(int tableId, int session, Waiter waiter) {
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
                startWaiting(tableId, true, session, waiter);
                await(waiter);
            }
        } finally {
            stopWaiting(session, waiter);
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

    private void startWaiting(int tableId, boolean exclusiveLock, int session, Waiter waiter) {
        if (waiting.putIfAbsent(session, new Waiting(tableId, exclusiveLock, System.currentTimeMillis())) == null) {
            waiter.waiting(tableId, () -> blockerOf(session));
        }
    }

    private void stopWaiting(int session, Waiter waiter) {
        if (waiting.remove(session) != null) {
            waiter.doneWaiting(false);
        }
    }

    /** A session holding the lock {@code session} waits for, 0 if it waits for none. */
    private synchronized int blockerOf(int session) {
        Wait w = waits().get(session);
        return w == null || w.blockers().isEmpty() ? 0 : w.blockers().get(0);
    }

    /** The sessions waiting for a table lock now, by session id, with the sessions they wait for. */
    public synchronized Map<Integer, Wait> waits() {
        Map<Integer, Wait> waits = new HashMap<>();
        for (Map.Entry<Integer, Waiting> e : waiting.entrySet()) {
            int session = e.getKey();
            Waiting w = e.getValue();
            Set<Integer> blockers = new TreeSet<>();
            Integer owner = exclusive.get(w.tableId());
            Integer loader = loading.get(w.tableId());
            if (owner != null) {
                blockers.add(owner);
            }
            if (loader != null) {
                blockers.add(loader);
            }
            if (w.exclusive()) {
                blockers.addAll(shared.getOrDefault(w.tableId(), Set.of()));
            }
            blockers.remove(session);
            waits.put(session, new Wait(w.tableId(), w.exclusive(), w.sinceMillis(), List.copyOf(blockers)));
        }
        return waits;
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

    private void await(Waiter waiter) {
        waiter.checkInterrupted();
        try {
            wait(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RustyDbException(ErrorCode.QUERY_CANCELED);
        }
    }
}
