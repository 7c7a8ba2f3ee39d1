package io.rustydb.sampling.awr;

import io.rustydb.common.session.WaitTotals;
import io.rustydb.sampling.ash.ActiveSessionHistory;
import io.rustydb.sampling.ash.AshReports;
import io.rustydb.sampling.ash.AshSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Computes an {@link AwrReport} from the snapshots of a range: a pure function of them. */
public final class AwrReportBuilder {
    static final int TOP = 10;

    private AwrReportBuilder() {
    }

    /** The report over {@code range} (two or more snapshots, in id order). */
    public static AwrReport build(List<AwrSnapshot> range) {
        if (range.size() < 2) {
            throw AwrException.invalid("a report needs two snapshots");
        }
        AwrSnapshot first = range.get(0);
        AwrSnapshot last = range.get(range.size() - 1);
        double seconds = Math.max(0.001, (last.endMillis() - first.endMillis()) / 1000.0);
        long dbTimeNanos = Deltas.of(range, s -> s.system().dbTimeNanos());
        double dbTimeMs = dbTimeNanos / 1e6;
        List<String> notes = new ArrayList<>();
        List<AwrReport.Restart> restarts = new ArrayList<>();
        for (int i = 1; i < range.size(); i++) {
            if (Deltas.reset(range.get(i - 1), range.get(i))) {
                restarts.add(new AwrReport.Restart(range.get(i - 1).snapshotId(), range.get(i).snapshotId(),
                        Instant.ofEpochMilli(range.get(i).startupMillis()).toString()));
                notes.add("The node restarted at " + Instant.ofEpochMilli(range.get(i).startupMillis()) + " between snapshots "
                        + range.get(i - 1).snapshotId() + " and " + range.get(i).snapshotId()
                        + ": counters were reset and count from the restart; activity between snapshot "
                        + range.get(i - 1).snapshotId() + " and the restart is not included.");
            }
        }
        long gaps = last.snapshotId() - first.snapshotId() + 1 - range.size();
        if (gaps > 0) {
            notes.add(gaps + " snapshot(s) inside the range were purged: statement figures of their intervals are "
                    + "missing (counter deltas are still exact).");
        }
        AwrReport.Summary summary = new AwrReport.Summary(last.instance(), last.version(), first.snapshotId(),
                last.snapshotId(), Instant.ofEpochMilli(first.endMillis()).toString(),
                Instant.ofEpochMilli(last.endMillis()).toString(), seconds, round(dbTimeMs), range.size(),
                first.system().sessions(), last.system().sessions(), restarts);

        List<AwrSnapshot.SqlStat> sql = Deltas.sql(range);
        long commits = Deltas.of(range, s -> s.system().commits());
        long rollbacks = Deltas.of(range, s -> s.system().rollbacks());
        long transactions = commits + rollbacks;
        AwrReport.BufferPool pool = bufferPool(range);
        List<AwrReport.Rate> load = new ArrayList<>();
        load.add(rate("DB time (s)", dbTimeMs / 1000, seconds, transactions));
        load.add(rate("Queries", Deltas.of(range, s -> s.system().queries()), seconds, transactions));
        load.add(rate("Query errors", Deltas.of(range, s -> s.system().queryErrors()), seconds, transactions));
        load.add(rate("Transactions", transactions, seconds, transactions));
        if (pool != null) {
            load.add(rate("Logical reads (blocks)", pool.gets(), seconds, transactions));
            load.add(rate("Physical reads (blocks)", pool.misses(), seconds, transactions));
        }
        if (!sql.isEmpty()) {
            load.add(rate("Rows returned", sum(sql, AwrSnapshot.SqlStat::rowsReturned), seconds, transactions));
            load.add(rate("Rows written", sum(sql, AwrSnapshot.SqlStat::rowsAffected), seconds, transactions));
            load.add(rate("Rows examined", sum(sql, AwrSnapshot.SqlStat::rowsExamined), seconds, transactions));
        }

        AwrReport.Waits waits = waits(range, dbTimeMs);
        List<AwrReport.TimeShare> distribution = new ArrayList<>();
        boolean cpuMeasured = sql.stream().anyMatch(s -> s.cpuNanos() >= 0);
        if (cpuMeasured) {
            double cpu = sql.stream().mapToLong(s -> Math.max(0, s.cpuNanos())).sum() / 1e6;
            distribution.add(new AwrReport.TimeShare("DB CPU", round(cpu), pct(cpu, dbTimeMs)));
        }
        if (waits != null) {
            for (AwrReport.WaitClassRow c : waits.classes()) {
                if (!c.waitClass().equals("Idle")) {
                    distribution.add(new AwrReport.TimeShare(c.waitClass(), c.timeMs(), c.percentOfDbTime()));
                }
            }
        }
        distribution.sort(Comparator.comparingDouble(AwrReport.TimeShare::timeMs).reversed());

        AwrReport.Transactions tx = new AwrReport.Transactions(commits, rollbacks,
                Deltas.of(range, s -> s.system().deadlocks()), round(transactions / seconds),
                transactions == 0 ? null : round(Deltas.of(range, s -> s.system().transactionNanos()) / 1e6 / transactions),
                transactions == 0 ? null : round(100.0 * rollbacks / transactions));
        AwrReport.Ash ash = ash(range);
        List<AwrReport.SqlRow> byElapsed = top(sql, s -> s.elapsedNanos(), dbTimeMs);
        AwrReport report = new AwrReport(summary, load, distribution, byElapsed,
                cpuMeasured ? top(sql.stream().filter(s -> s.cpuNanos() >= 0).toList(), s -> s.cpuNanos(), dbTimeMs)
                        : null,
                top(sql, s -> s.bufferGets(), dbTimeMs), top(sql, s -> s.physicalReads(), dbTimeMs), waits, io(range, seconds),
                pool, tx, ash, List.of(), notes);
        if (!cpuMeasured && !sql.isEmpty()) {
            notes.add("CPU time per statement was not measured (rustydb.monitoring.sql_cpu_time = off): "
                    + "the Top SQL by CPU Time section is left out.");
        }
        return new AwrReport(summary, load, distribution, byElapsed, report.topSqlByCpuTime(),
                report.topSqlByBufferGets(), report.topSqlByPhysicalReads(), waits, report.io(), pool, tx, ash,
                Findings.of(report, sql, dbTimeMs, samplesOf(range)), notes);
    }

