package io.rustydb.monitoring.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SqlStatisticsTest {

    private static SqlStatistics store(int max, Duration profileInterval) {
        return SqlStatistics.create(new StatementStatsSettings(max, profileInterval, false, 1000, false, false));
    }

    private static ExecutionSample sample(long micros) {
        ExecutionSample s = new ExecutionSample();
        s.elapsedNanos = micros * 1000;
        return s;
    }

    @Test
    void totalsMeanExtremesAndPercentilesOfKnownTimes() {
        SqlStatistics store = store(10, Duration.ofMinutes(1));
        SqlStatistics.Entry e = store.entry("a", "select $1", 1_000);
        // 1, 2, ..., 1000 ms: p50 = 500, p95 = 950, p99 = 990 ms
        for (int ms = 1000; ms >= 1; ms--) {
            ExecutionSample s = sample(ms * 1000L);
            s.rowsReturned = 2;
            s.rowsExamined = 10;
            s.failed = ms % 100 == 0;
            e.record(s);
        }
        SqlStatSnapshot st = store.get("a").orElseThrow();
        assertEquals(1000, st.executions());
        assertEquals(10, st.errors());
        assertEquals(500_500.0, st.totalTimeMs(), 1e-6);
        assertEquals(500.5, st.avgTimeMs(), 1e-9);
        assertEquals(1.0, st.minTimeMs(), 1e-9);
        assertEquals(1000.0, st.maxTimeMs(), 1e-9);
        // HdrHistogram with two significant digits: within 1% of the exact value
        assertEquals(500, st.p50TimeMs(), 5.0);
        assertEquals(950, st.p95TimeMs(), 9.5);
        assertEquals(990, st.p99TimeMs(), 9.9);
        assertTrue(st.p99TimeMs() <= st.maxTimeMs());
        assertEquals(2000, st.rowsReturned());
        assertEquals(2.0, st.rowsReturnedAvg(), 1e-9);
        assertEquals(10_000, st.rowsExamined());
        assertEquals("select $1", st.sqlText());
        assertEquals(1_000, st.firstSeenMillis());
    }

    @Test
    void aSingleExecutionIsEveryPercentile() {
        SqlStatistics store = store(10, Duration.ofMinutes(1));
        store.entry("a", "x", 0).record(sample(1234));
        SqlStatSnapshot st = store.get("a").orElseThrow();
        assertEquals(1.234, st.p50TimeMs(), 1e-9);
        assertEquals(1.234, st.p99TimeMs(), 1e-9, "never above the maximum");
        assertEquals(1.234, st.maxTimeMs(), 1e-9);
    }

    @Test
    void anEntryNotYetExecutedHasNoTimes() {
        SqlStatistics store = store(10, Duration.ofMinutes(1));
        store.entry("a", "x", 5);
        SqlStatSnapshot st = store.get("a").orElseThrow();
        assertEquals(0, st.executions());
        assertTrue(Double.isNaN(st.avgTimeMs()) && Double.isNaN(st.p95TimeMs()) && Double.isNaN(st.maxTimeMs()));
    }

    @Test
    void evictsTheLeastRecentlySeenWhenFull() {
        SqlStatistics store = store(40, Duration.ofMinutes(1));
        for (int i = 0; i < 40; i++) {
            store.entry("s" + i, "t" + i, 1_000 + i).record(sample(10));
        }
        store.entry("s0", "t0", 5_000); // seen again: now the most recent
        assertEquals(40, store.size());
        assertEquals(0, store.evictions());
        SqlStatistics.Entry s1 = store.entry("s1", "t1", 1_001);
        store.entry("new", "n", 6_000);
        // 5% of 40 = 2 go: the two least recently seen, s1 and s2 (s0 was seen again)
        assertEquals(39, store.size());
        assertEquals(2, store.evictions());
        assertTrue(store.get("s1").isEmpty() && store.get("s2").isEmpty());
        assertTrue(store.get("s0").isPresent() && store.get("s3").isPresent() && store.get("new").isPresent());
        assertTrue(s1.evicted());
        SqlStatistics.Entry again = store.entry("s1", "t1", 7_000);
        assertNotSame(s1, again);
        assertEquals(0, store.get("s1").orElseThrow().executions(), "an evicted statement starts over");
    }

    @Test
    void keepsTheFirstCharactersOfALongText() {
        SqlStatistics store = store(10, Duration.ofMinutes(1));
        store.entry("a", "x".repeat(SqlStatistics.MAX_TEXT + 10), 0);
        assertEquals(SqlStatistics.MAX_TEXT, store.get("a").orElseThrow().sqlText().length());
    }

    @Test
    void profilesTheFirstExecutionThenOncePerIntervalAndAfterACatalogChange() {
        SqlStatistics store = store(10, Duration.ofSeconds(60));
        SqlStatistics.Entry e = store.entry("a", "x", 0);
        long t = 1_000_000_000L;
        assertTrue(e.claimProfile(t, 7));
        assertFalse(e.claimProfile(t + 1, 7), "already claimed");
        e.profileAbandoned(); // never profiled: the next execution tries again
        assertTrue(e.claimProfile(t + 2, 7));
        QueryProfile profile = QueryProfile.of("a", "x",
                new PlanNode("SeqScan", "t", null, List.of(), 10.0, 10.0, 10L, 1L, 0.5, List.of()), sample(500));
        e.profiled(profile);
        assertSame(profile, store.profile("a").orElseThrow());
        assertFalse(e.claimProfile(t + TimeUnit.SECONDS.toNanos(59), 7));
        assertTrue(e.claimProfile(t + 3, 8), "the catalog changed: the plan may have");
        e.profileAbandoned(); // a profile exists: the interval counts from this claim
        assertSame(profile, e.profile());
        assertFalse(e.claimProfile(t + 4, 8));
        assertTrue(e.claimProfile(t + 3 + TimeUnit.SECONDS.toNanos(60), 8));
        assertEquals(0, store.get("a").orElseThrow().lastProfiledMillis(), "sample(500) started at 0");
    }

    @Test
    void profileWaitEventsAreOnlyThoseThatHappened() {
        ExecutionSample s = sample(2000);
        s.lockWaits = 1;
        s.lockWaitNanos = 1_500_000;
        s.commits = 1;
        s.commitNanos = 250_000;
        QueryProfile p = QueryProfile.of("a", "x", new PlanNode("Insert", "t", null, null, null, null, null, null,
                null, null), s);
        assertEquals(List.of(new WaitEvent("TABLE_LOCK", 1.5, 1), new WaitEvent("COMMIT", 0.25, 1)), p.waitEvents());
        assertNull(p.stats().cpuTimeMs());
        assertNull(p.stats().ioTimeMs());
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        SqlStatistics store = store(50, Duration.ofMinutes(1));
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger claims = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    ExecutionSample s = new ExecutionSample();
                    for (int i = 0; i < perThread; i++) {
                        // every thread records the shared statement and statements of its own,
                        // more than the store keeps, so eviction runs concurrently with recording
                        SqlStatistics.Entry shared = store.entry("shared", "s", 1_000_000 + i); // always the most recent
                        if (shared.claimProfile(0, 1)) {
                            claims.incrementAndGet();
                        }
                        s.reset();
                        s.elapsedNanos = 1000 + i;
                        s.rowsReturned = 1;
                        shared.record(s);
                        store.entry("own" + thread + "-" + (i % 20), "o", i).record(s);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        SqlStatSnapshot shared = store.get("shared").orElseThrow();
        assertEquals((long) threads * perThread, shared.executions());
        assertEquals((long) threads * perThread, shared.rowsReturned());
        assertEquals(1, claims.get(), "one profile claim among all threads");
        assertTrue(store.size() <= 50 + threads, "bounded: " + store.size());
        assertTrue(store.evictions() > 0);
    }
}
