package io.rustydb.sampling.ash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.common.session.WaitTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveSessionHistoryTest {
    static final AshSettings SETTINGS = new AshSettings(true, Duration.ofMillis(50), 100, Duration.ofHours(1), true,
            true, true, true);

    private final WaitTotals totals = new WaitTotals();

    private SessionState session(int id) {
        return new SessionState(id, "alice", "db", "10.0.0.1:5000", Instant.ofEpochSecond(1_700_000_000), totals);
    }

    @Test
    void samplesActiveSessionsWithTheirWaitsAndSkipsIdleOnes() {
        ActiveSessionHistory ash = new ActiveSessionHistory(SETTINGS, null);
        SessionState holder = session(1);
        holder.statementStarted("UPDATE t SET v = 1 WHERE id = 1", "sqlA");
        holder.becameIdle(SessionStatus.IDLE_IN_TRANSACTION);
        SessionState blocked = session(2);
        blocked.statementStarted("UPDATE t SET v = 2 WHERE id = 1", "sqlB");
        blocked.beginWait(WaitEvent.ROW_LOCK_CONTENTION, 1, "t");
        SessionState busy = session(3);
        busy.statementStarted("SELECT count(*) FROM big", "sqlC");
        SessionState reading = session(4);
        reading.statementStarted("COPY t FROM STDIN", "sqlD");
        reading.beginWait(WaitEvent.CLIENT_READ, 0, null);

        assertEquals(2, ash.sample(List.of(holder, blocked, busy, reading), 10_000, 50));
        List<AshSample> samples = ash.buffer().select(s -> true);
        AshSample b = samples.get(0);
        assertEquals(2, b.sessionId());
        assertEquals(AshSample.BLOCKED, b.sessionState());
        assertEquals(WaitClass.APPLICATION, b.waitClass());
        assertEquals(WaitEvent.ROW_LOCK_CONTENTION, b.waitEvent());
        assertEquals(1, b.blockingSession());
        assertEquals("sqlB", b.sqlId());
        assertEquals("t", b.currentObject(), "a wait names its object");
        assertEquals(50, b.weightMillis());
        AshSample c = samples.get(1);
        assertEquals(AshSample.ON_CPU, c.sessionState());
        assertEquals(WaitClass.CPU, c.waitClass());
        assertEquals("SELECT count(*) FROM big", c.sqlText());

        blocked.endWait();
        assertEquals(1, blocked.waitCount(WaitEvent.ROW_LOCK_CONTENTION));
        assertEquals(1, totals.count(WaitEvent.ROW_LOCK_CONTENTION));
        assertTrue(ash.identity(1).isPresent(), "an idle session's identity is known too");
    }

    @Test
    void captureFlagsLeaveOutWhatIsNotCaptured() {
        ActiveSessionHistory ash = new ActiveSessionHistory(new AshSettings(true, Duration.ofSeconds(1), 100,
                Duration.ofHours(1), false, false, false, false), null);
        SessionState s = session(7);
        s.statementStarted("SELECT 1", "id1");
        s.beginWait(WaitEvent.ROW_LOCK_CONTENTION, 3, null);
        ash.sample(List.of(s), 1000, 1000);
        AshSample sample = ash.buffer().newest();
        assertNull(sample.sqlText());
        assertNull(sample.waitEvent());
        assertEquals(WaitClass.APPLICATION, sample.waitClass());
        assertEquals(AshSample.WAITING, sample.sessionState());
        assertEquals(0, sample.blockingSession());
        assertEquals(-1, sample.cpuNanos());
    }

    @Test
    void retentionDropsOldSamplesAndEndedSessions() {
        ActiveSessionHistory ash = new ActiveSessionHistory(new AshSettings(true, Duration.ofSeconds(1), 100,
                Duration.ofSeconds(10), true, true, true, true), null);
        SessionState s = session(9);
        s.statementStarted("SELECT 1", "id1");
        ash.sample(List.of(s), 1_000, 1000);
        ash.sessionsEnded(List.of(), 1_000);
        assertTrue(ash.identity(9).orElseThrow().ended());
        ash.sample(List.of(), 20_000, 1000);
        assertEquals(0, ash.buffer().size());
        assertEquals(1, ash.buffer().expired());
        assertTrue(ash.identity(9).isEmpty());
    }

    @Test
    void sessionsEndingBetweenTicksAreMarkedEndedAndTheOthersStayLive() {
        ActiveSessionHistory ash = new ActiveSessionHistory(new AshSettings(true, Duration.ofSeconds(1), 100,
                Duration.ofSeconds(10), true, true, true, true), null);
        SessionState a = session(1);
        SessionState b = session(2);
        ash.sample(List.of(a, b), 1_000, 1000);
        ash.sessionsEnded(List.of(a, b), 1_000);
        assertFalse(ash.identity(1).orElseThrow().ended());
        assertFalse(ash.identity(2).orElseThrow().ended());
        // b ends; c connects
        SessionState c = session(3);
        ash.sample(List.of(a, c), 2_000, 1000);
        ash.sessionsEnded(List.of(a, c), 2_000);
        assertFalse(ash.identity(1).orElseThrow().ended());
        assertTrue(ash.identity(2).orElseThrow().ended());
        assertEquals(2_000, ash.identity(2).orElseThrow().lastSeenMillis());
        assertFalse(ash.identity(3).orElseThrow().ended());
        // a ends too: the count of live identities follows
        ash.sample(List.of(c), 2_500, 500);
        ash.sessionsEnded(List.of(c), 2_500);
        assertTrue(ash.identity(1).orElseThrow().ended());
        assertFalse(ash.identity(3).orElseThrow().ended());
        assertEquals(3, ash.identities().size());
    }
}