    private static AwrReport.Rate rate(String name, double total, double seconds, long transactions) {
        return new AwrReport.Rate(name, round(total), round(total / seconds),
                transactions == 0 ? null : round(total / transactions));
    }

    private static long sum(List<AwrSnapshot.SqlStat> sql, java.util.function.ToLongFunction<AwrSnapshot.SqlStat> f) {
        return sql.stream().mapToLong(f).sum();
    }

    private static List<AwrReport.SqlRow> top(List<AwrSnapshot.SqlStat> sql, ToDoubleFunction<AwrSnapshot.SqlStat> key,
            double dbTimeMs) {
        List<AwrSnapshot.SqlStat> sorted = new ArrayList<>(sql);
        sorted.removeIf(s -> key.applyAsDouble(s) <= 0);
        sorted.sort(Comparator.comparingDouble(key).reversed().thenComparing(AwrSnapshot.SqlStat::sqlId));
        List<AwrReport.SqlRow> out = new ArrayList<>();
        for (AwrSnapshot.SqlStat s : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            out.add(row(s, dbTimeMs));
        }
        return out;
    }

    static AwrReport.SqlRow row(AwrSnapshot.SqlStat s, double dbTimeMs) {
        double elapsed = s.elapsedNanos() / 1e6;
        return new AwrReport.SqlRow(s.sqlId(), s.executions(), round(elapsed),
                round(s.executions() == 0 ? 0 : elapsed / s.executions()),
                s.cpuNanos() < 0 ? null : round(s.cpuNanos() / 1e6),
                s.ioWaitNanos() < 0 ? null : round(s.ioWaitNanos() / 1e6), s.bufferGets(), s.physicalReads(),
                s.rowsReturned(), s.rowsAffected(), s.rowsExamined(), pct(elapsed, dbTimeMs), s.sqlText());
    }

    private static AwrReport.Waits waits(List<AwrSnapshot> range, double dbTimeMs) {
        AwrSnapshot last = range.get(range.size() - 1);
        if (last.waits().isEmpty() || range.stream().anyMatch(s -> s.waits().isEmpty())) {
            return null;
        }
        List<AwrReport.WaitEventRow> events = new ArrayList<>();
        Map<String, double[]> classes = new LinkedHashMap<>();
        for (int e = 0; e < last.waits().size(); e++) {
            AwrSnapshot.WaitStat w = last.waits().get(e);
            String name = w.event();
            long count = Deltas.of(range, s -> wait(s, name).waits());
            long timeouts = Deltas.of(range, s -> wait(s, name).timeouts());
            double ms = Deltas.of(range, s -> wait(s, name).waitNanos()) / 1e6;
            List<Long> histogram = new ArrayList<>();
            for (int b = 0; b < w.histogram().size(); b++) {
                int bucket = b;
                histogram.add(Deltas.of(range, s -> bucketOf(wait(s, name), bucket)));
            }
            double[] c = classes.computeIfAbsent(w.waitClass(), k -> new double[2]);
            c[0] += count;
            c[1] += ms;
            if (count > 0) {
                boolean idle = w.waitClass().equals("Idle");
                events.add(new AwrReport.WaitEventRow(name, w.waitClass(), count, timeouts, round(ms),
                        round(ms / count), idle ? null : pct(ms, dbTimeMs), histogram));
            }
        }
        events.sort(Comparator.comparing((AwrReport.WaitEventRow r) -> r.waitClass().equals("Idle"))
                .thenComparing(Comparator.comparingDouble(AwrReport.WaitEventRow::timeMs).reversed()));
        List<AwrReport.WaitClassRow> classRows = new ArrayList<>();
        classes.forEach((name, c) -> {
            if (c[0] > 0) {
                classRows.add(new AwrReport.WaitClassRow(name, (long) c[0], round(c[1]),
                        name.equals("Idle") ? null : pct(c[1], dbTimeMs)));
            }
        });
        classRows.sort(Comparator.comparingDouble(AwrReport.WaitClassRow::timeMs).reversed());
        List<String> buckets = new ArrayList<>();
        for (int b = 0; b < WaitTotals.BUCKETS; b++) {
            buckets.add(b == WaitTotals.BUCKETS - 1 ? ">=" + (1L << (b - 1)) + "ms" : "<" + (1L << b) + "ms");
        }
        return new AwrReport.Waits(classRows, events, buckets);
    }

