package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshReports;
import io.rustydb.sampling.ash.AshSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The findings of a report: the largest causes of DB time in the range, each with the statements,
 * objects and sessions responsible and what to do about it. Derived from the measured figures
 * (statement statistics, wait totals, buffer pool) and, for who blocked whom and which objects were
 * waited on, from the ASH samples kept with the snapshots.
 */
final class Findings {
    /** A cause must account for at least this share of DB time to be reported. */
    static final double MIN_PERCENT = 5.0;
    /** Rows examined per row returned or written above which a full scan is reported as a missing index. */
    static final long SCAN_RATIO = 10;
    private static final int MAX = 8;

    private Findings() {
    }

    static List<AwrReport.Finding> of(AwrReport r, List<AwrSnapshot.SqlStat> sql, double dbTimeMs,
            List<AshSample> samples) {
        List<AwrReport.Finding> out = new ArrayList<>();
        if (dbTimeMs <= 0) {
            return out;
        }
        missingIndexes(sql, dbTimeMs, r, out);
        locks(r, sql, dbTimeMs, samples, out);
        commits(r, sql, dbTimeMs, out);
        userIo(r, sql, dbTimeMs, samples, out);
        if (r.transactions().deadlocks() > 0) {
            out.add(new AwrReport.Finding("Deadlocks", r.transactions().deadlocks() + " deadlock(s)", 0, null,
                    List.of(), List.of(), List.of(), r.transactions().deadlocks()
                            + " transaction(s) were chosen as deadlock victims (SQLSTATE 40P01)",
                    "Make transactions lock rows in one order (for example by primary key) and retry the victims."));
        }
        if (r.waitEvents() != null) {
            for (AwrReport.WaitEventRow e : r.waitEvents().events()) {
                if (e.event().equals("write stall") && share(e.timeMs(), dbTimeMs) >= MIN_PERCENT) {
                    out.add(new AwrReport.Finding("Configuration", "Write stalls", e.timeMs(), e.percentOfDbTime(),
                            List.of(), List.of(), List.of(), e.waits() + " commits waited " + e.timeMs()
                                    + " ms while RocksDB held writes back (flushes or compactions behind)",
                            "Give the WAL and data files faster storage, or spread the write load over time."));
                }
            }
        }
        out.sort(Comparator.comparingDouble(AwrReport.Finding::impactMs).reversed());
        return out.subList(0, Math.min(MAX, out.size()));
    }

    private static void missingIndexes(List<AwrSnapshot.SqlStat> sql, double dbTimeMs, AwrReport r,
            List<AwrReport.Finding> out) {
        for (AwrSnapshot.SqlStat s : sql) {
            double ms = s.elapsedNanos() / 1e6;
            long produced = Math.max(s.executions(), s.rowsReturned() + s.rowsAffected());
            List<String> filtered = s.fullScans().stream().filter(f -> f.contains(" (Filter")).toList();
            if (share(ms, dbTimeMs) < MIN_PERCENT || filtered.isEmpty() || s.rowsExamined() < SCAN_RATIO * produced) {
                continue;
            }
            List<String> tables = new ArrayList<>();
            filtered.forEach(f -> tables.add(f.substring(0, f.indexOf(" ("))));
            out.add(new AwrReport.Finding("SQL", "Full scans by SQL " + s.sqlId() + " (missing index)", round(ms),
                    AwrReportBuilder.pct(ms, dbTimeMs), List.of(s.sqlId()), tables, sessionsOf(r, s.sqlId()),
                    String.format(Locale.ROOT, "%d executions examined %d rows to return or write %d (%.0f per "
                            + "execution); its plan scans %s", s.executions(), s.rowsExamined(),
                            s.rowsReturned() + s.rowsAffected(), (double) s.rowsExamined() / Math.max(1, s.executions()),
                            String.join(", ", filtered)),
                    "Create an index on the filtered column(s) of " + String.join(", ", tables)
                            + " so that the statement reads only the rows it needs: " + abbreviate(s.sqlText())));
        }
    }

