package io.rustydb.pgwire;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.session.WaitEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outgoing side of one connection: backend messages are written into {@link #buffer()} by the
 * connection's thread and written to the socket on {@link #flush()}, blocking while the client does
 * not read (so a slow client back-pressures the statement producing rows). Once the connection is
 * closed, flushes throw {@link ClientGoneException} and data is dropped. A server stop may
 * {@link #terminate} the output from another thread.
 */
final class PgOutput {
    /** Buffered bytes beyond which the connection's thread flushes while streaming rows. */
    static final int FLUSH_THRESHOLD = 64 * 1024;

    /** Where the bytes go: the socket, or a recording in tests. */
    interface Transport {
        void write(byte[] bytes, int offset, int length) throws IOException;

        /** Closes the connection; a blocked {@link #write} or read fails. Idempotent. */
        void close();
    }

    private final PgBuffer buffer = new PgBuffer(8192);
    private final Transport transport;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;
    /** The session whose results this writes, once it is open (for its network waits). */
    private volatile SessionState session;

    PgOutput(Transport transport) {
        this.transport = transport;
    }

    void session(SessionState state) {
        this.session = state;
    }

    /** Where messages are written; only the connection's thread may use it. */
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

    /** Writes the buffered complete messages to the client, blocking while the client does not read. */
    void flush() {
        int length = buffer.completedSize();
        if (length == 0) {
            return;
        }
        writeLock.lock();
        try {
            if (closed) {
                throw new ClientGoneException();
            }
            write(length);
            buffer.dropCompleted();
        } catch (IOException e) {
            closed = true;
            transport.close();
            throw new ClientGoneException();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes to the socket. In the middle of a statement (rows streaming out) the session waits
     * on "SQL*Net more data to client" while a slow client does not read.
     */
    private void write(int length) throws IOException {
        SessionState s = session;
        if (s == null || s.status() != SessionStatus.ACTIVE) {
            transport.write(buffer.array(), 0, length);
            return;
        }
        s.beginWait(WaitEvent.CLIENT_WRITE, 0, null);
        try {
            transport.write(buffer.array(), 0, length);
        } finally {
            s.endWait();
        }
    }

    /** Flush without throwing when the client is gone (for notices, which the engine does not expect to fail). */
    void flushQuietly() {
        try {
            flush();
        } catch (ClientGoneException e) {
            // the connection's thread notices on its next read and cleans up
        }
    }

    /** Closes the connection after what was flushed; buffered but unflushed data is dropped. */
    void close() {
        writeLock.lock();
        try {
            closed = true;
            transport.close();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends {@code last} (e.g. a FATAL ErrorResponse) after whatever was already flushed and closes
     * the connection, waiting at most {@code timeout} for a connection thread that is blocked
     * writing to a client that does not read; after that the connection is closed without it.
     * Called from another thread than the connection's; blocks.
     */
    void terminate(byte[] last, Duration timeout) {
        boolean locked;
        try {
            locked = writeLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            closed = true;
            transport.close();
            return;
        }
        try {
            if (!closed) {
                transport.write(last, 0, last.length);
            }
        } catch (IOException e) {
            // the client is gone already
        } finally {
            closed = true;
            transport.close();
            writeLock.unlock();
        }
    }

    /** Thrown into the connection thread's work when the client has gone; ends that work quietly. */
    static final class ClientGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super("client connection closed", null, false, false);
        }
    }
}
