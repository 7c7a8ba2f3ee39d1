package io.rustydb.sampling.awr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A current range of snapshots against a baseline: rates per second (they compare across ranges of
 * different lengths), wait classes per second, statements' time per execution, and the current
 * range's findings.
 */
public record AwrComparison(Side baseline, Side current, List<Change> loadProfile, List<Change> waitClasses,
        List<SqlChange> sql, List<AwrReport.Finding> currentFindings) {

    /** One side: its name (the baseline's) and range. */
    public record Side(String name, long startSnapshotId, long endSnapshotId, String beginTime, String endTime,
            double elapsedSeconds, double dbTimeMs) {
    }

    /** A figure per second in both ranges and the change in percent (null when the baseline's is 0). */
    public record Change(String name, double baselinePerSecond, double currentPerSecond, Double changePercent) {
    }

    /** A statement's elapsed time per execution and executions per second in both ranges (null where it did not run). */
    public record SqlChange(String sqlId, Double baselineElapsedPerExecMs, Double currentElapsedPerExecMs,
            Double baselineExecutionsPerSecond, Double currentExecutionsPerSecond, Double changePercent,
            String sqlText) {
    }

    public static AwrComparison of(Baseline baseline, AwrReport base, AwrReport now) {
        Side b = side(baseline.name(), base);
        Side c = side(null, now);
        List<Change> load = new ArrayList<>();
        Map<String, AwrReport.Rate> baseRates = new LinkedHashMap<>();
        base.loadProfile().forEach(r -> baseRates.put(r.name(), r));
        for (AwrReport.Rate r : now.loadProfile()) {
            AwrReport.Rate old = baseRates.get(r.name());
            if (old != null) {
                load.add(change(r.name(), old.perSecond(), r.perSecond()));
            }
        }
        List<Change> waits = new ArrayList<>();
        if (base.waitEvents() != null && now.waitEvents() != null) {
            Map<String, Double> old = new HashMap<>();
            base.waitEvents().classes().forEach(w -> old.put(w.waitClass(), w.timeMs() / b.elapsedSeconds()));
            Map<String, Double> cur = new LinkedHashMap<>();
            now.waitEvents().classes().forEach(w -> cur.put(w.waitClass(), w.timeMs() / c.elapsedSeconds()));
            old.keySet().forEach(k -> cur.putIfAbsent(k, 0.0));
            cur.forEach((k, v) -> {
                if (!k.equals("Idle")) {
                    waits.add(change(k + " (ms)", old.getOrDefault(k, 0.0), v));
                }
            });
        }
        Map<String, AwrReport.SqlRow> oldSql = new LinkedHashMap<>();
        base.topSqlByElapsedTime().forEach(s -> oldSql.put(s.sqlId(), s));
        Map<String, AwrReport.SqlRow> newSql = new LinkedHashMap<>();
        now.topSqlByElapsedTime().forEach(s -> newSql.put(s.sqlId(), s));
        List<SqlChange> sql = new ArrayList<>();
        newSql.forEach((id, s) -> sql.add(sqlChange(id, oldSql.get(id), s, b, c)));
        oldSql.forEach((id, s) -> {
            if (!newSql.containsKey(id)) {
                sql.add(sqlChange(id, s, null, b, c));
            }
        });
        return new AwrComparison(b, c, load, waits, sql, now.findings());
    }

    private static Side side(String name, AwrReport r) {
        AwrReport.Summary s = r.summary();
        return new Side(name, s.startSnapshotId(), s.endSnapshotId(), s.beginTime(), s.endTime(), s.elapsedSeconds(),
                s.dbTimeMs());
    }

    private static Change change(String name, double before, double after) {
        return new Change(name, round(before), round(after), before == 0 ? null : round(100.0 * (after - before) / before));
    }

    private static SqlChange sqlChange(String id, AwrReport.SqlRow old, AwrReport.SqlRow cur, Side b, Side c) {
        Double before = old == null ? null : old.elapsedPerExecMs();
        Double after = cur == null ? null : cur.elapsedPerExecMs();
        return new SqlChange(id, before, after, old == null ? null : round(old.executions() / b.elapsedSeconds()),
                cur == null ? null : round(cur.executions() / c.elapsedSeconds()),
                before == null || after == null || before == 0 ? null : round(100.0 * (after - before) / before),
                cur != null ? cur.sqlText() : old.sqlText());
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
