package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Automatic Workload Repository of a node: an event-sourced actor that keeps the ASH samples
 * of the current interval (one tick in {@code ash_sample_ratio}) from the live sample stream and,
 * every {@code snapshot_interval_minutes} or when asked, reads the node's cumulative counters and
 * persists a {@link AwrEvent.SnapshotTaken}. Retention purges old snapshots (never those inside a
 * baseline) and expired baselines through events; the state is snapshotted every
 * {@code state_snapshot_every} events so that recovery replays few events.
 */
public final class WorkloadRepository extends EventSourcedBehavior<WorkloadRepository.Command, AwrEvent, AwrState> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadRepository.class);

    /** What the repository is asked. */
    public sealed interface Command {
    }

    /** Capture a snapshot now. */
    public record TakeSnapshot(ActorRef<StatusReply<AwrSnapshot>> replyTo) implements Command {
    }

    /** Create a baseline over an existing range of snapshots. */
    public record CreateBaseline(String name, long startSnapshotId, long endSnapshotId, String description,
            String type, ActorRef<StatusReply<Baseline>> replyTo) implements Command {
    }

    /** Drop a baseline; its snapshots become subject to retention again. */
    public record DropBaseline(String name, ActorRef<StatusReply<Baseline>> replyTo) implements Command {
    }

    /** Apply the retention now; replies with the purged snapshot ids. */
    public record Purge(ActorRef<List<Long>> replyTo) implements Command {
    }

    /** The current state, for reads (reports are computed outside the actor). */
    public record GetState(ActorRef<AwrState> replyTo) implements Command {
    }

    /** A sample from the ASH stream. */
    record AshArrived(AshSample sample) implements Command {
    }

    private enum Tick implements Command {
        INSTANCE
    }

    /** Who the node is: its instance name, version and start (its incarnation). */
    public record NodeInfo(String instance, String version, long startupMillis) {
    }

    private final ActorContext<Command> context;
    private final AwrSettings settings;
    private final NodeInfo node;
    private final AwrCounters.Source counters;
    private final IntFunction<AwrSnapshot.SessionInfo> identities;
    private final LongSupplier clock;
    private final UniqueKillSwitch ashSubscription;
    // the interval's samples and the statements' figures at the last capture: this incarnation's, not persisted
    private final List<AshSample> pending = new ArrayList<>();
    private long dropped;
    private long tickIndex = -1;
    private long lastTickMillis = Long.MIN_VALUE;
    private Map<String, AwrSnapshot.SqlStat> lastSql = Map.of();

    private WorkloadRepository(ActorContext<Command> context, AwrSettings settings, NodeInfo node,
            AwrCounters.Source counters, IntFunction<AwrSnapshot.SessionInfo> identities, LongSupplier clock,
            Source<AshSample, ?> ash) {
        super(PersistenceId.ofUniqueId("awr-" + node.instance()),
                SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
        this.context = context;
        this.settings = settings;
        this.node = node;
        this.counters = counters;
        this.identities = identities;
        this.clock = clock;
        ActorRef<Command> self = context.getSelf();
        this.ashSubscription = settings.captureAshAggregation()
                ? ash.viaMat(KillSwitches.single(), Keep.right())
                        .toMat(Sink.foreach(s -> self.tell(new AshArrived(s))), Keep.left())
                        .run(Materializer.matFromSystem(context.getSystem()))
                : null;
    }

    /**
     * The repository of node {@code node}, persisted as {@code awr-<instance>}.
     *
     * @param ash the live ASH samples ({@link io.rustydb.sampling.ash.ActiveSessionHistory#stream()})
     * @param clock wall-clock milliseconds (retention and snapshot times)
     */
    public static Behavior<Command> create(AwrSettings settings, NodeInfo node, AwrCounters.Source counters,
            IntFunction<AwrSnapshot.SessionInfo> identities, Source<AshSample, ?> ash, LongSupplier clock) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            if (settings.enabled()) {
                timers.startTimerAtFixedRate(Tick.INSTANCE, settings.snapshotInterval());
            }
            return new WorkloadRepository(context, settings, node, counters, identities, clock, ash);
        }));
    }

    @Override
    public AwrState emptyState() {
        return AwrState.empty();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(settings.stateSnapshotEvery(), 2).withDeleteEventsOnSnapshot();
    }

    @Override
    public CommandHandler<Command, AwrEvent, AwrState> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(AshArrived.class, this::onAsh)
                .onCommand(TakeSnapshot.class, this::onTakeSnapshot)
                .onCommand(Tick.class, this::onTick)
                .onCommand(CreateBaseline.class, this::onCreateBaseline)
                .onCommand(DropBaseline.class, this::onDropBaseline)
                .onCommand(Purge.class, this::onPurge)
                .onCommand(GetState.class, this::onGetState)
                .build();
    }

    @Override
    public EventHandler<AwrState, AwrEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(AwrState::apply);
    }

    @Override
    public SignalHandler<AwrState> signalHandler() {
        return newSignalHandlerBuilder().onSignal(PostStop.instance(), state -> {
            if (ashSubscription != null) {
                ashSubscription.shutdown();
            }
        }).build();
    }

    private Effect<AwrEvent, AwrState> onAsh(AwrState state, AshArrived arrived) {
        AshSample s = arrived.sample();
        if (s.sampleTimeMillis() != lastTickMillis) {
            lastTickMillis = s.sampleTimeMillis();
            tickIndex++;
        }
        if (tickIndex % settings.ashSampleRatio() != 0) {
            return Effect().none();
        }
        if (pending.size() >= settings.maxAshSamples()) {
            dropped++;
        } else {
            pending.add(settings.ashSampleRatio() == 1 ? s : weighted(s, settings.ashSampleRatio()));
        }
        return Effect().none();
    }

    private Effect<AwrEvent, AwrState> onTakeSnapshot(AwrState state, TakeSnapshot command) {
        if (!settings.enabled()) {
            command.replyTo().tell(StatusReply.error(new AwrException(AwrException.Kind.DISABLED,
                    "AWR is disabled (rustydb.awr.enabled = false)")));
            return Effect().none();
        }
        return capture(state, AwrSnapshot.MANUAL).thenReply(command.replyTo(),
                next -> StatusReply.success(next.latest().orElseThrow()));
    }

    private Effect<AwrEvent, AwrState> onTick(AwrState state, Tick tick) {
        return capture(state, AwrSnapshot.SCHEDULED).thenNoReply();
    }

    private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<AwrEvent, AwrState> capture(AwrState state,
            String trigger) {
        long now = clock.getAsLong();
        AwrCounters read = counters.read(settings);
        Map<String, AwrSnapshot.SqlStat> cumulative = new HashMap<>();
        List<AwrSnapshot.SqlStat> interval = new ArrayList<>();
        for (AwrSnapshot.SqlStat s : read.sql()) {
            cumulative.put(s.sqlId(), s);
            AwrSnapshot.SqlStat delta = s.since(lastSql.get(s.sqlId()));
            if (delta.executions() > 0) {
                interval.add(delta);
            }
        }
        AwrSnapshot previous = state.latest().filter(p -> p.startupMillis() == node.startupMillis()).orElse(null);
        long begin = previous != null ? previous.endMillis() : node.startupMillis();
        List<AshSample> samples = List.copyOf(pending);
        AwrSnapshot snapshot = new AwrSnapshot(state.nextSnapshotId(), node.instance(), node.version(),
                node.startupMillis(), begin, now, trigger, read.system(), interval, read.waits(), read.io(),
                read.bufferPool(), samples, settings.ashSampleRatio(), dropped, sessionsOf(samples));
        AwrEvent taken = new AwrEvent.SnapshotTaken(snapshot);
        List<AwrEvent> events = new ArrayList<>();
        events.add(taken);
        events.addAll(retention(state.apply(taken), now));
        int size = samples.size();
        long droppedNow = dropped;
        return Effect().persist(events).thenRun(next -> {
            lastSql = cumulative;
            pending.subList(0, Math.min(size, pending.size())).clear();
            dropped -= droppedNow;
            LOG.info("AWR snapshot {} taken ({}, {} statements, {} ASH samples)", snapshot.snapshotId(), trigger,
                    interval.size(), size);
        });
    }

    private Effect<AwrEvent, AwrState> onPurge(AwrState state, Purge command) {
        List<AwrEvent> events = retention(state, clock.getAsLong());
        List<Long> purged = new ArrayList<>();
        events.forEach(e -> {
            if (e instanceof AwrEvent.SnapshotsPurged p) {
                purged.addAll(p.snapshotIds());
            }
        });
        if (events.isEmpty()) {
            command.replyTo().tell(purged);
            return Effect().none();
        }
        return Effect().persist(events).thenReply(command.replyTo(), next -> purged);
    }

    /** The events that apply the retention to {@code state} at {@code now}: expired baselines, then old snapshots. */
    private List<AwrEvent> retention(AwrState state, long now) {
        List<AwrEvent> events = new ArrayList<>();
        AwrState s = state;
        for (String name : state.expiredBaselines(now)) {
            AwrEvent dropped = new AwrEvent.BaselineDropped(name, true);
            events.add(dropped);
            s = s.apply(dropped);
        }
        List<Long> ids = s.purgeable(now - settings.retention().toMillis());
        if (!ids.isEmpty()) {
            events.add(new AwrEvent.SnapshotsPurged(ids, now));
        }
        return events;
    }

    private Effect<AwrEvent, AwrState> onCreateBaseline(AwrState state, CreateBaseline c) {
        try {
            String name = c.name() == null ? "" : c.name().strip();
            if (name.isEmpty() || name.length() > 128) {
                throw AwrException.invalid("a baseline name must have 1 to 128 characters");
            }
            if (state.baselines().containsKey(name)) {
                throw new AwrException(AwrException.Kind.CONFLICT, "baseline '" + name + "' already exists");
            }
            String type = c.type() == null ? "STATIC" : c.type().strip().toUpperCase(Locale.ROOT);
            if (!type.equals("STATIC")) {
                throw AwrException.invalid("baseline_type must be 'STATIC', got '" + c.type() + "'");
            }
            state.range(c.startSnapshotId(), c.endSnapshotId());
            long now = clock.getAsLong();
            Baseline baseline = new Baseline(name, c.startSnapshotId(), c.endSnapshotId(), c.description(), type, now,
                    now + settings.baselineRetention().toMillis());
            return Effect().persist(new AwrEvent.BaselineCreated(baseline))
                    .thenReply(c.replyTo(), next -> StatusReply.success(baseline));
        } catch (AwrException e) {
            c.replyTo().tell(StatusReply.error(e));
            return Effect().none();
        }
    }

    private Effect<AwrEvent, AwrState> onDropBaseline(AwrState state, DropBaseline c) {
        Baseline baseline = state.baselines().get(c.name());
        if (baseline == null) {
            c.replyTo().tell(StatusReply.error(AwrException.notFound("baseline '" + c.name() + "' does not exist")));
            return Effect().none();
        }
        return Effect().persist(new AwrEvent.BaselineDropped(c.name(), false))
                .thenReply(c.replyTo(), next -> StatusReply.success(baseline));
    }

    private Effect<AwrEvent, AwrState> onGetState(AwrState state, GetState command) {
        command.replyTo().tell(state);
        return Effect().none();
    }

    private List<AwrSnapshot.SessionInfo> sessionsOf(List<AshSample> samples) {
        Set<Integer> ids = new LinkedHashSet<>();
        Map<Integer, AwrSnapshot.SessionInfo> known = new LinkedHashMap<>();
        for (AshSample s : samples) {
            known.putIfAbsent(s.sessionId(), new AwrSnapshot.SessionInfo(s.sessionId(), s.user(), s.program(),
                    s.clientAddress()));
            if (s.blockingSession() != 0) {
                ids.add(s.blockingSession());
            }
        }
        for (int id : ids) {
            if (!known.containsKey(id)) {
                AwrSnapshot.SessionInfo info = identities.apply(id);
                if (info != null) {
                    known.put(id, info);
                }
            }
        }
        return List.copyOf(known.values());
    }

    private static AshSample weighted(AshSample s, int ratio) {
        return new AshSample(s.sampleId(), s.sampleTimeMillis(), s.weightMillis() * ratio, s.sessionId(),
                s.sessionSerial(), s.user(), s.program(), s.clientAddress(), s.loginTimeMillis(), s.sqlId(),
                s.sqlText(), s.sqlExecId(), s.planHash(), s.sessionState(), s.waitClass(), s.waitEvent(), s.waitId(),
                s.timeWaitedMicros(), s.blockingSession(), s.currentObject(), s.tablespace(), s.cpuNanos(),
                s.dbNanos());
    }
}
