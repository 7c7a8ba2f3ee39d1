package io.rustydb.sampling.ash;

import io.rustydb.common.session.SessionState;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The node's ASH sampler: every {@code rustydb.ash.sample_interval} it reads the published
 * {@link SessionState} of every session (no messaging the sessions) and records the non-idle
 * ones in the {@link ActiveSessionHistory}. {@link Reconfigure} changes the interval and the
 * capture flags at runtime.
 */
public final class AshSampler extends AbstractBehavior<AshSampler.Command> {

    public sealed interface Command permits Reconfigure, Tick {
    }

    /** Apply {@code settings}; replies once they are in effect. */
    public record Reconfigure(AshSettings settings, ActorRef<Done> replyTo) implements Command {
    }

    private enum Tick implements Command {
        INSTANCE
    }

    private final ActiveSessionHistory history;
    private final Supplier<Collection<SessionState>> sessions;
    private final TimerScheduler<Command> timers;
    private long previousTickMillis;

    public static Behavior<Command> create(ActiveSessionHistory history, Supplier<Collection<SessionState>> sessions) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new AshSampler(context, history, sessions, timers)));
    }

    private AshSampler(ActorContext<Command> context, ActiveSessionHistory history,
            Supplier<Collection<SessionState>> sessions, TimerScheduler<Command> timers) {
        super(context);
        this.history = history;
        this.sessions = sessions;
        this.timers = timers;
        schedule(history.settings());
    }

    private void schedule(AshSettings settings) {
        timers.cancel(Tick.INSTANCE);
        previousTickMillis = System.currentTimeMillis();
        if (settings.enabled()) {
            Duration interval = settings.sampleInterval();
            timers.startTimerAtFixedRate(Tick.INSTANCE, Tick.INSTANCE, interval, interval);
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Tick.class, t -> onTick())
                .onMessage(Reconfigure.class, this::onReconfigure)
                .build();
    }

    private Behavior<Command> onTick() {
        long now = System.currentTimeMillis();
        long weight = Math.max(1, now - previousTickMillis);
        previousTickMillis = now;
        Collection<SessionState> live = sessions.get();
        history.sample(live, now, weight);
        history.sessionsEnded(live, now);
        return this;
    }

    private Behavior<Command> onReconfigure(Reconfigure command) {
        history.settings(command.settings());
        schedule(command.settings());
        command.replyTo().tell(Done.getInstance());
        return this;
    }
}
