package io.rustydb.sql.stats;

/**
 * What the statement running on the calling thread has read and waited for, counted where it
 * happens: rows read from storage by scans and lookups, and waits for table locks. A statement
 * runs on its connection's thread, so the session takes the difference of these counters around
 * each call that runs it. Plain fields, only ever touched by their own thread; counters only grow.
 */
public final class ThreadCounters {
    private static final ThreadLocal<ThreadCounters> CURRENT = ThreadLocal.withInitial(ThreadCounters::new);

    /** Rows read from storage: table scan rows, index scan rows, point lookups that found a row. */
    public long rowsExamined;
    /** Nanoseconds spent waiting for table locks held by other sessions. */
    public long tableLockWaitNanos;
    /** Table-lock waits. */
    public long tableLockWaits;

    private ThreadCounters() {
    }

    /** The calling thread's counters; a scan keeps the reference for its rows. */
    public static ThreadCounters current() {
        return CURRENT.get();
    }
}
