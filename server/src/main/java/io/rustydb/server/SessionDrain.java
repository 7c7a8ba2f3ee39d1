package io.rustydb.server;

import io.rustydb.actors.SessionRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shutdown step: cancels running statements and waits until every session has ended. */
final class SessionDrain {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDrain.class);
    private static final long WAIT_MILLIS = 10_000;

    private SessionDrain() {
    }

    static CompletionStage<Done> drain(SessionRegistry registry) {
        return CompletableFuture.supplyAsync(() -> {
            for (SessionRegistry.Entry entry : registry.entries()) {
                entry.canceller().run();
            }
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (registry.connectionCount() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (registry.connectionCount() > 0) {
                LOG.warn("{} session(s) still open after {} ms; closing storage anyway",
                        registry.connectionCount(), WAIT_MILLIS);
            }
            return Done.getInstance();
        });
    }
}
