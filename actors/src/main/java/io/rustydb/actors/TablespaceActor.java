package io.rustydb.actors;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.Tablespace;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns one tablespace's column family for the life of the node: resolves it when the node opens
 * and answers status questions. Commits do not hop through this actor: they run on the session's
 * thread straight into the shared RocksDB WAL so that concurrent commits share one fsync (see
 * docs/architecture-notes.md); this actor is where a tablespace's modes (READ ONLY, OFFLINE) and its
 * replicated commit log will plug in.
 */
public final class TablespaceActor extends AbstractBehavior<TablespaceActor.Command> {

    public sealed interface Command permits GetStatus {
    }

    /** Asks for the tablespace's current status. */
    public record GetStatus(ActorRef<TablespaceStatus> replyTo) implements Command {
    }

    /** A tablespace's name as the catalog knows it. */
    public record TablespaceStatus(String name) {
    }

    private final Tablespace tablespace;

    private TablespaceActor(ActorContext<Command> context, Tablespace tablespace) {
        super(context);
        this.tablespace = tablespace;
        context.getLog().debug("Tablespace {} online", tablespace.name());
    }

    public static Behavior<Command> create(StorageEngine storage, String name) {
        return Behaviors.setup(context -> new TablespaceActor(context, storage.tablespace(name)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(GetStatus.class, this::onGetStatus)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onGetStatus(GetStatus request) {
        request.replyTo().tell(new TablespaceStatus(tablespace.name()));
        return this;
    }

    private Behavior<Command> onPostStop() {
        getContext().getLog().debug("Tablespace {} closed", tablespace.name());
        return this;
    }
}
