package io.rustydb.sampling.ash;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.japi.Pair;

/**
 * A node's Active Session History: the current settings, the ring buffer, the identities of the
 * sessions seen (kept for the retention after they end), the sampling statistics and the live
 * sample stream. {@link AshSampler} calls {@link #sample} on every tick; the REST API, the
 * {@code v$} views and the AWR actor read from here.
 */
public final class ActiveSessionHistory {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();
    /** How often a live session's last-seen time is refreshed, and ended identities are purged. */
    private static final long IDENTITY_REFRESH_MILLIS = 1000;
    private final AtomicReference<AshSettings> settings;
    private final AshBuffer buffer;
    private final Map<Integer, SessionIdentity> identities = new ConcurrentHashMap<>();
    private final AtomicLong nextSampleId = new AtomicLong(1);
    private final LongAdder ticks = new LongAdder();
    private final LongAdder samplingNanos = new LongAdder();
    private final LongAdder samplingCpuNanos = new LongAdder();
    /** Identities not marked ended: when it equals the live sessions' count, none ended since the last tick. */
    private int liveIdentities;
    private long lastHousekeepingMillis;
    private final AtomicLong lastTickNanos = new AtomicLong();
    private final AtomicLong maxTickNanos = new AtomicLong();
    private final long startedMillis = System.currentTimeMillis();
    private volatile long lastTickMillis;
    /** Each tick's samples enter the stream as one element: one hand-over per tick, not per sample. */
    private final BoundedSourceQueue<List<AshSample>> queue;
    private final Source<AshSample, NotUsed> stream;
    private final LongAdder streamDropped = new LongAdder();
    private volatile java.util.function.IntFunction<String> objectNames = id -> null;

    /** Who a session was: resolvable for the retention after it ends. */
    public record SessionIdentity(int sessionId, String user, String program, String clientAddress,
            long loginTimeMillis, long lastSeenMillis, boolean ended) {
    }

    /**
     * @param materializer runs the sample stream; null for a history without one (tests)
     */
    public ActiveSessionHistory(AshSettings settings, Materializer materializer) {
        this.settings = new AtomicReference<>(settings);
        this.buffer = new AshBuffer(settings.maxSamples());
        if (materializer != null) {
            @SuppressWarnings("unchecked")
            Class<List<AshSample>> batches = (Class<List<AshSample>>) (Class<?>) List.class;
            Pair<BoundedSourceQueue<List<AshSample>>, Source<List<AshSample>, NotUsed>> hub =
                    Source.<List<AshSample>>queue(256).toMat(BroadcastHub.of(batches, 256), Keep.both())
                            .run(materializer);
            this.queue = hub.first();
            // a consumer that is always there: without subscribers the hub would hold samples back
            hub.second().runWith(Sink.ignore(), materializer);
            this.stream = hub.second().mapConcat(batch -> batch);
        } else {
            this.queue = null;
            this.stream = Source.empty();
        }
    }

    /** How storage object ids in waits are named (tables and indexes, from the catalog; null if unknown). */
    public void objectNames(java.util.function.IntFunction<String> names) {
        this.objectNames = names;
    }

    public AshSettings settings() {
        return settings.get();
    }

    /** Applies new settings (the ring buffer keeps its newest samples that fit). */
    public void settings(AshSettings next) {
        settings.set(next);
        buffer.resize(next.maxSamples());
    }

    public AshBuffer buffer() {
        return buffer;
    }

    /** The live samples, as they are taken. A subscriber that falls behind loses samples, never slows sampling. */
    public Source<AshSample, NotUsed> stream() {
        return stream;
    }

    /**
     * One tick: records every non-idle session (active and not waiting in an idle-class wait)
     * and returns how many samples were taken.
     *
     * @param weightMillis the time since the previous tick
     */
    public int sample(Collection<SessionState> sessions, long nowMillis, long weightMillis) {
        long started = System.nanoTime();
        long cpuStarted = CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : -1;
        AshSettings s = settings.get();
        int taken = 0;
        List<AshSample> tick = queue == null ? null : new ArrayList<>();
        Map<Integer, String> names = new java.util.HashMap<>(); // object names, looked up once per tick
        for (SessionState state : sessions) {
            SessionIdentity known = identities.get(state.sessionId());
            if (known == null || nowMillis - known.lastSeenMillis() >= IDENTITY_REFRESH_MILLIS) {
                // last seen to the second is enough for a retention in hours
                if (identities.put(state.sessionId(), identity(state, nowMillis, false)) == null) {
                    liveIdentities++;
                }
            }
            AshSample sample = sampleOf(state, s, nowMillis, weightMillis, names);
            if (sample != null) {
                buffer.append(sample);
                if (tick != null) {
                    tick.add(sample);
                }
                taken++;
            }
        }
        if (tick != null && !tick.isEmpty()
                && queue.offer(tick) != org.apache.pekko.stream.QueueOfferResult.enqueued()) {
            streamDropped.add(tick.size());
        }
        long oldest = nowMillis - s.retention().toMillis();
        buffer.expireBefore(oldest);
        if (nowMillis - lastHousekeepingMillis >= IDENTITY_REFRESH_MILLIS) {
            identities.values().removeIf(i -> i.ended() && i.lastSeenMillis() < oldest);
            lastHousekeepingMillis = nowMillis;
        }
        long cost = System.nanoTime() - started;
        if (cpuStarted >= 0) {
            samplingCpuNanos.add(Math.max(0, THREADS.getCurrentThreadCpuTime() - cpuStarted));
        }
        ticks.increment();
        samplingNanos.add(cost);
        lastTickNanos.set(cost);
        maxTickNanos.accumulateAndGet(cost, Math::max);
        lastTickMillis = nowMillis;
        return taken;
    }

