package io.rustydb.sampling.awr;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.common.session.WaitTotals;
import io.rustydb.monitoring.BufferPoolStats;
import io.rustydb.monitoring.IoStats;
import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.monitoring.statements.PlanNode;
import io.rustydb.monitoring.statements.QueryProfile;
import io.rustydb.monitoring.statements.SqlStatSnapshot;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.persistence.StorageEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a running node's counters for a snapshot: statement and transaction totals
 * ({@link QueryMetrics}), every statement's statistics ({@link SqlStatistics}), the wait totals
 * and histograms ({@link WaitTotals}), file I/O ({@link IoStats}) and the buffer pool
 * ({@link BufferPoolStats}) from RocksDB's statistics, and the sessions connected.
 */
public final class LiveCounters implements AwrCounters.Source {
    private final StorageEngine storage;
    private final QueryMetrics queries;
    private final SqlStatistics statements;
    private final WaitTotals waits;
    private final Supplier<Collection<SessionState>> sessions;

    public LiveCounters(StorageEngine storage, QueryMetrics queries, SqlStatistics statements, WaitTotals waits,
            Supplier<Collection<SessionState>> sessions) {
        this.storage = storage;
        this.queries = queries;
        this.statements = statements;
        this.waits = waits;
        this.sessions = sessions;
    }

    @Override
    public AwrCounters read(AwrSettings settings) {
        QueryMetrics.QueryTotals q = queries.queryTotals();
        QueryMetrics.TransactionTotals t = queries.transactionTotals();
        Collection<SessionState> live = sessions.get();
        int active = 0;
        for (SessionState s : live) {
            if (s.status() == SessionStatus.ACTIVE) {
                active++;
            }
        }
        AwrSnapshot.SystemStats system = new AwrSnapshot.SystemStats(q.queries(), q.errors(), q.nanos(),
                t.committed(), t.rolledBack(), t.nanos(), t.deadlocks(), live.size(), active);
        List<AwrSnapshot.SqlStat> sql = settings.captureSqlStats() ? sql() : List.of();
        List<AwrSnapshot.WaitStat> waitStats = settings.captureWaitEvents() ? waits() : List.of();
        AwrSnapshot.IoStat io = settings.captureIoStats() ? io(IoStats.read(storage)) : null;
        AwrSnapshot.BufferPool pool = null;
        if (settings.captureBufferPoolStats()) {
            BufferPoolStats b = BufferPoolStats.read(storage);
            pool = new AwrSnapshot.BufferPool(b.sizeBytes(), b.usedBytes(), b.dirtyBytes(), b.pageSize(), b.hits(),
                    b.misses(), b.blocksWritten());
        }
        return new AwrCounters(system, sql, waitStats, io, pool);
    }

    private List<AwrSnapshot.SqlStat> sql() {
        List<AwrSnapshot.SqlStat> out = new ArrayList<>();
        for (SqlStatSnapshot s : statements.snapshot()) {
            long elapsed = nanos(s.totalTimeMs());
            List<String> scans = new ArrayList<>();
            QueryProfile profile = statements.profile(s.sqlId()).orElse(null);
            if (profile != null) {
                fullScans(profile.plan(), null, scans);
            }
            out.add(new AwrSnapshot.SqlStat(s.sqlId(), s.sqlText(), s.executions(), s.errors(), elapsed,
                    Double.isNaN(s.cpuTimeMs()) ? -1 : nanos(s.cpuTimeMs()), nanos(s.ioWaitTimeMs()),
                    s.cacheHits() + s.cacheMisses(), s.cacheMisses(), s.bytesRead(), s.rowsReturned(),
                    s.rowsAffected(), s.rowsExamined(), nanos(s.lockTimeMs()), nanos(s.commitTimeMs()),
                    s.executions(), elapsed, List.copyOf(scans)));
        }
        return out;
    }

    /** The full table scans of a plan, with the filter applied right above them (a Filter over a SeqScan). */
    private static void fullScans(PlanNode node, PlanNode parent, List<String> out) {
        if (node == null) {
            return;
        }
        if ("SeqScan".equals(node.operator()) && node.table() != null) {
            List<String> details = new ArrayList<>(node.details());
            if (parent != null && "Filter".equals(parent.operator())) {
                details.addAll(parent.details());
            }
            String filter = details.stream().filter(d -> d.startsWith("Filter")).findFirst().orElse(null);
            out.add(filter == null ? node.table() : node.table() + " (" + filter + ")");
        }
        node.children().forEach(c -> fullScans(c, node, out));
    }

    private List<AwrSnapshot.WaitStat> waits() {
        List<AwrSnapshot.WaitStat> out = new ArrayList<>();
        for (WaitEvent e : WaitEvent.values()) {
            List<Long> histogram = new ArrayList<>();
            for (long b : waits.histogram(e)) {
                histogram.add(b);
            }
            out.add(new AwrSnapshot.WaitStat(e.label(), e.waitClass().label(), waits.count(e), waits.timeouts(e),
                    waits.nanos(e), histogram));
        }
        return out;
    }

    private static AwrSnapshot.IoStat io(IoStats s) {
        return new AwrSnapshot.IoStat(file(s.data()), file(s.wal()), s.reads().count(), s.reads().sumMicros(),
                s.writes().count(), s.writes().sumMicros());
    }

    private static AwrSnapshot.FileIo file(IoStats.FileIo f) {
        return new AwrSnapshot.FileIo(f.reads(), f.writes(), f.syncs(), f.bytesRead(), f.bytesWritten());
    }

    private static long nanos(double millis) {
        return Math.round(millis * 1_000_000);
    }
}
