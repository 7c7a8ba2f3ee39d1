package io.rustydb.common.session;

/**
 * The waits of the statement running on the calling thread, counted where they end
 * ({@link SessionState#endWait}): a statement runs on its connection's thread, so the statement
 * meter takes the difference around each call that runs it. Plain fields, touched by their own
 * thread only; they only grow.
 */
public final class ThreadWaits {
    private static final ThreadLocal<ThreadWaits> CURRENT = ThreadLocal.withInitial(ThreadWaits::new);

    /** Nanoseconds in User I/O waits (file reads that missed the buffer pool). */
    public long userIoNanos;

    private ThreadWaits() {
    }

    public static ThreadWaits current() {
        return CURRENT.get();
    }
}
