package io.rustydb.sampling.ash;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitTotals;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.Materializer;

/**
 * A node's ASH as the rest of the node sees it: the history, its views, and runtime
 * reconfiguration through the sampler actor.
 */
public final class AshService {
    private final ActiveSessionHistory history;
    private final ActorRef<AshSampler.Command> sampler;
    private final ActorSystem<?> system;
    private final AshViews views;

    private AshService(ActiveSessionHistory history, ActorRef<AshSampler.Command> sampler, ActorSystem<?> system,
            AshViews views) {
        this.history = history;
        this.sampler = sampler;
        this.system = system;
        this.views = views;
    }

    /** Spawns the sampler as a child of {@code context}'s actor. */
    public static AshService start(ActorContext<?> context, AshSettings settings, WaitTotals totals,
            Supplier<Collection<SessionState>> sessions) {
        ActiveSessionHistory history = new ActiveSessionHistory(settings,
                Materializer.createMaterializer(context.getSystem()));
        ActorRef<AshSampler.Command> sampler = context.spawn(AshSampler.create(history, sessions), "ash-sampler");
        return new AshService(history, sampler, context.getSystem(), new AshViews(history, totals, sessions));
    }

    public ActiveSessionHistory history() {
        return history;
    }

    public AshViews views() {
        return views;
    }

    /** Applies {@code settings}; completes once the sampler runs with them. */
    public CompletionStage<Done> reconfigure(AshSettings settings) {
        return AskPattern.ask(sampler, replyTo -> new AshSampler.Reconfigure(settings, replyTo), Duration.ofSeconds(5),
                system.scheduler());
    }
}
