package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text rendering of an {@link AwrReport}: every line fits {@value #WIDTH} columns. */
public final class TextReport {
    public static final int WIDTH = 132;
    private static final String RULE = "-".repeat(WIDTH);
    /** Histogram buckets shown one by one (below 1024 ms); longer waits are summed in a last column. */
    private static final int SHOWN_BUCKETS = 11;

    private final StringBuilder out = new StringBuilder();

    private TextReport() {
    }

    public static String render(AwrReport r) {
        TextReport t = new TextReport();
        t.write(r);
        return t.out.toString();
    }

    private void write(AwrReport r) {
        AwrReport.Summary s = r.summary();
        line("RustyDB AWR Report");
        line("=".repeat(WIDTH));
        heading("1. Report Summary");
        line(f("Instance: %s   Version: %s", s.instance(), s.version()));
        line(f("Snapshots: %d to %d (%d in range)   Begin: %s   End: %s", s.startSnapshotId(), s.endSnapshotId(),
                s.snapshots(), s.beginTime(), s.endTime()));
        line(f("Elapsed: %.2f s   DB time: %.2f ms   Sessions: %d at begin, %d at end", s.elapsedSeconds(),
                s.dbTimeMs(), s.sessionsAtStart(), s.sessionsAtEnd()));
        for (String note : r.notes()) {
            wrap("Note: " + note);
        }

        heading("2. Load Profile");
        line(f("%-28s %18s %18s %18s", "", "Total", "Per Second", "Per Transaction"));
        for (AwrReport.Rate rate : r.loadProfile()) {
            line(f("%-28s %18s %18s %18s", rate.name(), num(rate.total()), num(rate.perSecond()),
                    rate.perTransaction() == null ? "-" : num(rate.perTransaction())));
        }
        line("");
        line("DB time distribution");
        for (AwrReport.TimeShare t : r.dbTimeDistribution()) {
            line(f("  %-26s %14.2f ms %8s", t.component(), t.timeMs(), pct(t.percentOfDbTime())));
        }

        sqlSection("3. Top 10 SQL by Elapsed Time", r.topSqlByElapsedTime());
        if (r.topSqlByCpuTime() != null) {
            sqlSection("4. Top 10 SQL by CPU Time", r.topSqlByCpuTime());
        } else {
            heading("4. Top 10 SQL by CPU Time");
            line("CPU time per statement was not measured.");
        }
        sqlSection("5. Top 10 SQL by Buffer Gets", r.topSqlByBufferGets());
        sqlSection("6. Top 10 SQL by Physical Reads", r.topSqlByPhysicalReads());

        heading("7. Wait Event Statistics");
        if (r.waitEvents() == null) {
            line("Wait events were not captured (rustydb.awr.capture_wait_events = false).");
        } else {
            line(f("%-22s %12s %16s %9s", "Wait Class", "Waits", "Time (ms)", "% DB time"));
            for (AwrReport.WaitClassRow c : r.waitEvents().classes()) {
                line(f("%-22s %12d %16.2f %9s", c.waitClass(), c.waits(), c.timeMs(), pct(c.percentOfDbTime())));
            }
            line("");
            line(f("%-34s %-14s %10s %9s %14s %10s %9s", "Event", "Class", "Waits", "Timeouts", "Time (ms)",
                    "Avg (ms)", "% DB time"));
            for (AwrReport.WaitEventRow e : r.waitEvents().events()) {
                line(f("%-34s %-14s %10d %9d %14.2f %10.3f %9s", cut(e.event(), 34), cut(e.waitClass(), 14), e.waits(),
                        e.timeouts(), e.timeMs(), e.avgWaitMs(), pct(e.percentOfDbTime())));
            }
            line("");
            List<String> b = r.waitEvents().histogramBuckets();
            line("Wait event histogram (waits per latency bucket; \"longer\": " + b.get(SHOWN_BUCKETS - 1).replace("<", ">=")
                    + " and more)");
            StringBuilder h = new StringBuilder(f("%-30s", "Event"));
            for (int i = 0; i < SHOWN_BUCKETS; i++) {
                h.append(f("%8s", b.get(i)));
            }
            h.append(f("%8s", "longer"));
            line(h.toString());
            for (AwrReport.WaitEventRow e : r.waitEvents().events()) {
                StringBuilder row = new StringBuilder(f("%-30s", cut(e.event(), 29)));
                long longer = 0;
                for (int i = 0; i < e.histogram().size(); i++) {
                    if (i < SHOWN_BUCKETS) {
                        row.append(f("%8d", e.histogram().get(i)));
                    } else {
                        longer += e.histogram().get(i);
                    }
                }
                row.append(f("%8d", longer));
                line(row.toString());
            }
        }

        heading("8. I/O Statistics");
        if (r.io() == null) {
            line("I/O statistics were not captured (rustydb.awr.capture_io_stats = false).");
        } else {
            line(f("%-10s %12s %12s %10s %14s %14s %10s %10s %10s %10s", "File Type", "Reads", "Writes", "Syncs",
                    "Bytes Read", "Bytes Written", "Reads/s", "Writes/s", "Read MB/s", "Write MB/s"));
            for (AwrReport.FileType ft : r.io().files()) {
                line(f("%-10s %12d %12d %10d %14d %14d %10.2f %10.2f %10.3f %10.3f", ft.fileType(), ft.reads(),
                        ft.writes(), ft.syncs(), ft.bytesRead(), ft.bytesWritten(), ft.readsPerSecond(),
                        ft.writesPerSecond(), ft.readMbPerSecond(), ft.writeMbPerSecond()));
            }
            line(f("Average read latency: %s ms (%d timed reads)   Average write latency: %s ms (%d timed writes)",
                    opt(r.io().avgReadMs()), r.io().timedReads(), opt(r.io().avgWriteMs()), r.io().timedWrites()));
        }

        heading("9. Buffer Pool Statistics");
        if (r.bufferPool() == null) {
            line("Buffer pool statistics were not captured (rustydb.awr.capture_buffer_pool_stats = false).");
        } else {
            AwrReport.BufferPool b = r.bufferPool();
            line(f("Size: %d bytes (%d pages of %d)   Used at end: %d bytes   Dirty (memtables): %d bytes", b.sizeBytes(),
                    b.sizeBytes() / Math.max(1, b.pageSize()), b.pageSize(), b.usedBytes(), b.dirtyBytes()));
            line(f("Gets: %d   Hits: %d   Misses: %d   Hit ratio: %s   Blocks written: %d", b.gets(), b.hits(),
                    b.misses(), b.hitRatio() == null ? "n/a" : f("%.2f%%", b.hitRatio() * 100), b.blocksWritten()));
        }

        heading("10. Transaction Statistics");
        AwrReport.Transactions tx = r.transactions();
        line(f("Commits: %d   Rollbacks: %d   Deadlocks: %d   Transactions/s: %.2f   Avg duration: %s ms   "
                + "Rollback %%: %s", tx.commits(), tx.rollbacks(), tx.deadlocks(), tx.perSecond(),
                opt(tx.avgDurationMs()), opt(tx.rollbackPercent())));

        ash(r.ash());

        heading("Findings");
        if (r.findings().isEmpty()) {
            line("No cause accounts for " + (int) Findings.MIN_PERCENT + "% of DB time or more.");
        }
        int n = 1;
        for (AwrReport.Finding finding : r.findings()) {
            line(f("%d. [%s] %s: %.2f ms (%s of DB time)", n++, finding.category(), finding.title(),
                    finding.impactMs(), pct(finding.percentOfDbTime())));
            if (!finding.sqlIds().isEmpty()) {
                wrap("   SQL: " + String.join(", ", finding.sqlIds()));
            }
            if (!finding.objects().isEmpty()) {
                wrap("   Objects: " + String.join(", ", finding.objects()));
            }
            if (!finding.sessions().isEmpty()) {
                wrap("   Sessions: " + finding.sessions());
            }
            wrap("   Evidence: " + finding.evidence());
            wrap("   Recommendation: " + finding.recommendation());
        }
        line("");
        line("End of report");
    }

    private void sqlSection(String title, List<AwrReport.SqlRow> rows) {
        heading(title);
        line(f("%-16s %10s %14s %12s %12s %12s %14s %12s %12s %8s", "SQL ID", "Execs", "Elapsed (ms)",
                "Per Exec", "CPU (ms)", "I/O (ms)", "Buffer Gets", "Phys Reads", "Rows", "%DB"));
        for (AwrReport.SqlRow s : rows) {
            line(f("%-16s %10d %14.2f %12.3f %12s %12s %14d %12d %12d %8s", cut(s.sqlId(), 16), s.executions(),
                    s.elapsedMs(), s.elapsedPerExecMs(), opt(s.cpuMs()), opt(s.ioWaitMs()), s.bufferGets(),
                    s.physicalReads(), s.rowsReturned() + s.rowsAffected(), pct(s.percentOfDbTime())));
            String text = s.sqlText() == null ? "" : s.sqlText().replaceAll("\\s+", " ").strip();
            line("    " + cut(text, WIDTH - 4));
        }
        if (rows.isEmpty()) {
            line("No statements ran in the range.");
        }
    }

    private void ash(AwrReport.Ash a) {
        heading("Active Session History");
        if (a == null || a.samples() == 0) {
            line("No ASH samples were kept in the range.");
            return;
        }
        line(f("Samples: %d (one tick in %d kept)   Estimated DB time: %d ms", a.samples(), a.sampleRatio(),
                a.estimatedDbTimeMs()));
        line("Top wait classes and events");
        for (AshReports.ClassActivity c : a.waitClasses()) {
            line(f("  %-20s %10d ms %7.2f%%", c.waitClass().label(), c.waitTimeMillis(), c.percentOfDbTime()));
            for (AshReports.EventActivity e : c.events()) {
                line(f("    %-34s %10d ms %7.2f%%", cut(e.event().label(), 34), e.waitTimeMillis(), e.percentOfDbTime()));
            }
        }
        line("Top SQL");
        for (AshReports.SqlActivity s : a.topSql()) {
            String head = f("  %-16s %10d ms %7.2f%%  %-30s ", cut(s.sqlId(), 16), s.dbTimeMillis(), s.percentOfDbTime(),
                    cut(s.topWaitEvent() == null ? "CPU" : s.topWaitEvent(), 30));
            line(head + cut(s.sqlText() == null ? "" : s.sqlText().replaceAll("\\s+", " "), WIDTH - head.length()));
        }
        line("Top sessions");
        for (AshReports.SessionActivity s : a.topSessions()) {
            line(f("  %-8d %-16s %-24s %10d ms %7.2f%%  top SQL %s", s.sessionId(), cut(s.user(), 16),
                    cut(s.program(), 24), s.dbTimeMillis(), s.percentOfDbTime(), s.topSqlId()));
        }
        line("Blocking chains");
        if (a.blockingChains().isEmpty()) {
            line("  none");
        }
        for (AshReports.BlockingChain c : a.blockingChains()) {
            line(f("  blocker %d (%s, %s): %d session(s) blocked for %d ms", c.blockingSession(), c.blockerUser(),
                    c.blockerProgram(), c.blocked().size(), c.blockedTimeMillis()));
            for (AshReports.Blocked b : c.blocked()) {
                line(f("    session %d (%s) depth %d, %d ms on %s, SQL %s", b.sessionId(), b.user(), b.depth(),
                        b.blockedTimeMillis(), b.event(), b.sqlId()));
            }
        }
    }

    private void heading(String title) {
        line("");
        line(title);
        line(RULE);
    }

    private void line(String text) {
        out.append(text.length() > WIDTH ? text.substring(0, WIDTH) : text).append('\n');
    }

    /** Writes {@code text} over as many lines as it needs, broken at spaces. */
    private void wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= 0) {
                cut = WIDTH;
            }
            lines.add(rest.substring(0, cut));
            rest = "      " + rest.substring(cut).strip();
        }
        lines.add(rest);
        lines.forEach(this::line);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        return s.length() <= width ? s : width <= 3 ? s.substring(0, width) : s.substring(0, width - 3) + "...";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? f("%d", (long) v) : f("%.2f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : f("%.2f%%", v);
    }

    private static String opt(Double v) {
        return v == null ? "-" : f("%.2f", v);
    }
}
