package io.rustydb.pgwire;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.pekko.Done;
import org.apache.pekko.util.ByteString;

/**
 * The outgoing side of one connection: backend messages are written into {@link #buffer()} by
 * whoever currently owns the connection (the startup code, then the session thread) and pushed
 * into the connection's {@link OutputQueue} on {@link #flush()}, which the stream pulls from. A
 * flush does not wait for the stream, except when the queue is full (a client that does not read):
 * then the session thread blocks, which back-pressures a slow client into the executor. Once the
 * connection is closed, flushes throw {@link ClientGoneException} and data is dropped.
 */
final class PgOutput {
    /** Buffered bytes beyond which the session thread flushes while streaming rows. */
    static final int FLUSH_THRESHOLD = 64 * 1024;

    private final PgBuffer buffer = new PgBuffer(8192);
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    private final OutputQueue queue;
    private final ReentrantLock offerLock = new ReentrantLock();
    private volatile boolean closed;

    PgOutput(OutputQueue queue) {
        this.queue = queue;
    }

    /** Where messages are written; only the connection's current owner thread may use it. */
    PgBuffer buffer() {
        return buffer;
    }

    boolean isClosed() {
        return closed;
    }

    /** Flushes when enough has been buffered; called between DataRows. */
    void flushIfFull() {
        if (buffer.size() >= FLUSH_THRESHOLD) {
            flush();
        }
    }

    /**
     * Sends the buffered messages: hands them to the stream without waiting for it, blocking only
     * while the stream already holds its maximum of unsent chunks (a client that does not read).
     */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        ByteString bytes = buffer.takeCompleted();
        if (bytes.isEmpty()) {
            return;
        }
        offerLock.lock();
        try {
            if (closed || !queue.offer(bytes, true)) {
                closed = true;
                throw new ClientGoneException();
            }
        } finally {
            offerLock.unlock();
        }
    }

    /** Flush without throwing when the client is gone (for notices, which the engine does not expect to fail). */
    void flushQuietly() {
        try {
            flush();
        } catch (ClientGoneException e) {
            // the connection's termination handling cleans up
        }
    }

    /** Sends the buffered messages without blocking; for the stream side (startup). */
    CompletionStage<Done> flushAsync() {
        ByteString bytes = buffer.takeCompleted();
        offerLock.lock();
        try {
            if (!closed && !bytes.isEmpty() && !queue.offer(bytes, false)) {
                closed = true;
            }
            return DONE;
        } finally {
            offerLock.unlock();
        }
    }

    /** Ends the outgoing stream after the bytes already flushed; buffered but unflushed data is dropped. */
    void close() {
        closed = true;
        queue.complete();
    }

    /**
     * Sends {@code last} (e.g. a FATAL ErrorResponse) after whatever was already flushed and ends
     * the stream, waiting at most {@code timeout} for a session thread blocked on a slow client.
     * Returns false if that did not work, and the caller should abort the connection. Blocks.
     */
    boolean terminate(ByteString last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!offerLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (closed) {
                return true;
            }
            closed = true;
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            boolean sent = left > 0 && queue.awaitSpace(left) && queue.offer(last, false);
            queue.complete();
            return sent;
        } finally {
            offerLock.unlock();
        }
    }

    /** Thrown into the session thread's work when the client has gone; ends that work quietly. */
    static final class ClientGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super("client connection closed", null, false, false);
        }
    }
}
