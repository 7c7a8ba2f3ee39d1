package io.rustydb.pgwire;

import io.rustydb.actors.SessionActor;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.ErrorCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the stream that frames its bytes, the startup exchange, and then one
 * {@link SessionActor.Run} per frontend message, strictly in order (the next message is read only
 * when the previous one has been handled). Whatever ends the connection (client gone, Terminate,
 * FATAL error, server stop), the session is told to close.
 */
final class PgConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
    private static final AtomicLong IDS = new AtomicLong();
    /** Outgoing chunks the stream may hold before a flush waits. */
    private static final int OUTPUT_QUEUE_SIZE = 8;
    /**
     * Most pipelined messages handed to the session in one task; a CopyData counts one per KiB, so
     * a fast COPY FROM STDIN client gets about 1 MiB ahead of the session at most.
     */
    private static final int MAX_PIPELINED = 1024;
    /** How long a server stop waits for a client to take the final FATAL message. */
    private static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(5);
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

    private final long id = IDS.incrementAndGet();
    private final PgServerContext context;
    private final InetSocketAddress remote;
    private final SharedKillSwitch killSwitch;
    private final CompletableFuture<Done> outputDone = new CompletableFuture<>();
    private final CompletableFuture<Done> terminated = new CompletableFuture<>();
    private PgOutput output;
    private PgStartup startup;
    private PgProtocolHandler handler;
    private volatile boolean closing;
    private boolean closed;
    private ActorRef<SessionActor.Command> session;
    private SessionRegistry.Admission admission;

    PgConnection(PgServerContext context, InetSocketAddress remote) {
        this.context = context;
        this.remote = remote;
        this.killSwitch = KillSwitches.shared("pg-connection-" + id);
    }

    /** The connection's handler flow; its materialized value completes when the input side ends. */
    Flow<ByteString, ByteString, CompletionStage<Done>> flow() {
        OutputQueue queue = new OutputQueue(OUTPUT_QUEUE_SIZE);
        queue.watchCompletion().whenComplete((d, e) -> outputDone.complete(Done.getInstance()));
        output = new PgOutput(queue);
        handler = new PgProtocolHandler(output);
        startup = new PgStartup(this, context, output, remote);
        Sink<ByteString, CompletionStage<Done>> in = Flow.of(ByteString.class)
                .via(killSwitch.flow())
                .via(new PgFrameDecoder(context.settings().maxMessageSize()))
                .batchWeighted(MAX_PIPELINED, PgConnection::pipelineCost, first -> {
                    List<FrontendMessage> batch = new ArrayList<>();
                    batch.add(first);
                    return batch;
                }, (batch, next) -> {
                    batch.add(next);
                    return batch;
                })
                .mapAsync(1, batch -> handleFrom(batch, 0))
                .toMat(Sink.ignore(), Keep.right());
        Source<ByteString, NotUsed> outgoing = queue.source().via(killSwitch.flow());
        LOG.debug("connection received: host={} port={}", remote.getHostString(), remote.getPort());
        return Flow.fromSinkAndSourceMat(in, outgoing, Keep.left())
                .mapMaterializedValue(done -> {
                    done.whenComplete((d, e) -> onStreamTerminated(e));
                    return done;
                });
    }

    /** Completes when the connection has ended and its session was told to close. */
    CompletionStage<Done> terminated() {
        return terminated;
    }

    /**
     * Handles the messages a client pipelined while the session was busy (e.g. a JDBC batch's
     * Bind/Execute pairs): consecutive session messages run as one task on the session, so a
     * pipeline costs one hop to the session thread instead of one per message. Order is kept.
     */
    private CompletionStage<Done> handleFrom(List<FrontendMessage> batch, int from) {
        if (from >= batch.size() || closing) {
            return DONE;
        }
        ActorRef<SessionActor.Command> target = currentSession();
        if (target == null || !isSessionWork(batch.get(from))) {
            return handle(batch.get(from)).thenCompose(d -> handleFrom(batch, from + 1));
        }
        int end = from;
        while (end < batch.size() && isSessionWork(batch.get(end))) {
            end++;
        }
        List<FrontendMessage> run = List.copyOf(batch.subList(from, end));
        int next = end;
        return runOnSession(target, s -> {
            for (FrontendMessage message : run) {
                handler.handle(message, s);
            }
        }).thenCompose(d -> handleFrom(batch, next));
    }

    private static long pipelineCost(FrontendMessage message) {
        return message instanceof FrontendMessage.CopyData d ? 1 + d.data().length / 1024 : 1;
    }

    private static boolean isSessionWork(FrontendMessage message) {
        return !(message instanceof FrontendMessage.Invalid) && !(message instanceof FrontendMessage.Terminate);
    }

    private CompletionStage<Done> runOnSession(ActorRef<SessionActor.Command> target, SessionActor.SessionTask task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        target.tell(new SessionActor.Run(task, done));
        return done.thenApply(v -> Done.getInstance())
                .applyToEither(outputDone, d -> d)
                .exceptionally(e -> {
                    LOG.error("session work failed for connection {}, closing it", remote, e);
                    closeConnection();
                    return Done.getInstance();
                });
    }

    private CompletionStage<Done> handle(FrontendMessage message) {
        if (closing) {
            return DONE;
        }
        try {
            if (message instanceof FrontendMessage.Invalid invalid) {
                LOG.warn("protocol violation from {}: {}", remote, invalid.message());
                return fatal(PgError.fatal(ErrorCode.PROTOCOL_VIOLATION.sqlState(), invalid.message()));
            }
            ActorRef<SessionActor.Command> target = currentSession();
            if (target == null) {
                return startup.handle(message);
            }
            if (message instanceof FrontendMessage.Terminate) {
                closeConnection();
                return DONE;
            }
            return runOnSession(target, s -> handler.handle(message, s));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling a message from {}", remote, e);
            closeConnection();
            return DONE;
        }
    }

    /** Sends a FATAL error and closes the connection after it. */
    CompletionStage<Done> fatal(PgError error) {
        BackendMessages.errorResponse(output.buffer(), error.withSeverity(PgError.FATAL));
        CompletionStage<Done> flushed = output.flushAsync();
        closeConnection();
        return flushed;
    }

    /** Ends the outgoing side; the TCP connection closes and the input side completes after it. */
    void closeConnection() {
        closing = true;
        output.close();
    }

    /**
     * Records the session once opened; false if the connection ended meanwhile, in which case the
     * session is told to close right away.
     */
    synchronized boolean attach(SessionRegistry.Admission newAdmission, ActorRef<SessionActor.Command> opened) {
        if (closed || closing) {
            opened.tell(SessionActor.Close.INSTANCE);
            return false;
        }
        this.admission = newAdmission;
        this.session = opened;
        return true;
    }

    private synchronized ActorRef<SessionActor.Command> currentSession() {
        return session;
    }

    boolean isClosing() {
        return closing;
    }

    /** Server stop: cancel the running statement, send FATAL 57P01, close; abort if the client does not read. */
    CompletionStage<Done> shutdown(Executor blocking) {
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
        ByteString bytes = last.takeCompleted();
        CompletableFuture.runAsync(() -> {
            if (!output.terminate(bytes, TERMINATE_TIMEOUT)) {
                killSwitch.abort(new IOException("connection aborted by server shutdown"));
            }
        }, blocking);
        return terminated;
    }

    private void onStreamTerminated(Throwable failure) {
        ActorRef<SessionActor.Command> toClose;
        synchronized (this) {
            closed = true;
            closing = true;
            toClose = session;
        }
        output.close();
        if (toClose != null) {
            toClose.tell(SessionActor.Close.INSTANCE);
        }
        if (failure != null) {
            LOG.debug("connection from {} failed: {}", remote, failure.toString());
        }
        LOG.debug("disconnection: host={} port={}", remote.getHostString(), remote.getPort());
        context.untrack(this);
        terminated.complete(Done.getInstance());
    }
}