    private static final AwrSnapshot.WaitStat NO_WAITS = new AwrSnapshot.WaitStat("", "", 0, 0, 0, List.of());

    private static AwrSnapshot.WaitStat wait(AwrSnapshot s, String event) {
        for (AwrSnapshot.WaitStat w : s.waits()) {
            if (w.event().equals(event)) {
                return w;
            }
        }
        return NO_WAITS;
    }

    private static long bucketOf(AwrSnapshot.WaitStat w, int bucket) {
        return bucket < w.histogram().size() ? w.histogram().get(bucket) : 0;
    }

    private static AwrReport.Io io(List<AwrSnapshot> range, double seconds) {
        if (!Deltas.all(range, AwrSnapshot::io)) {
            return null;
        }
        List<AwrReport.FileType> files = List.of(
                file("Data file", range, seconds, true),
                file("WAL file", range, seconds, false));
        long reads = Deltas.of(range, s -> s.io().timedReads());
        long writes = Deltas.of(range, s -> s.io().timedWrites());
        return new AwrReport.Io(files, reads == 0 ? null : round(Deltas.of(range, s -> s.io().readMicros()) / 1000.0 / reads),
                writes == 0 ? null : round(Deltas.of(range, s -> s.io().writeMicros()) / 1000.0 / writes), reads, writes);
    }

    private static AwrReport.FileType file(String name, List<AwrSnapshot> range, double seconds, boolean data) {
        java.util.function.Function<AwrSnapshot, AwrSnapshot.FileIo> f = s -> data ? s.io().data() : s.io().wal();
        long reads = Deltas.of(range, s -> f.apply(s).reads());
        long writes = Deltas.of(range, s -> f.apply(s).writes());
        long syncs = Deltas.of(range, s -> f.apply(s).syncs());
        long bytesRead = Deltas.of(range, s -> f.apply(s).bytesRead());
        long bytesWritten = Deltas.of(range, s -> f.apply(s).bytesWritten());
        if (!data) {
            // the WAL's "reads" are the records replayed when the node opened: not I/O of the range
            reads = 0;
            bytesRead = 0;
        }
        return new AwrReport.FileType(name, reads, writes, syncs, bytesRead, bytesWritten, round(reads / seconds),
                round(writes / seconds), round(bytesRead / 1048576.0 / seconds), round(bytesWritten / 1048576.0 / seconds));
    }

    private static AwrReport.BufferPool bufferPool(List<AwrSnapshot> range) {
        if (!Deltas.all(range, AwrSnapshot::bufferPool)) {
            return null;
        }
        AwrSnapshot.BufferPool end = range.get(range.size() - 1).bufferPool();
        long hits = Deltas.of(range, s -> s.bufferPool().hits());
        long misses = Deltas.of(range, s -> s.bufferPool().misses());
        return new AwrReport.BufferPool(end.sizeBytes(), end.usedBytes(), end.dirtyBytes(), end.pageSize(),
                hits + misses, hits, misses, hits + misses == 0 ? null : round4((double) hits / (hits + misses)),
                Deltas.of(range, s -> s.bufferPool().blocksWritten()));
    }

    /** The ASH samples of the range's intervals. */
    static List<AshSample> samplesOf(List<AwrSnapshot> range) {
        List<AshSample> samples = new ArrayList<>();
        for (int i = 1; i < range.size(); i++) {
            samples.addAll(range.get(i).ash());
        }
        return samples;
    }

    private static AwrReport.Ash ash(List<AwrSnapshot> range) {
        List<AshSample> samples = samplesOf(range);
        Map<Integer, AwrSnapshot.SessionInfo> sessions = new HashMap<>();
        for (int i = 1; i < range.size(); i++) {
            range.get(i).sessions().forEach(s -> sessions.put(s.sessionId(), s));
        }
        AwrSnapshot last = range.get(range.size() - 1);
        java.util.function.IntFunction<ActiveSessionHistory.SessionIdentity> identities = id -> {
            AwrSnapshot.SessionInfo s = sessions.get(id);
            return s == null ? null
                    : new ActiveSessionHistory.SessionIdentity(id, s.user(), s.program(), s.clientAddress(), 0, 0, false);
        };
        return new AwrReport.Ash(samples.size(), last.ashSampleRatio(), AshReports.dbTimeMillis(samples),
                AshReports.waitClasses(samples), AshReports.topSql(samples, TOP, false),
                AshReports.sessions(samples, TOP), AshReports.blockingChains(samples, TOP, identities));
    }

    static Double pct(double part, double whole) {
        return whole <= 0 ? null : round(100.0 * part / whole);
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
