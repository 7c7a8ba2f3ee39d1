package io.rustydb.http;

import io.rustydb.http.auth.TokenStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API listener on Pekko HTTP. {@link #start} binds {@code rustydb.api.listen_host:port};
 * {@link #stop} stops accepting and lets requests in flight finish for a few seconds.
 */
public final class ApiServer {
    /** Dispatcher (in reference.conf) for API work that blocks: key derivation, RocksDB reads, waits. */
    public static final String DISPATCHER = "rustydb.api-dispatcher";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private final ServerBinding binding;
    private final TokenStore tokens;

    private ApiServer(ServerBinding binding, TokenStore tokens) {
        this.binding = binding;
        this.tokens = tokens;
    }

    /** Binds the API; the stage fails if the address cannot be bound. */
    public static CompletionStage<ApiServer> start(ActorSystem<?> system, ApiSettings settings, ApiContext context) {
        Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER));
        TokenStore tokens = new TokenStore(settings.tokenLifetime(), Clock.systemUTC());
        ApiToolkit toolkit = new ApiToolkit(context, tokens, blocking);
        return Http.get(system).newServerAt(settings.listenHost(), settings.listenPort())
                .bind(new ApiRoutes(toolkit).route())
                .thenApply(binding -> {
                    LOG.info("REST API listening on {}:{}", settings.listenHost(), binding.localAddress().getPort());
                    return new ApiServer(binding, tokens);
                });
    }

    /** The address actually bound (useful with port 0). */
    public InetSocketAddress boundAddress() {
        return binding.localAddress();
    }

    /** The API's tokens. */
    public TokenStore tokens() {
        return tokens;
    }

    /** Stops accepting requests; those in flight get a few seconds to finish. */
    public CompletionStage<Done> stop() {
        return binding.terminate(STOP_DEADLINE).thenApply(t -> {
            LOG.info("REST API on port {} stopped", binding.localAddress().getPort());
            return Done.getInstance();
        });
    }
}
