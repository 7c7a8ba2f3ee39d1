package io.rustydb.sampling.awr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.rustydb.common.session.WaitEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository's commands, events and state, on Pekko's in-memory journal with Kryo serialization checked. */
class WorkloadRepositoryTest {
    private static final long DAY = 86_400_000L;
    private static final ActorTestKit KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
            .withFallback(ConfigFactory.load()));

    /** Commands never leave the node; events and the state are checked to survive Kryo serialization. */
    private static final EventSourcedBehaviorTestKit.SerializationSettings LOCAL_COMMANDS =
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false);

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final AtomicReference<AwrCounters> counters = new AtomicReference<>();
    private EventSourcedBehaviorTestKit<WorkloadRepository.Command, AwrEvent, AwrState> kit;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        counters.set(counters(10, 100, List.of(Fixtures.sql("a", 5, 50, 20, 100, 10, 5, 5))));
        kit = EventSourcedBehaviorTestKit.create(KIT.system(), repository(AwrSettings.defaults().withAshSampleRatio(2)),
                LOCAL_COMMANDS);
        kit.clear();
    }


    private org.apache.pekko.actor.typed.Behavior<WorkloadRepository.Command> repository(AwrSettings settings) {
        return WorkloadRepository.create(settings, new WorkloadRepository.NodeInfo("t" + System.nanoTime(), "1.0",
                clock.get() - 1000), s -> counters.get(), id -> new AwrSnapshot.SessionInfo(id, "blocker", "psql", null),
                Source.empty(), clock::get);
    }

    private static AwrCounters counters(long queries, long commits, List<AwrSnapshot.SqlStat> sql) {
        return new AwrCounters(Fixtures.system(queries, queries * 2, commits, 1), sql,
                List.of(Fixtures.wait("log file sync", "Commit", commits, commits / 10)), null, null);
    }

    private AwrSnapshot take() {
        var result = kit.<StatusReply<AwrSnapshot>>runCommand(WorkloadRepository.TakeSnapshot::new);
        assertTrue(result.reply().isSuccess(), () -> String.valueOf(result.reply()));
        return result.reply().getValue();
    }

    @Test
    void captureHoldsTheCountersAndTheStatementsOfTheInterval() {
        AwrSnapshot first = take();
        assertEquals(1, first.snapshotId());
        assertEquals(10, first.system().queries());
        assertEquals(5, first.sql().get(0).executions());
        assertEquals(clock.get() - 1000, first.beginMillis());

        clock.addAndGet(60_000);
        counters.set(counters(25, 130, List.of(Fixtures.sql("a", 8, 80, 29, 160, 12, 8, 8),
                Fixtures.sql("b", 0, 0, 0, 0, 0, 0, 0))));
        var result = kit.<StatusReply<AwrSnapshot>>runCommand(WorkloadRepository.TakeSnapshot::new);
        AwrSnapshot second = result.reply().getValue();
        assertInstanceOf(AwrEvent.SnapshotTaken.class, result.event());
        assertEquals(2, second.snapshotId());
        assertEquals(first.endMillis(), second.beginMillis());
        // a ran 3 more times; b never ran and is not kept
        assertEquals(1, second.sql().size());
        AwrSnapshot.SqlStat a = second.sql().get(0);
        assertEquals(3, a.executions());
        assertEquals(30_000_000, a.elapsedNanos());
        assertEquals(9_000_000, a.cpuNanos());
        assertEquals(60, a.bufferGets());
        assertEquals(8, a.executionsTotal());
        assertEquals(List.of(1L, 2L), result.state().snapshots().stream().map(AwrSnapshot::snapshotId).toList());
        assertEquals(3, result.state().nextSnapshotId());
    }

    @Test
    void keepsOneAshTickInRatioWeightedByIt() {
        long t = clock.get();
        kit.runCommand(new WorkloadRepository.AshArrived(Fixtures.sample(1, t, 1001, "a", null, 0)));
        kit.runCommand(new WorkloadRepository.AshArrived(Fixtures.sample(2, t, 1002, "b",
                WaitEvent.ROW_LOCK_CONTENTION, 1003)));
        kit.runCommand(new WorkloadRepository.AshArrived(Fixtures.sample(3, t + 1000, 1001, "a", null, 0)));
        kit.runCommand(new WorkloadRepository.AshArrived(Fixtures.sample(4, t + 2000, 1001, "a", null, 0)));
        AwrSnapshot s = take();
        // ticks 0 and 2 of three are kept, every session of a kept tick, each weighing two ticks
        assertEquals(List.of(1L, 2L, 4L), s.ash().stream().map(x -> x.sampleId()).toList());
        assertEquals(2000, s.ash().get(0).weightMillis());
        // the blocker, not sampled, is named from the session identities
        assertTrue(s.sessions().stream().anyMatch(i -> i.sessionId() == 1003 && i.user().equals("blocker")));
        // the next snapshot starts an empty interval
        assertEquals(0, take().ash().size());
    }

    @Test
    void baselinesAreValidatedCreatedAndDropped() {
        take();
        take();
        take();
        var created = kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.CreateBaseline("monday", 1, 2,
                "normal", "static", r));
        assertTrue(created.reply().isSuccess());
        assertEquals(new AwrEvent.BaselineCreated(created.reply().getValue()), created.event());
        assertEquals("STATIC", created.state().baselines().get("monday").type());
        assertEquals(clock.get() + 90 * DAY, created.reply().getValue().expiresMillis());

        assertRefused(AwrException.Kind.CONFLICT, "monday", 1, 3, "STATIC");
        assertRefused(AwrException.Kind.INVALID, "reversed", 3, 1, "STATIC");
        assertRefused(AwrException.Kind.INVALID, "single", 2, 2, "STATIC");
        assertRefused(AwrException.Kind.NOT_FOUND, "unknown", 1, 9, "STATIC");
        assertRefused(AwrException.Kind.INVALID, "moving", 1, 3, "MOVING_WINDOW");
        assertRefused(AwrException.Kind.INVALID, " ", 1, 3, "STATIC");

        var dropped = kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.DropBaseline("monday", r));
        assertEquals(new AwrEvent.BaselineDropped("monday", false), dropped.event());
        assertTrue(dropped.state().baselines().isEmpty());
        var again = kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.DropBaseline("monday", r));
        assertTrue(again.hasNoEvents());
        assertEquals(AwrException.Kind.NOT_FOUND, ((AwrException) again.reply().getError()).kind());
    }

    private void assertRefused(AwrException.Kind kind, String name, long start, long end, String type) {
        var result = kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.CreateBaseline(name, start, end,
                null, type, r));
        assertTrue(result.hasNoEvents());
        assertTrue(result.reply().isError());
        assertEquals(kind, ((AwrException) result.reply().getError()).kind(), result.reply().getError().getMessage());
    }

    @Test
    void retentionPurgesOldSnapshotsButKeepsThoseInABaselineUntilItExpires() {
        for (int i = 0; i < 4; i++) {
            take();
            clock.addAndGet(DAY);
        }
        kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.CreateBaseline("b", 2, 3, null, null, r));
        clock.addAndGet(27 * DAY);
        // snapshot 1 is 31 days old, 2 and 3 are older than 30 days minus one but 2..3 are in the baseline
        var purge = kit.<List<Long>>runCommand(WorkloadRepository.Purge::new);
        assertEquals(List.of(1L), purge.reply());
        assertEquals(new AwrEvent.SnapshotsPurged(List.of(1L), clock.get()), purge.event());
        clock.addAndGet(5 * DAY);
        // a capture applies the retention too: 4 is old and not in the baseline
        var taken = kit.<StatusReply<AwrSnapshot>>runCommand(WorkloadRepository.TakeSnapshot::new);
        assertEquals(List.of(2L, 3L, 5L), taken.state().snapshots().stream().map(AwrSnapshot::snapshotId).toList());
        // the baseline expires 90 days after creation, and its snapshots go with it
        clock.addAndGet(60 * DAY);
        var expired = kit.<List<Long>>runCommand(WorkloadRepository.Purge::new);
        assertEquals(List.of(new AwrEvent.BaselineDropped("b", true),
                new AwrEvent.SnapshotsPurged(List.of(2L, 3L, 5L), clock.get())), expired.events());
        assertEquals(List.of(2L, 3L, 5L), expired.reply());
        assertTrue(expired.state().snapshots().isEmpty());
        assertEquals(6, expired.state().nextSnapshotId());
    }

    @Test
    void stateSurvivesARestart() {
        // the state is saved every 2 events: recovery starts from a saved state and replays the rest
        AwrSettings d = AwrSettings.defaults();
        kit = EventSourcedBehaviorTestKit.create(KIT.system(), repository(new AwrSettings(true, d.snapshotInterval(),
                d.retention(), d.baselineRetention(), 1, 100, true, true, true, true, true, 2)), LOCAL_COMMANDS);
        take();
        take();
        kit.<StatusReply<Baseline>>runCommand(r -> new WorkloadRepository.CreateBaseline("b", 1, 2, "d", null, r));
        AwrState before = kit.getState();
        var restarted = kit.restart();
        assertEquals(before, restarted.state());
        assertEquals(3, take().snapshotId());
    }

    @Test
    void takesSnapshotsOnSchedule() {
        AwrSettings d = AwrSettings.defaults();
        var repository = KIT.spawn(repository(new AwrSettings(true, Duration.ofSeconds(1), d.retention(),
                d.baselineRetention(), 1, 100, true, true, true, true, true, 50)));
        var probe = KIT.<AwrState>createTestProbe();
        AwrState state = probe.awaitAssert(Duration.ofSeconds(10), () -> {
            repository.tell(new WorkloadRepository.GetState(probe.getRef()));
            AwrState s = probe.receiveMessage();
            assertEquals(2, s.snapshots().size());
            return s;
        });
        assertEquals(List.of(AwrSnapshot.SCHEDULED, AwrSnapshot.SCHEDULED),
                state.snapshots().stream().map(AwrSnapshot::trigger).toList());
        KIT.stop(repository);
    }

    @Test
    void disabledRefusesSnapshots() {
        AwrSettings off = new AwrSettings(false, Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofDays(90), 10,
                100, true, true, true, true, true, 50);
        var disabled = EventSourcedBehaviorTestKit.<WorkloadRepository.Command, AwrEvent, AwrState>create(KIT.system(),
                repository(off), LOCAL_COMMANDS);
        var result = disabled.<StatusReply<AwrSnapshot>>runCommand(WorkloadRepository.TakeSnapshot::new);
        assertTrue(result.hasNoEvents());
        assertEquals(AwrException.Kind.DISABLED, ((AwrException) result.reply().getError()).kind());
        assertEquals(Map.of(), disabled.getState().baselines());
    }
}
