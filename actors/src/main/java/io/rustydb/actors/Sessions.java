package io.rustydb.actors;

import io.rustydb.sql.SqlEngine;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** Parent of every {@link SessionActor}: spawns one per admitted connection on the session dispatcher. */
public final class Sessions extends AbstractBehavior<Sessions.Command> {

    /** Dispatcher (in application.conf) for blocking session work: RocksDB, planning, execution. */
    public static final String DISPATCHER = "rustydb.session-dispatcher";

    public sealed interface Command permits OpenSession {
    }

    /** Spawns the session for {@code request}; the new session answers the request itself. */
    public record OpenSession(SessionActor.Open request) implements Command {
    }

    private final SqlEngine engine;
    private final SessionRegistry registry;

    private Sessions(ActorContext<Command> context, SqlEngine engine, SessionRegistry registry) {
        super(context);
        this.engine = engine;
        this.registry = registry;
    }

    public static Behavior<Command> create(SqlEngine engine, SessionRegistry registry) {
        return Behaviors.setup(context -> new Sessions(context, engine, registry));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(OpenSession.class, this::onOpenSession).build();
    }

    private Behavior<Command> onOpenSession(OpenSession open) {
        getContext().spawn(SessionActor.create(engine, registry, open.request()),
                "session-" + open.request().admission().sessionId(), DispatcherSelector.fromConfig(DISPATCHER));
        return this;
    }
}
