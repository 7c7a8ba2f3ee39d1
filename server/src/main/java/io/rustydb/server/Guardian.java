package io.rustydb.server;

import io.rustydb.actors.SessionMetrics;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import io.rustydb.actors.TablespaceActor;
import io.rustydb.monitoring.NodeMetrics;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.pgwire.PgServer;
import io.rustydb.sql.SqlEngine;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root actor of a node. It opens storage, starts the metrics (Kamon, samplers, the Prometheus
 * endpoint) and the SQL engine, spawns a TablespaceActor per tablespace and the session spawner,
 * binds the PostgreSQL listener, and registers the graceful shutdown with
 * {@link CoordinatedShutdown}: stop accepting, end sessions (rolling back their transactions),
 * stop the metrics, close the SQL engine, flush and close RocksDB.
 */
public final class Guardian {
    private static final Logger LOG = LoggerFactory.getLogger(Guardian.class);

    private Guardian() {
    }

    /**
     * @param ready completed with the listener once the node accepts connections, or exceptionally
     *     if startup failed (the actor system then stops)
     */
    public static Behavior<Void> create(NodeSettings settings, CompletableFuture<PgServer> ready) {
        return Behaviors.setup(context -> {
            try {
                return start(context, settings, ready);
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                return Behaviors.stopped();
            }
        });
    }

    private static Behavior<Void> start(ActorContext<Void> context, NodeSettings settings,
            CompletableFuture<PgServer> ready) {
        StorageEngine storage = StorageEngine.open(settings.storage());
        CoordinatedShutdown shutdown = CoordinatedShutdown.get(context.getSystem());
        shutdown.addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "rocksdb-close", () -> {
            storage.flush();
            storage.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });

        NodeMetrics metrics = NodeMetrics.start(settings.monitoring(), context.getSystem().settings().config());
        metrics.addStorage(storage);
        // before rocksdb-close: RocksDB's statistics must not be sampled once the storage is closed
        shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "metrics-stop", () -> {
            metrics.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });

        SqlEngine sql = SqlEngine.start(storage, metrics.queries());
        shutdown.addTask(CoordinatedShutdown.PhaseServiceStop(), "sql-engine-close", () -> {
            sql.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        LOG.info("Transaction manager started");

        for (String name : storage.tablespaceNames()) {
            context.spawn(TablespaceActor.create(storage, name), "tablespace-" + name);
        }
        SessionRegistry registry = new SessionRegistry(settings.maxConnections(), settings.admissionTimeout());
        metrics.addSource(new SessionMetrics(registry));
        ActorRef<Sessions.Command> sessions = context.spawn(Sessions.create(sql, registry), "sessions");
        shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "sessions-drain",
                () -> SessionDrain.drain(registry));

        PgServer.start(context.getSystem(), settings.pgwire(), sessions, registry).whenComplete((server, error) -> {
            if (error != null) {
                ready.completeExceptionally(error);
                return;
            }
            shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "pgwire-unbind", server::stop);
            ready.complete(server);
        });
        return Behaviors.empty();
    }
}
