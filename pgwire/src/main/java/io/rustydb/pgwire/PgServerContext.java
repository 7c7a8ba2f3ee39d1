package io.rustydb.pgwire;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What every connection of a {@link PgServer} shares; {@code blocking} runs the blocking part of
 * ending a connection from another thread (a server stop, an administrator's termination).
 */
record PgServerContext(ActorSystem<?> system, PgSettings settings, ActorRef<Sessions.Command> sessions,
        SessionRegistry registry, Consumer<PgConnection> onClosed, Executor blocking) {

    void untrack(PgConnection connection) {
        onClosed.accept(connection);
    }
}
