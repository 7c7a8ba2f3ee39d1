package io.rustydb.pgwire;

import io.rustydb.actors.SessionActor;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;

/**
 * A {@link Sessions} stand-in: each OpenSession spawns an actor that owns a {@link FakeSqlSession}, with the same registry contract as the real SessionActor. A
 * user named {@code reject} is refused with 28P01.
 */
final class FakeSessions {
    /** Open sessions by session id. */
    static final Map<Integer, FakeSqlSession> OPEN = new ConcurrentHashMap<>();

    private FakeSessions() {
    }

    static Behavior<Sessions.Command> create(SessionRegistry registry) {
        return Behaviors.setup(context -> Behaviors.receive(Sessions.Command.class)
                .onMessage(Sessions.OpenSession.class, open -> {
                    context.spawn(session(registry, open.request()),
                            "session-" + open.request().admission().sessionId(), DispatcherSelector.blocking());
                    return Behaviors.same();
                })
                .build());
    }

    private static Behavior<SessionActor.Command> session(SessionRegistry registry, SessionActor.Open request) {
        return Behaviors.setup(context -> {
            if (request.user().equals("reject")) {
                registry.release(request.admission());
                request.replyTo().tell(StatusReply.error(new RustyDbException(ErrorCode.INVALID_PASSWORD, "reject")));
                return Behaviors.stopped();
            }
            SessionState state = FakeSqlSession.newState(request.admission().sessionId(), request.user(),
                    request.database());
            FakeSqlSession session = new FakeSqlSession(state, request.listener());
            registry.register(request.admission(), state, session::cancel);
            OPEN.put(request.admission().sessionId(), session);
            request.replyTo().tell(StatusReply.success(
                    new SessionActor.Opened(context.getSelf(), session, session.reportedParameters())));
            return Behaviors.receive(SessionActor.Command.class)
                    .onMessageEquals(SessionActor.Close.INSTANCE, Behaviors::stopped)
                    .onSignal(PostStop.class, signal -> {
                        session.close();
                        OPEN.remove(request.admission().sessionId());
                        registry.release(request.admission());
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
