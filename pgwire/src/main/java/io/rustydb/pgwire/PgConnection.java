package io.rustydb.pgwire;

import io.rustydb.actors.SessionActor;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.ErrorCode;
import io.rustydb.sql.SqlSession;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.session.WaitEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served by a thread of its own like a PostgreSQL backend: it reads the
 * client's messages from the socket and runs each on the connection's {@link SqlSession}, writing
 * the replies back, so a query crosses no thread or mailbox between the socket and the storage.
 * The session's {@link SessionActor} owns the session's lifecycle (opening it, closing it and
 * rolling back when the connection ends). Whatever ends the connection (client gone, Terminate,
 * FATAL error, server stop), the session actor is told to close.
 */
final class PgConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
    /** How long a server stop waits for a client to take the final FATAL message. */
    private static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(5);
    private static final int READ_BUFFER_SIZE = 64 * 1024;

    private final PgServerContext context;
    private final Socket socket;
    private final InetSocketAddress remote;
    private final PgOutput output;
    private final PgProtocolHandler handler;
    private final PgStartup startup;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile boolean closing;
    /** Set by a stop or a termination: the FATAL message to end with, whoever closes the connection first. */
    private volatile byte[] fatalOnExit;
    private boolean closed;
    private SqlSession session;
    private ActorRef<SessionActor.Command> sessionActor;
    private SessionRegistry.Admission admission;

    PgConnection(PgServerContext context, Socket socket) {
        this.context = context;
        this.socket = socket;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.output = new PgOutput(new SocketTransport(socket));
        this.handler = new PgProtocolHandler(output);
        this.startup = new PgStartup(this, context, output, remote);
    }

    @Override
    public void run() {
        LOG.debug("connection received: host={} port={}", remote.getHostString(), remote.getPort());
        try {
            ClientInput in = new ClientInput(socket.getInputStream(), READ_BUFFER_SIZE);
            PgMessageReader reader = new PgMessageReader(in, context.settings().maxMessageSize());
            while (!closing) {
                FrontendMessage message = next(reader, in);
                if (message == null) {
                    break;
                }
                handle(message);
            }
        } catch (IOException | PgOutput.ClientGoneException e) {
            LOG.debug("connection from {} ended: {}", remote, e.toString());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.error("unexpected failure on the connection from {}, closing it", remote, e);
        } finally {
            onTerminated();
        }
    }

    /**
     * The client's next message. When none is buffered the read blocks on the client: the session
     * waits on "SQL*Net message from client" (idle) or, in the middle of a statement such as COPY
     * FROM STDIN, "SQL*Net more data from client".
     */
    private FrontendMessage next(PgMessageReader reader, ClientInput in) throws IOException {
        SqlSession current = in.buffered() == 0 ? currentSession() : null;
        if (current == null) {
            return reader.next();
        }
        SessionState state = current.state();
        state.beginWait(state.status() == SessionStatus.ACTIVE ? WaitEvent.CLIENT_MORE_DATA : WaitEvent.CLIENT_READ,
                0, null);
        try {
            return reader.next();
        } finally {
            state.endWait();
        }
    }

    /** The socket's input, buffered; tells how much is buffered without a system call. */
    private static final class ClientInput extends BufferedInputStream {
        ClientInput(java.io.InputStream in, int size) {
            super(in, size);
        }

        synchronized int buffered() {
            return count - pos;
        }
    }

    private void handle(FrontendMessage message) {
        if (message instanceof FrontendMessage.Invalid invalid) {
            LOG.warn("protocol violation from {}: {}", remote, invalid.message());
            fatal(PgError.fatal(ErrorCode.PROTOCOL_VIOLATION.sqlState(), invalid.message()));
            return;
        }
        SqlSession current = currentSession();
        if (current == null) {
            startup.handle(message);
        } else if (message instanceof FrontendMessage.Terminate) {
            closeConnection();
        } else {
            handler.handle(message, current);
        }
    }

    /** Completes when the connection has ended and its session was told to close. */
    CompletionStage<Void> terminated() {
        return terminated;
    }

    /** Sends a FATAL error and closes the connection after it. */
    void fatal(PgError error) {
        BackendMessages.errorResponse(output.buffer(), error.withSeverity(PgError.FATAL));
        output.flushQuietly();
        closeConnection();
    }

    /** Closes the socket; the connection's thread ends and closes the session. */
    void closeConnection() {
        closing = true;
        output.close();
    }

    /**
     * Records the opened session; false if the connection ended meanwhile, in which case the
     * session is told to close right away.
     */
    synchronized boolean attach(SessionRegistry.Admission newAdmission, SessionActor.Opened opened) {
        if (closed || closing) {
            opened.session().tell(SessionActor.Close.INSTANCE);
            return false;
        }
        this.admission = newAdmission;
        this.sessionActor = opened.session();
        this.session = opened.sqlSession();
        output.session(session.state());
        return true;
    }

    private synchronized SqlSession currentSession() {
        return session;
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * Server stop or an administrator's termination of the session: cancel the running statement,
     * send FATAL 57P01, close; abort if the client does not read.
     */
    CompletionStage<Void> shutdown(Executor blocking) {
        SessionRegistry.Admission running;
        synchronized (this) {
            if (closed) {
                return terminated;
            }
            closing = true;
            running = session != null ? admission : null;
        }
        if (running != null) {
            context.registry().cancel(running.sessionId(), running.secretKey());
        }
        PgBuffer last = new PgBuffer(128);
        BackendMessages.errorResponse(last, PgError.fatal(ErrorCode.ADMIN_SHUTDOWN));
        byte[] bytes = Arrays.copyOf(last.array(), last.completedSize());
        fatalOnExit = bytes;
        // wakes a thread blocked reading; a thread that is running a statement ends with it instead
        CompletableFuture.runAsync(() -> output.terminate(bytes, TERMINATE_TIMEOUT), blocking);
        return terminated;
    }

    private void onTerminated() {
        ActorRef<SessionActor.Command> toClose;
        SqlSession ended;
        synchronized (this) {
            closed = true;
            closing = true;
            toClose = sessionActor;
            ended = session;
        }
        if (ended != null) {
            ended.state().connectionEnded(); // on this thread, before it serves another connection
        }
        byte[] fatal = fatalOnExit;
        if (fatal != null) {
            output.terminate(fatal, TERMINATE_TIMEOUT);
        } else {
            output.close();
        }
        if (toClose != null) {
            toClose.tell(SessionActor.Close.INSTANCE);
        }
        LOG.debug("disconnection: host={} port={}", remote.getHostString(), remote.getPort());
        context.untrack(this);
        terminated.complete(null);
    }

    /** The socket as the output's transport. */
    private static final class SocketTransport implements PgOutput.Transport {
        private final Socket socket;
        private final OutputStream out;

        SocketTransport(Socket socket) {
            this.socket = socket;
            try {
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
