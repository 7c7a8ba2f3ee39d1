package io.rustydb.actors;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.SqlSession;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.pattern.StatusReply;

/**
 * One client connection's session. It owns the {@link SqlSession} (and so the session's
 * transaction) and runs the work the protocol layer submits one task at a time, on the blocking
 * session dispatcher. When it stops, for whatever reason (client gone, server shutdown), the open
 * transaction is rolled back and the session leaves the registry.
 */
public final class SessionActor extends AbstractBehavior<SessionActor.Command> {

    /** Messages a session understands. */
    public sealed interface Command permits Run, Close {
    }

    /** Work on the session, e.g. one protocol message; {@code done} completes when it has run. */
    public record Run(SessionTask task, CompletableFuture<Void> done) implements Command {
    }

    /** The client went away: end the session. */
    public enum Close implements Command {
        INSTANCE
    }

    /** A unit of work the protocol layer runs against the session. */
    @FunctionalInterface
    public interface SessionTask {
        void run(SqlSession session) throws Exception;
    }

    /** Asks for a new session for an admitted connection. */
    public record Open(SessionRegistry.Admission admission, String user, String database, String clientAddress,
            Map<String, String> startupParameters, SessionListener listener,
            ActorRef<StatusReply<Opened>> replyTo) {
    }

    /** The session is ready: where to send work, and the parameters to report to the client. */
    public record Opened(ActorRef<Command> session, Map<String, String> parameterStatus) {
    }

    private final SessionRegistry registry;
    private final SessionRegistry.Admission admission;
    private final SqlSession session;

    private SessionActor(ActorContext<Command> context, SessionRegistry registry, Open request,
            SqlSession session) {
        super(context);
        this.registry = registry;
        this.admission = request.admission();
        this.session = session;
    }

    /**
     * Opens the SQL session in the actor's own setup (on its dispatcher) and answers the request;
     * if the session cannot be opened the slot is released and the actor stops.
     */
    public static Behavior<Command> create(SqlEngine engine, SessionRegistry registry, Open request) {
        return Behaviors.setup(context -> {
            SessionState state = new SessionState(request.admission().sessionId(), request.user(),
                    request.database(), request.clientAddress(), Instant.now());
            SqlSession session;
            try {
                session = engine.openSession(state, request.startupParameters(), request.listener());
            } catch (RuntimeException e) {
                registry.release(request.admission());
                request.replyTo().tell(StatusReply.error(e instanceof RustyDbException ? e
                        : RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, String.valueOf(e.getMessage()))));
                return Behaviors.stopped();
            }
            registry.register(request.admission(), state, session::cancel);
            request.replyTo().tell(StatusReply.success(new Opened(context.getSelf(), session.reportedParameters())));
            return new SessionActor(context, registry, request, session);
        });
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Run.class, this::onRun)
                .onMessageEquals(Close.INSTANCE, this::onClose)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onRun(Run run) {
        try {
            run.task().run(session);
            run.done().complete(null);
        } catch (Exception | LinkageError | AssertionError e) {
            run.done().completeExceptionally(e);
        }
        return this;
    }

    private Behavior<Command> onClose() {
        return Behaviors.stopped();
    }

    private Behavior<Command> onPostStop() {
        try {
            session.close();
        } finally {
            registry.release(admission);
        }
        return this;
    }
}