    /**
     * Marks the sessions not in {@code live} as ended at {@code nowMillis} (their identity stays
     * for the retention).
     */
    public void sessionsEnded(Collection<SessionState> live, long nowMillis) {
        if (liveIdentities == live.size()) {
            return; // every identity not marked ended is a live session's: none ended
        }
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        live.forEach(s -> ids.add(s.sessionId()));
        identities.replaceAll((id, i) -> ids.contains(id) || i.ended() ? i
                : new SessionIdentity(i.sessionId(), i.user(), i.program(), i.clientAddress(), i.loginTimeMillis(),
                        Math.max(i.lastSeenMillis(), nowMillis), true));
        int count = 0;
        for (SessionIdentity i : identities.values()) {
            if (!i.ended()) {
                count++;
            }
        }
        liveIdentities = count;
    }

    private AshSample sampleOf(SessionState state, AshSettings s, long nowMillis, long weightMillis,
            Map<Integer, String> names) {
        if (state.status() != SessionStatus.ACTIVE) {
            return null;
        }
        SessionState.Wait wait = state.currentWait();
        if (wait != null && wait.event().idle()) {
            return null;
        }
        // with capture_wait_events off a waiting session is still WAITING in its wait class, without the event
        boolean waits = wait != null && s.captureWaitEvents();
        int blocking = wait != null && s.captureBlockingSessions() ? wait.blockingSessionNow() : 0;
        String sessionState = wait == null ? AshSample.ON_CPU : blocking != 0 ? AshSample.BLOCKED : AshSample.WAITING;
        long waited = wait == null ? 0 : Math.max(0, (System.nanoTime() - wait.startNanos()) / 1000);
        int objectId = wait != null && wait.objectId() != 0 ? wait.objectId() : state.currentObject();
        String object = wait != null && wait.object() != null ? wait.object()
                : objectId == 0 ? null : names.computeIfAbsent(objectId, this::objectName);
        return new AshSample(nextSampleId.getAndIncrement(), nowMillis, weightMillis, state.sessionId(),
                state.loginTime().getEpochSecond(), state.user(), state.applicationName(), state.clientAddress(),
                state.loginTime().toEpochMilli(), state.sqlId(), s.captureSqlText() ? state.sqlText() : null,
                state.statementCount(), state.planHash(), sessionState,
                wait == null ? io.rustydb.common.session.WaitClass.CPU : wait.event().waitClass(), waits ? wait.event() : null,
                waits ? wait.startNanos() : 0, waits ? waited : 0, blocking, object, state.currentTablespace(),
                s.captureResourceUsage() ? state.cpuNanos() : -1, s.captureResourceUsage() ? state.dbNanos() : -1);
    }

    private String objectName(int objectId) {
        return objectId == 0 ? null : objectNames.apply(objectId);
    }

    private static SessionIdentity identity(SessionState state, long nowMillis, boolean ended) {
        return new SessionIdentity(state.sessionId(), state.user(), state.applicationName(), state.clientAddress(),
                state.loginTime().toEpochMilli(), nowMillis, ended);
    }

    /** The identity of a live or recently ended session. */
    public Optional<SessionIdentity> identity(int sessionId) {
        return Optional.ofNullable(identities.get(sessionId));
    }

    public List<SessionIdentity> identities() {
        return new ArrayList<>(identities.values());
    }

    /** Sampling statistics. */
    /**
     * Sampling statistics; {@code totalSamplingNanos}, {@code lastTickNanos} and {@code maxTickNanos}
     * are elapsed times of ticks (a descheduled sampler thread counts its wait), {@code
     * totalSamplingCpuNanos} the sampler thread's CPU time in them (-1 where the JVM cannot tell).
     */
    public record Stats(long ticks, long samples, int buffered, int capacity, long overwritten, long expired,
            long oldestMillis, long newestMillis, long totalSamplingNanos, long lastTickNanos, long maxTickNanos,
            long lastTickMillis, long startedMillis, long streamDropped, long totalSamplingCpuNanos) {
    }

    public Stats stats() {
        AshSample oldest = buffer.oldest();
        AshSample newest = buffer.newest();
        return new Stats(ticks.sum(), buffer.appended(), buffer.size(), buffer.capacity(), buffer.overwritten(),
                buffer.expired(), oldest == null ? 0 : oldest.sampleTimeMillis(),
                newest == null ? 0 : newest.sampleTimeMillis(), samplingNanos.sum(), lastTickNanos.get(),
                maxTickNanos.get(), lastTickMillis, startedMillis, streamDropped.sum(),
                CPU_CLOCK ? samplingCpuNanos.sum() : -1);
    }
}
