package io.rustydb.sampling.awr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.WaitEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports are pure functions of snapshots: deltas, resets, orderings and the renderings' shape. */
class AwrReportTest {
    private static final long T0 = 1_700_000_000_000L;

    private static AwrSnapshot snap(long id, long startup, long end, long queries, long dbMs, long commits,
            List<AwrSnapshot.SqlStat> sql, long syncWaits, long syncMs, long hits, long misses) {
        return Fixtures.snapshot(id, startup, end, Fixtures.system(queries, dbMs, commits, 0), sql,
                List.of(Fixtures.wait("log file sync", "Commit", syncWaits, syncMs),
                        Fixtures.wait("enq: TX - row lock contention", "Application", 0, 0)), hits, misses);
    }

    @Test
    void deltasOfCumulativeCountersOverTheRange() {
        List<AwrSnapshot> range = List.of(
                snap(1, T0, T0 + 10_000, 100, 1_000, 50, List.of(), 50, 100, 1000, 10),
                snap(2, T0, T0 + 20_000, 300, 3_000, 80, List.of(Fixtures.sql("a", 200, 1500, 900, 5000, 50, 200, 200)),
                        80, 160, 6000, 60),
                snap(3, T0, T0 + 30_000, 600, 5_000, 130, List.of(Fixtures.sql("a", 100, 500, 300, 2000, 5, 100, 100),
                        Fixtures.sql("b", 10, 1000, 100, 100, 90, 10, 50_000)), 130, 260, 9000, 160));
        AwrReport r = AwrReportBuilder.build(range);
        assertEquals(20.0, r.summary().elapsedSeconds());
        assertEquals(4_000.0, r.summary().dbTimeMs());
        assertEquals(rate(r, "Queries"), new AwrReport.Rate("Queries", 500, 25, 6.25));
        assertEquals(80, r.transactions().commits());
        assertEquals(8000 + 150, r.bufferPool().gets());
        assertEquals(150, r.bufferPool().misses());
        AwrReport.WaitEventRow sync = r.waitEvents().events().get(0);
        assertEquals("log file sync", sync.event());
        assertEquals(80, sync.waits());
        assertEquals(160.0, sync.timeMs());
        assertEquals(2.0, sync.avgWaitMs());
        assertEquals(80L, sync.histogram().get(2));
        // statements: a's two intervals summed
        AwrReport.SqlRow a = r.topSqlByElapsedTime().get(0);
        assertEquals("a", a.sqlId());
        assertEquals(300, a.executions());
        assertEquals(2000.0, a.elapsedMs());
        assertEquals(1200.0, a.cpuMs());
        assertEquals(50.0, a.percentOfDbTime());
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void topListsOrderByTheirOwnFigure() {
        List<AwrSnapshot.SqlStat> sql = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // elapsed grows with i, CPU falls with i, physical reads only for even i
            sql.add(Fixtures.sql("s" + i, 1, 100 + i, 100 - i, 1000 + 10 * i, i % 2 == 0 ? i : 0, 1, 1));
        }
        AwrReport r = AwrReportBuilder.build(List.of(snap(1, T0, T0 + 1000, 0, 0, 0, List.of(), 0, 0, 0, 0),
                snap(2, T0, T0 + 2000, 12, 2000, 0, sql, 0, 0, 0, 0)));
        assertEquals(List.of("s11", "s10", "s9", "s8", "s7", "s6", "s5", "s4", "s3", "s2"),
                r.topSqlByElapsedTime().stream().map(AwrReport.SqlRow::sqlId).toList());
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"),
                r.topSqlByCpuTime().stream().map(AwrReport.SqlRow::sqlId).toList());
        assertEquals("s11", r.topSqlByBufferGets().get(0).sqlId());
        // a statement without physical reads is not in their top list
        assertEquals(List.of("s10", "s8", "s6", "s4", "s2"),
                r.topSqlByPhysicalReads().stream().map(AwrReport.SqlRow::sqlId).toList());
    }

    @Test
    void aRestartInTheRangeIsAResetNeverANegativeDelta() {
        long restart = T0 + 25_000;
        List<AwrSnapshot> range = List.of(
                snap(1, T0, T0 + 10_000, 100, 1000, 10, List.of(), 10, 10, 100, 10),
                snap(2, T0, T0 + 20_000, 300, 3000, 30, List.of(), 30, 30, 300, 30),
                // the node restarted: its counters count from zero again
                snap(3, restart, T0 + 30_000, 40, 400, 4, List.of(), 4, 4, 40, 4),
                snap(4, restart, T0 + 40_000, 90, 900, 9, List.of(), 9, 9, 90, 9));
        AwrReport r = AwrReportBuilder.build(range);
        // 200 before the restart, 40 from the restart to snapshot 3, 50 after
        assertEquals(290.0, rate(r, "Queries").total());
        assertEquals(29, r.transactions().commits());
        assertEquals(29, r.waitEvents().events().get(0).waits());
        assertEquals(1, r.summary().restarts().size());
        assertEquals(2, r.summary().restarts().get(0).afterSnapshotId());
        assertTrue(r.notes().get(0).contains("restarted"), r.notes().toString());
        assertTrue(TextReport.render(r).contains("restarted"));
        // a counter that went down in one incarnation (a statement store evicted and recreated) counts from zero too
        assertEquals(5, Deltas.of(List.of(range.get(1), withQueries(range.get(1), 5)), s -> s.system().queries()));
    }

    private static AwrSnapshot withQueries(AwrSnapshot s, long queries) {
        return new AwrSnapshot(s.snapshotId() + 1, s.instance(), s.version(), s.startupMillis(), s.endMillis(),
                s.endMillis() + 1000, s.trigger(), Fixtures.system(queries, 0, 0, 0), s.sql(), s.waits(), s.io(),
                s.bufferPool(), s.ash(), s.ashSampleRatio(), 0, s.sessions());
    }

    @Test
    void rangesAreValidated() {
        AwrState state = AwrState.empty()
                .apply(new AwrEvent.SnapshotTaken(snap(1, T0, T0 + 1000, 0, 0, 0, List.of(), 0, 0, 0, 0)))
                .apply(new AwrEvent.SnapshotTaken(snap(2, T0, T0 + 2000, 0, 0, 0, List.of(), 0, 0, 0, 0)));
        assertEquals(AwrException.Kind.INVALID, assertThrows(AwrException.class, () -> AwrService.report(state, 2, 1)).kind());
        assertEquals(AwrException.Kind.INVALID, assertThrows(AwrException.class, () -> AwrService.report(state, 1, 1)).kind());
        assertEquals(AwrException.Kind.NOT_FOUND, assertThrows(AwrException.class, () -> AwrService.report(state, 1, 7)).kind());
        assertEquals(AwrException.Kind.NOT_FOUND, assertThrows(AwrException.class, () -> AwrService.report(state, 0, 2)).kind());
        assertEquals(2, AwrService.report(state, 1, 2).summary().endSnapshotId());
    }

    @Test
    void findingsNameTheFullScanAndTheLockBlocker() {
        AwrSnapshot.SqlStat scan = new AwrSnapshot.SqlStat("scan1", "SELECT * FROM orders WHERE customer = $1", 10, 0,
                3_000_000_000L, 2_000_000_000L, 0, 5000, 10, 0, 10, 0, 1_000_000, 0, 0, 10, 3_000_000_000L,
                List.of("orders (Filter: (customer = $1))"));
        AwrSnapshot end = snap(2, T0, T0 + 61_000, 20, 4_000, 10, List.of(scan), 10, 10, 100, 10);
        List<AwrSnapshot.WaitStat> waits = List.of(Fixtures.wait("log file sync", "Commit", 10, 10),
                Fixtures.wait("enq: TX - row lock contention", "Application", 2, 900));
        List<io.rustydb.sampling.ash.AshSample> samples = List.of(
                Fixtures.sample(1, T0 + 30_000, 1002, "upd", WaitEvent.ROW_LOCK_CONTENTION, 1001),
                Fixtures.sample(2, T0 + 31_000, 1002, "upd", WaitEvent.ROW_LOCK_CONTENTION, 1001));
        end = new AwrSnapshot(end.snapshotId(), end.instance(), end.version(), end.startupMillis(), end.beginMillis(),
                end.endMillis(), end.trigger(), end.system(), end.sql(), waits, end.io(), end.bufferPool(), samples, 1,
                0, List.of(new AwrSnapshot.SessionInfo(1001, "alice", "batch", null)));
        AwrReport r = AwrReportBuilder.build(List.of(snap(1, T0, T0 + 1000, 0, 0, 0, List.of(), 0, 0, 0, 0), end));
        AwrReport.Finding first = r.findings().get(0);
        assertEquals("SQL", first.category());
        assertEquals(List.of("scan1"), first.sqlIds());
        assertEquals(List.of("orders"), first.objects());
        assertTrue(first.recommendation().contains("index"), first.recommendation());
        AwrReport.Finding lock = r.findings().stream().filter(f -> f.category().equals("Application")).findFirst()
                .orElseThrow();
        assertEquals(List.of(1001, 1002), lock.sessions());
        assertEquals(List.of("upd"), lock.sqlIds());
        assertEquals(List.of("orders"), lock.objects());
        assertTrue(lock.evidence().contains("alice"), lock.evidence());
        assertEquals(1001, r.ash().blockingChains().get(0).blockingSession());
    }

    @Test
    void textFitsOneHundredThirtyTwoColumnsAndHtmlIsOnePage() {
        List<AwrSnapshot.SqlStat> sql = List.of(new AwrSnapshot.SqlStat("x".repeat(40), "SELECT " + "y".repeat(500), 1, 0,
                1_000_000, -1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1_000_000, List.of()));
        AwrReport r = AwrReportBuilder.build(List.of(snap(1, T0, T0 + 1000, 0, 0, 0, List.of(), 0, 0, 0, 0),
                snap(2, T0, T0 + 2000, 1, 1, 1, sql, 1, 1, 1, 1)));
        String text = TextReport.render(r);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 132, line.length() + ": " + line);
        }
        for (String section : List.of("1. Report Summary", "2. Load Profile", "3. Top 10 SQL by Elapsed Time",
                "4. Top 10 SQL by CPU Time", "5. Top 10 SQL by Buffer Gets", "6. Top 10 SQL by Physical Reads",
                "7. Wait Event Statistics", "8. I/O Statistics", "9. Buffer Pool Statistics",
                "10. Transaction Statistics", "Active Session History", "Findings")) {
            assertTrue(text.contains(section), section);
        }
        // CPU was not measured: said so, not shown as zero
        assertNull(r.topSqlByCpuTime());
        assertTrue(text.contains("CPU time per statement was not measured"));
        String html = HtmlReport.render(r);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"));
        assertTrue(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "self-contained");
        assertTrue(html.contains("yyy") && !html.contains("<yyy"));
    }

    private static AwrReport.Rate rate(AwrReport r, String name) {
        return r.loadProfile().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }
}
