package io.rustydb.actors;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.SqlSession;
import java.time.Instant;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.pattern.StatusReply;

/**
 * One client connection's session. It opens the {@link SqlSession} (and so owns the session's
 * transaction), registers it for cancel and monitoring, and closes it when told to or when it
 * stops for whatever reason (client gone, server shutdown): the open transaction is rolled back
 * and the session leaves the registry. Statements run on the connection's own thread, which
 * calls the session directly, so reading a row crosses no mailbox (docs/architecture-notes.md).
 */
public final class SessionActor extends AbstractBehavior<SessionActor.Command> {

    /** Messages a session understands. */
    public sealed interface Command permits Close {
    }

    /** The client went away: end the session. */
    public enum Close implements Command {
        INSTANCE
    }

    /** Asks for a new session for an admitted connection. */
    public record Open(SessionRegistry.Admission admission, String user, String database, String clientAddress,
            Map<String, String> startupParameters, SessionListener listener,
            ActorRef<StatusReply<Opened>> replyTo) {
    }

    /**
     * The session is ready: its actor (to close it), the SQL session the connection's thread runs
     * statements on (one thread at a time), and the parameters to report to the client.
     */
    public record Opened(ActorRef<Command> session, SqlSession sqlSession, Map<String, String> parameterStatus) {
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
                    request.database(), request.clientAddress(), Instant.now(), registry.waitTotals());
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
            request.replyTo().tell(StatusReply.success(new Opened(context.getSelf(), session, session.reportedParameters())));
            return new SessionActor(context, registry, request, session);
        });
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Close.INSTANCE, this::onClose)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
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
