package io.rustydb.pgwire;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL wire protocol listener: accepts TCP connections with Pekko Streams and serves
 * each with a {@link PgConnection} whose messages run on that connection's SessionActor.
 * {@link #stop()} stops accepting, then ends every live connection with FATAL 57P01 and closes
 * its session (which rolls back an open transaction).
 */
public final class PgServer {
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

    private final PgServerContext context;
    private final Set<PgConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Done> stopped = new CompletableFuture<>();
    private volatile Tcp.ServerBinding binding;

    private PgServer(ActorSystem<?> system, PgSettings settings, ActorRef<Sessions.Command> sessions,
            SessionRegistry registry) {
        this.context = new PgServerContext(system, settings, sessions, registry, connections::remove);
    }

    /**
     * Binds {@code settings.listenHost():listenPort()} and starts serving; the stage fails if the
     * address cannot be bound.
     */
    public static CompletionStage<PgServer> start(ActorSystem<?> system, PgSettings settings,
            ActorRef<Sessions.Command> sessions, SessionRegistry registry) {
        PgServer server = new PgServer(system, settings, sessions, registry);
        return Tcp.get(system)
                .bind(settings.listenHost(), settings.listenPort(), settings.backlog(), List.of(), false,
                        Optional.empty())
                .to(Sink.foreach(server::accept))
                .run(system)
                .thenApply(bound -> {
                    server.binding = bound;
                    LOG.info("Network listener started on {}:{}", settings.listenHost(), bound.localAddress().getPort());
                    return server;
                });
    }

    /** The address actually bound (useful with port 0). */
    public InetSocketAddress boundAddress() {
        return binding.localAddress();
    }

    /** Connections currently open, including those still in startup. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Stops accepting connections, then terminates the live ones (FATAL 57P01, running statements
     * cancelled, sessions closed). Completes when every connection has ended.
     */
    public CompletionStage<Done> stop() {
        if (!stopping.compareAndSet(false, true)) {
            return stopped;
        }
        binding.unbind().whenComplete((unbound, unbindFailure) -> {
            if (unbindFailure != null) {
                LOG.warn("unbinding the network listener failed", unbindFailure);
            }
            Executor blocking = context.system().dispatchers().lookup(DispatcherSelector.blocking());
            CompletableFuture<?>[] all = connections.stream()
                    .map(c -> c.shutdown(blocking).toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(all).whenComplete((d, e) -> {
                LOG.info("Network listener on {}:{} stopped", context.settings().listenHost(),
                        binding.localAddress().getPort());
                stopped.complete(Done.getInstance());
            });
        });
        return stopped;
    }

    private void accept(Tcp.IncomingConnection incoming) {
        PgConnection connection = new PgConnection(context, incoming.remoteAddress());
        connections.add(connection);
        incoming.handleWith(connection.flow(), context.system());
        if (stopping.get()) {
            connection.shutdown(context.system().dispatchers().lookup(DispatcherSelector.blocking()));
        }
    }
}
