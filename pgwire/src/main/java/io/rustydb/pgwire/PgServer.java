package io.rustydb.pgwire;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL wire protocol listener. An acceptor thread takes TCP connections and serves each
 * on a thread of its own ({@link PgConnection}), as PostgreSQL serves each with a backend process:
 * a message is read, executed and answered by that one thread, without hand-offs between threads.
 * Each connection's session is owned by a SessionActor. {@link #stop()} stops accepting, then ends
 * every live connection with FATAL 57P01 and closes its session (which rolls back an open
 * transaction).
 */
public final class PgServer {
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

    private final PgServerContext context;
    private final Set<PgConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Done> stopped = new CompletableFuture<>();
    private final ExecutorService connectionThreads = Executors.newCachedThreadPool(
            threads("rustydb-connection-", false));
    private final ServerSocket listener;
    private final Thread acceptor;

    private PgServer(ActorSystem<?> system, PgSettings settings, ActorRef<Sessions.Command> sessions,
            SessionRegistry registry, ServerSocket listener) {
        this.context = new PgServerContext(system, settings, sessions, registry, connections::remove,
                connectionThreads);
        this.listener = listener;
        this.acceptor = threads("rustydb-pg-acceptor", true).newThread(this::acceptLoop);
    }

    /**
     * Binds {@code settings.listenHost():listenPort()} and starts serving; the stage fails if the
     * address cannot be bound.
     */
    public static CompletionStage<PgServer> start(ActorSystem<?> system, PgSettings settings,
            ActorRef<Sessions.Command> sessions, SessionRegistry registry) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.listenHost()), settings.listenPort()),
                    settings.backlog());
        } catch (IOException e) {
            closeQuietly(socket);
            return CompletableFuture.failedFuture(new IOException("could not bind " + settings.listenHost() + ":"
                    + settings.listenPort() + ": " + e.getMessage(), e));
        }
        PgServer server = new PgServer(system, settings, sessions, registry, socket);
        server.acceptor.start();
        LOG.info("Network listener started on {}:{}", settings.listenHost(), socket.getLocalPort());
        return CompletableFuture.completedFuture(server);
    }

    /** The address actually bound (useful with port 0). */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
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
        int port = listener.getLocalPort();
        closeQuietly(listener);
        CompletableFuture<?>[] all = connections.stream()
                .map(c -> c.shutdown(connectionThreads).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        // connections waiting for a slot are closing now: wake them so that they end at once
        context.registry().wakeWaiters();
        CompletableFuture.allOf(all).whenComplete((d, e) -> {
            connectionThreads.shutdown();
            LOG.info("Network listener on {}:{} stopped", context.settings().listenHost(), port);
            stopped.complete(Done.getInstance());
        });
        return stopped;
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                if (!stopping.get()) {
                    LOG.error("the network listener failed; no new connections are accepted", e);
                }
                return;
            } catch (IOException e) {
                LOG.warn("accepting a connection failed: {}", e.toString());
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        PgConnection connection;
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            connection = new PgConnection(context, socket);
        } catch (IOException | RuntimeException e) {
            LOG.warn("setting up a connection from {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
            closeQuietly(socket);
            return;
        }
        connections.add(connection);
        try {
            connectionThreads.execute(connection);
        } catch (RuntimeException e) {
            connections.remove(connection);
            closeQuietly(socket);
            return;
        }
        if (stopping.get()) {
            connection.shutdown(connectionThreads);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static ThreadFactory threads(String prefix, boolean single) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, single ? prefix : prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