    private static void locks(AwrReport r, List<AwrSnapshot.SqlStat> sql, double dbTimeMs, List<AshSample> samples,
            List<AwrReport.Finding> out) {
        double ms = classMs(r, "Application");
        if (share(ms, dbTimeMs) < MIN_PERCENT) {
            return;
        }
        List<String> sqlIds = new ArrayList<>();
        List<Integer> sessions = new ArrayList<>();
        Set<String> objects = new LinkedHashSet<>();
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT, "sessions waited %.0f ms for row and "
                + "table locks", ms));
        String recommendation = "Keep transactions short: commit right after the writes, and never leave a session "
                + "idle in a transaction that holds locks.";
        if (r.ash() != null && !r.ash().blockingChains().isEmpty()) {
            AshReports.BlockingChain chain = r.ash().blockingChains().get(0);
            sessions.add(chain.blockingSession());
            evidence.append(String.format(Locale.ROOT, "; session %d (user %s, program %s) blocked %d session(s) for "
                    + "about %d ms (ASH)", chain.blockingSession(), chain.blockerUser(), chain.blockerProgram(),
                    chain.blocked().size(), chain.blockedTimeMillis()));
            for (AshReports.Blocked b : chain.blocked()) {
                sessions.add(b.sessionId());
                if (b.sqlId() != null && !sqlIds.contains(b.sqlId())) {
                    sqlIds.add(b.sqlId());
                }
            }
            recommendation = "Session " + chain.blockingSession() + " held the locks the others waited for: make its "
                    + "application commit sooner (or end it with ALTER SYSTEM KILL SESSION '" + chain.blockingSession()
                    + "'). " + recommendation;
        }
        objects.addAll(ashObjects(samples, "Application"));
        if (sqlIds.isEmpty()) {
            sql.stream().filter(s -> s.lockWaitNanos() > 0)
                    .sorted(Comparator.comparingLong(AwrSnapshot.SqlStat::lockWaitNanos).reversed()).limit(3)
                    .forEach(s -> sqlIds.add(s.sqlId()));
        }
        out.add(new AwrReport.Finding("Application", "Lock contention", round(ms), AwrReportBuilder.pct(ms, dbTimeMs),
                sqlIds, new ArrayList<>(objects), sessions, evidence.toString(), recommendation));
    }

    private static void commits(AwrReport r, List<AwrSnapshot.SqlStat> sql, double dbTimeMs, List<AwrReport.Finding> out) {
        AwrReport.WaitEventRow sync = event(r, "log file sync");
        if (sync == null || share(sync.timeMs(), dbTimeMs) < MIN_PERCENT) {
            return;
        }
        List<String> sqlIds = sql.stream().filter(s -> s.commitNanos() > 0)
                .sorted(Comparator.comparingLong(AwrSnapshot.SqlStat::commitNanos).reversed()).limit(3)
                .map(AwrSnapshot.SqlStat::sqlId).toList();
        out.add(new AwrReport.Finding("Commit", "Commit latency", sync.timeMs(), sync.percentOfDbTime(), sqlIds,
                List.of(), List.of(), String.format(Locale.ROOT, "%d commits waited %.2f ms on average for the WAL "
                        + "write and fsync (log file sync)", sync.waits(), sync.avgWaitMs()),
                "Commit less often (batch rows per transaction), put the WAL on storage with a fast fsync, or accept "
                        + "losing the last commits on a crash with rustydb.wal.sync_mode = off."));
    }

    private static void userIo(AwrReport r, List<AwrSnapshot.SqlStat> sql, double dbTimeMs, List<AshSample> samples,
            List<AwrReport.Finding> out) {
        double ms = classMs(r, "User I/O");
        if (share(ms, dbTimeMs) < MIN_PERCENT) {
            return;
        }
        List<String> sqlIds = sql.stream().filter(s -> s.physicalReads() > 0)
                .sorted(Comparator.comparingLong(AwrSnapshot.SqlStat::physicalReads).reversed()).limit(3)
                .map(AwrSnapshot.SqlStat::sqlId).toList();
        StringBuilder evidence = new StringBuilder(String.format(Locale.ROOT, "sessions waited %.0f ms reading blocks "
                + "missing from the buffer pool", ms));
        String recommendation = "Index the statements' filters so that they read fewer blocks";
        AwrReport.BufferPool pool = r.bufferPool();
        if (pool != null) {
            long readBytes = pool.misses() * pool.pageSize();
            evidence.append(String.format(Locale.ROOT, "; %d blocks (%d KiB) were read into a buffer pool of %d KiB, "
                    + "hit ratio %s", pool.misses(), readBytes / 1024, pool.sizeBytes() / 1024,
                    pool.hitRatio() == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", pool.hitRatio() * 100)));
            if (readBytes > pool.sizeBytes()) {
                recommendation = "The blocks read exceed the buffer pool: the data read is larger than the pool. "
                        + "Raise rustydb.memory.buffer_pool_size, or " + recommendation.toLowerCase(Locale.ROOT);
            }
        }
        out.add(new AwrReport.Finding("User I/O", "I/O on data larger than the buffer pool", round(ms),
                AwrReportBuilder.pct(ms, dbTimeMs), sqlIds, ashObjects(samples, "User I/O"), List.of(),
                evidence.toString(), recommendation + "."));
    }

    /** The objects the samples of {@code waitClass} waited on, most waited first. */
    private static List<String> ashObjects(List<AshSample> samples, String waitClass) {
        java.util.Map<String, Long> weights = new java.util.HashMap<>();
        for (AshSample a : samples) {
            if (a.currentObject() != null && a.waitClass().label().equals(waitClass)) {
                weights.merge(a.currentObject(), a.weightMillis(), Long::sum);
            }
        }
        return weights.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5).map(java.util.Map.Entry::getKey).toList();
    }

    private static List<Integer> sessionsOf(AwrReport r, String sqlId) {
        List<Integer> out = new ArrayList<>();
        if (r.ash() != null) {
            for (AshReports.SessionActivity s : r.ash().topSessions()) {
                if (sqlId.equals(s.topSqlId())) {
                    out.add(s.sessionId());
                }
            }
        }
        return out;
    }

    private static double classMs(AwrReport r, String waitClass) {
        if (r.waitEvents() == null) {
            return 0;
        }
        return r.waitEvents().classes().stream().filter(c -> c.waitClass().equals(waitClass))
                .mapToDouble(AwrReport.WaitClassRow::timeMs).sum();
    }

    private static AwrReport.WaitEventRow event(AwrReport r, String name) {
        if (r.waitEvents() == null) {
            return null;
        }
        return r.waitEvents().events().stream().filter(e -> e.event().equals(name)).findFirst().orElse(null);
    }

    private static double share(double ms, double dbTimeMs) {
        return dbTimeMs <= 0 ? 0 : 100.0 * ms / dbTimeMs;
    }

    private static double round(double v) {
        return AwrReportBuilder.round(v);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
