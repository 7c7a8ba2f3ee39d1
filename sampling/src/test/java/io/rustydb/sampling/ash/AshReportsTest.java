package io.rustydb.sampling.ash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshReportsTest {
    private long nextId = 1;

    private AshSample cpu(int session, long time, long weight, String sql, long exec) {
        return new AshSample(nextId++, time, weight, session, 1, "u" + session, "p", "a", 0, sql, sql + " text", exec, 0,
                AshSample.ON_CPU, WaitClass.CPU, null, 0, 0, 0, null, null, -1, -1);
    }

    private AshSample waiting(int session, long time, long weight, String sql, WaitEvent event, long waitId,
            long waitedMicros, int blocker) {
        return new AshSample(nextId++, time, weight, session, 1, "u" + session, "p", "a", 0, sql, sql + " text", 1, 0,
                blocker == 0 ? AshSample.WAITING : AshSample.BLOCKED, event.waitClass(), event, waitId, waitedMicros,
                blocker, null, null, -1, -1);
    }

    @Test
    void percentagesAreSharesOfDbTimeNotOfSampleCounts() {
        List<AshSample> samples = new ArrayList<>();
        // sql A: 10 samples at 10 ms; sql B: 1 sample at 1000 ms (the interval changed at runtime)
        for (int i = 0; i < 10; i++) {
            samples.add(cpu(1, i * 10, 10, "A", 1));
        }
        samples.add(cpu(2, 2000, 1000, "B", 1));
        List<AshReports.SqlActivity> top = AshReports.topSql(samples, 10, true);
        assertEquals("B", top.get(0).sqlId());
        assertEquals(90.91, top.get(0).percentOfDbTime());
        assertEquals(100, top.get(1).cpuTimeMillis());
        assertEquals(10, top.get(1).samples());
        assertEquals(1, top.get(1).executions());
    }

    @Test
    void waitClassesCountDistinctWaitsAndTheirLongestObservedTime() {
        List<AshSample> samples = new ArrayList<>();
        samples.add(waiting(2, 100, 50, "B", WaitEvent.ROW_LOCK_CONTENTION, 77, 40_000, 1));
        samples.add(waiting(2, 150, 50, "B", WaitEvent.ROW_LOCK_CONTENTION, 77, 90_000, 1));
        samples.add(waiting(3, 150, 50, "C", WaitEvent.LOG_FILE_SYNC, 5, 3_000, 0));
        samples.add(cpu(4, 150, 50, "D", 1));
        List<AshReports.ClassActivity> classes = AshReports.waitClasses(samples);
        AshReports.ClassActivity app = classes.get(0);
        assertEquals(WaitClass.APPLICATION, app.waitClass());
        assertEquals(100, app.waitTimeMillis());
        assertEquals(1, app.waitCount());
        assertEquals(90.0, app.avgWaitMillis());
        assertEquals(50.0, app.percentOfDbTime());
        assertEquals(WaitEvent.ROW_LOCK_CONTENTION, app.events().get(0).event());
    }

    @Test
    void blockingChainsFollowBlockersToTheirRoot() {
        List<AshSample> samples = new ArrayList<>();
        // 3 waits on 2, which waits on 1 (idle in transaction, not sampled)
        samples.add(waiting(2, 100, 50, "B", WaitEvent.ROW_LOCK_CONTENTION, 1, 10_000, 1));
        samples.add(waiting(3, 100, 50, "C", WaitEvent.ROW_LOCK_CONTENTION, 1, 5_000, 2));
        List<AshReports.BlockingChain> chains = AshReports.blockingChains(samples, 10,
                id -> new ActiveSessionHistory.SessionIdentity(id, "holder", "psql", "x", 0, 0, false));
        assertEquals(1, chains.size());
        AshReports.BlockingChain chain = chains.get(0);
        assertEquals(1, chain.blockingSession());
        assertEquals("holder", chain.blockerUser());
        assertEquals(100, chain.blockedTimeMillis());
        assertEquals(List.of(1, 2), chain.blocked().stream().map(AshReports.Blocked::depth).sorted().toList());
    }
}
