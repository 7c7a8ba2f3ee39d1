package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML rendering of an {@link AwrReport}: one self-contained page (inline CSS, charts as
 * inline SVG, no script, nothing fetched) with the same sections as the text report.
 */
public final class HtmlReport {
    private static final String[] COLORS = {"#2f6db5", "#d9822b", "#3a9d5d", "#c23b3b", "#7e57c2", "#8d6e63",
        "#00897b", "#c0ca33", "#5c6bc0", "#757575"};

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-|-?[0-9.]+%?");

    private final StringBuilder out = new StringBuilder();

    private HtmlReport() {
    }

    public static String render(AwrReport r) {
        HtmlReport h = new HtmlReport();
        h.write(r);
        return h.out.toString();
    }

    private void write(AwrReport r) {
        AwrReport.Summary s = r.summary();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RustyDB AWR Report ")
                .append(s.startSnapshotId()).append('-').append(s.endSnapshotId()).append("</title><style>")
                .append("body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222;")
                .append("max-width:1280px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;")
                .append("border-bottom:2px solid #2f6db5;padding-bottom:3px}table{border-collapse:collapse;")
                .append("font-size:12.5px;margin:6px 0}th,td{border:1px solid #d4d9e0;padding:3px 7px;text-align:right}")
                .append("th{background:#eef2f7}td.l,th.l{text-align:left}td.sql{font-family:monospace;text-align:left;")
                .append("max-width:420px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}")
                .append(".note{background:#fff6e0;border-left:4px solid #d9822b;padding:6px 10px;margin:6px 0}")
                .append(".finding{border:1px solid #d4d9e0;border-left:4px solid #c23b3b;padding:8px 12px;margin:8px 0}")
                .append(".muted{color:#666}.grid{display:flex;gap:32px;flex-wrap:wrap}</style></head><body>");
        out.append("<h1>RustyDB AWR Report</h1><div class=\"muted\">Instance ").append(e(s.instance()))
                .append(" &middot; version ").append(e(s.version())).append(" &middot; snapshots ")
                .append(s.startSnapshotId()).append(" to ").append(s.endSnapshotId()).append("</div>");

        h2("1. Report Summary");
        table(List.of("Begin", "End", "Elapsed (s)", "DB time (ms)", "Snapshots", "Sessions at begin",
                "Sessions at end"), List.of(List.of(s.beginTime(), s.endTime(), n(s.elapsedSeconds()), n(s.dbTimeMs()),
                String.valueOf(s.snapshots()), String.valueOf(s.sessionsAtStart()), String.valueOf(s.sessionsAtEnd()))));
        for (String note : r.notes()) {
            out.append("<div class=\"note\">").append(e(note)).append("</div>");
        }

        h2("2. Load Profile");
        out.append("<div class=\"grid\"><div>");
        List<List<String>> rows = new ArrayList<>();
        r.loadProfile().forEach(rate -> rows.add(List.of(rate.name(), n(rate.total()), n(rate.perSecond()),
                rate.perTransaction() == null ? "-" : n(rate.perTransaction()))));
        table(List.of("", "Total", "Per Second", "Per Transaction"), rows);
        out.append("</div><div><div class=\"muted\">DB time distribution (ms)</div>");
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        r.dbTimeDistribution().forEach(t -> {
            labels.add(t.component());
            values.add(t.timeMs());
        });
        bars(labels, values, "ms");
        out.append("</div></div>");

        sql("3. Top 10 SQL by Elapsed Time", r.topSqlByElapsedTime(), true);
        if (r.topSqlByCpuTime() != null) {
            sql("4. Top 10 SQL by CPU Time", r.topSqlByCpuTime(), false);
        } else {
            h2("4. Top 10 SQL by CPU Time");
            out.append("<p class=\"muted\">CPU time per statement was not measured.</p>");
        }
        sql("5. Top 10 SQL by Buffer Gets", r.topSqlByBufferGets(), false);
        sql("6. Top 10 SQL by Physical Reads", r.topSqlByPhysicalReads(), false);

        h2("7. Wait Event Statistics");
        if (r.waitEvents() == null) {
            out.append("<p class=\"muted\">Wait events were not captured.</p>");
        } else {
            out.append("<div class=\"grid\"><div>");
            List<List<String>> classes = new ArrayList<>();
            r.waitEvents().classes().forEach(c -> classes.add(List.of(c.waitClass(), String.valueOf(c.waits()),
                    n(c.timeMs()), pct(c.percentOfDbTime()))));
            table(List.of("Wait Class", "Waits", "Time (ms)", "% DB time"), classes);
            out.append("</div><div>");
            List<String> cl = new ArrayList<>();
            List<Double> cv = new ArrayList<>();
            r.waitEvents().classes().forEach(c -> {
                if (!c.waitClass().equals("Idle")) {
                    cl.add(c.waitClass());
                    cv.add(c.timeMs());
                }
            });
            bars(cl, cv, "ms");
            out.append("</div></div>");
            List<List<String>> events = new ArrayList<>();
            r.waitEvents().events().forEach(ev -> events.add(List.of(ev.event(), ev.waitClass(),
                    String.valueOf(ev.waits()), String.valueOf(ev.timeouts()), n(ev.timeMs()),
                    ev.avgWaitMs() == null ? "-" : String.format(Locale.ROOT, "%.3f", ev.avgWaitMs()),
                    pct(ev.percentOfDbTime()))));
            table(List.of("Event", "Class", "Waits", "Timeouts", "Time (ms)", "Avg (ms)", "% DB time"), events);
            out.append("<div class=\"muted\">Latency histograms (waits per bucket)</div><div class=\"grid\">");
            for (AwrReport.WaitEventRow ev : r.waitEvents().events()) {
                if (ev.waitClass().equals("Idle")) {
                    continue;
                }
                out.append("<div><div>").append(e(ev.event())).append("</div>");
                histogram(r.waitEvents().histogramBuckets(), ev.histogram());
                out.append("</div>");
            }
            out.append("</div>");
        }

        h2("8. I/O Statistics");
        if (r.io() == null) {
            out.append("<p class=\"muted\">I/O statistics were not captured.</p>");
        } else {
            List<List<String>> files = new ArrayList<>();
            r.io().files().forEach(f -> files.add(List.of(f.fileType(), String.valueOf(f.reads()),
                    String.valueOf(f.writes()), String.valueOf(f.syncs()), String.valueOf(f.bytesRead()),
                    String.valueOf(f.bytesWritten()), n(f.readsPerSecond()), n(f.writesPerSecond()))));
            table(List.of("File Type", "Reads", "Writes", "Syncs", "Bytes Read", "Bytes Written", "Reads/s", "Writes/s"),
                    files);
            out.append("<p>Average read latency: ").append(opt(r.io().avgReadMs())).append(" ms &middot; average write "
                    + "latency: ").append(opt(r.io().avgWriteMs())).append(" ms</p>");
        }

        h2("9. Buffer Pool Statistics");
        if (r.bufferPool() == null) {
            out.append("<p class=\"muted\">Buffer pool statistics were not captured.</p>");
        } else {
            AwrReport.BufferPool b = r.bufferPool();
            table(List.of("Size (bytes)", "Used (bytes)", "Dirty (bytes)", "Gets", "Hits", "Misses", "Hit ratio",
                    "Blocks written"), List.of(List.of(String.valueOf(b.sizeBytes()), String.valueOf(b.usedBytes()),
                    String.valueOf(b.dirtyBytes()), String.valueOf(b.gets()), String.valueOf(b.hits()),
                    String.valueOf(b.misses()), b.hitRatio() == null ? "-" : pct(b.hitRatio() * 100),
                    String.valueOf(b.blocksWritten()))));
        }

        h2("10. Transaction Statistics");
        AwrReport.Transactions tx = r.transactions();
        table(List.of("Commits", "Rollbacks", "Deadlocks", "Transactions/s", "Avg duration (ms)", "Rollback %"),
                List.of(List.of(String.valueOf(tx.commits()), String.valueOf(tx.rollbacks()),
                        String.valueOf(tx.deadlocks()), n(tx.perSecond()), opt(tx.avgDurationMs()),
                        opt(tx.rollbackPercent()))));

        ash(r.ash());

        h2("Findings");
        if (r.findings().isEmpty()) {
            out.append("<p>No cause accounts for ").append((int) Findings.MIN_PERCENT).append("% of DB time or more.</p>");
        }
        for (AwrReport.Finding f : r.findings()) {
            out.append("<div class=\"finding\"><b>[").append(e(f.category())).append("] ").append(e(f.title()))
                    .append("</b> &mdash; ").append(n(f.impactMs())).append(" ms (").append(pct(f.percentOfDbTime()))
                    .append(" of DB time)");
            if (!f.sqlIds().isEmpty()) {
                out.append("<br>SQL: ").append(e(String.join(", ", f.sqlIds())));
            }
            if (!f.objects().isEmpty()) {
                out.append("<br>Objects: ").append(e(String.join(", ", f.objects())));
            }
            if (!f.sessions().isEmpty()) {
                out.append("<br>Sessions: ").append(e(f.sessions().toString()));
            }
            out.append("<br>Evidence: ").append(e(f.evidence())).append("<br><b>Recommendation:</b> ")
                    .append(e(f.recommendation())).append("</div>");
        }
        out.append("<p class=\"muted\">End of report</p></body></html>\n");
    }

    private void sql(String title, List<AwrReport.SqlRow> rows, boolean chart) {
        h2(title);
        if (rows.isEmpty()) {
            out.append("<p class=\"muted\">No statements ran in the range.</p>");
            return;
        }
        if (chart) {
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            rows.forEach(s -> {
                labels.add(s.sqlId());
                values.add(s.elapsedMs());
            });
            bars(labels, values, "ms");
        }
        out.append("<table><tr><th class=\"l\">SQL ID</th><th>Execs</th><th>Elapsed (ms)</th><th>Per Exec</th>"
                + "<th>CPU (ms)</th><th>I/O (ms)</th><th>Buffer Gets</th><th>Phys Reads</th><th>Rows</th><th>% DB</th>"
                + "<th class=\"l\">SQL Text</th></tr>");
        for (AwrReport.SqlRow s : rows) {
            out.append("<tr><td class=\"l\">").append(e(s.sqlId())).append("</td><td>").append(s.executions())
                    .append("</td><td>").append(n(s.elapsedMs())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", s.elapsedPerExecMs())).append("</td><td>")
                    .append(opt(s.cpuMs())).append("</td><td>").append(opt(s.ioWaitMs())).append("</td><td>")
                    .append(s.bufferGets()).append("</td><td>").append(s.physicalReads()).append("</td><td>")
                    .append(s.rowsReturned() + s.rowsAffected()).append("</td><td>").append(pct(s.percentOfDbTime()))
                    .append("</td><td class=\"sql\" title=\"").append(e(s.sqlText())).append("\">")
                    .append(e(s.sqlText())).append("</td></tr>");
        }
        out.append("</table>");
    }

    private void ash(AwrReport.Ash a) {
        h2("Active Session History");
        if (a == null || a.samples() == 0) {
            out.append("<p class=\"muted\">No ASH samples were kept in the range.</p>");
            return;
        }
        out.append("<p>").append(a.samples()).append(" samples (one tick in ").append(a.sampleRatio())
                .append(" kept), estimated DB time ").append(a.estimatedDbTimeMs()).append(" ms</p>");
        List<List<String>> events = new ArrayList<>();
        for (AshReports.ClassActivity c : a.waitClasses()) {
            events.add(List.of(c.waitClass().label(), "", String.valueOf(c.waitTimeMillis()), pct(c.percentOfDbTime())));
            c.events().forEach(ev -> events.add(List.of("", ev.event().label(), String.valueOf(ev.waitTimeMillis()),
                    pct(ev.percentOfDbTime()))));
        }
        table(List.of("Wait Class", "Event", "DB time (ms)", "% DB time"), events);
        List<List<String>> sql = new ArrayList<>();
        a.topSql().forEach(s -> sql.add(List.of(s.sqlId(), String.valueOf(s.dbTimeMillis()), pct(s.percentOfDbTime()),
                s.topWaitEvent() == null ? "CPU" : s.topWaitEvent(), s.sqlText() == null ? "" : s.sqlText())));
        table(List.of("SQL ID", "DB time (ms)", "% DB time", "Top event", "SQL Text"), sql);
        List<List<String>> sessions = new ArrayList<>();
        a.topSessions().forEach(s -> sessions.add(List.of(String.valueOf(s.sessionId()), String.valueOf(s.user()),
                String.valueOf(s.program()), String.valueOf(s.dbTimeMillis()), pct(s.percentOfDbTime()),
                String.valueOf(s.topSqlId()))));
        table(List.of("Session", "User", "Program", "DB time (ms)", "% DB time", "Top SQL"), sessions);
        List<List<String>> chains = new ArrayList<>();
        a.blockingChains().forEach(c -> c.blocked().forEach(b -> chains.add(List.of(String.valueOf(c.blockingSession()),
                String.valueOf(c.blockerUser()), String.valueOf(b.sessionId()), String.valueOf(b.depth()),
                String.valueOf(b.blockedTimeMillis()), String.valueOf(b.event()), String.valueOf(b.sqlId())))));
        out.append("<div class=\"muted\">Blocking chains</div>");
        if (chains.isEmpty()) {
            out.append("<p>none</p>");
        } else {
            table(List.of("Blocker", "Blocker user", "Blocked session", "Depth", "Blocked (ms)", "Event", "SQL ID"), chains);
        }
    }

    /** A horizontal bar chart as inline SVG. */
    private void bars(List<String> labels, List<Double> values, String unit) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int row = 22;
        int height = Math.max(row, labels.size() * row) + 4;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"").append(height)
                .append("\" role=\"img\">");
        for (int i = 0; i < labels.size(); i++) {
            double w = max <= 0 ? 0 : 300 * values.get(i) / max;
            int y = i * row + 2;
            out.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>"
                    + "<rect x=\"150\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s %s</text>", y + 13, e(cutLabel(labels.get(i))), y,
                    Math.max(1, w), COLORS[i % COLORS.length], 156 + w, y + 13, n(values.get(i)), unit));
        }
        out.append("</svg>");
    }

    /** A latency histogram as inline SVG columns, buckets up to the last non-empty one. */
    private void histogram(List<String> buckets, List<Long> counts) {
        int last = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0) {
                last = i;
            }
        }
        int n = Math.max(4, last + 1);
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        int col = 44;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n * col + 10)
                .append("\" height=\"130\" role=\"img\">");
        for (int i = 0; i < n; i++) {
            long c = i < counts.size() ? counts.get(i) : 0;
            double h = max == 0 ? 0 : 80.0 * c / max;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#2f6db5\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\">%d</text><text x=\"%d\" y=\"122\" font-size=\"10\">%s</text>",
                    i * col + 4, 100 - h, col - 8, h, i * col + 4, 96 - h, c, i * col + 2, e(buckets.get(i))));
        }
        out.append("</svg>");
    }

    private void h2(String title) {
        out.append("<h2>").append(e(title)).append("</h2>");
    }

    private void table(List<String> headers, List<List<String>> rows) {
        out.append("<table><tr>");
        for (int i = 0; i < headers.size(); i++) {
            out.append(i == 0 ? "<th class=\"l\">" : "<th>").append(e(headers.get(i))).append("</th>");
        }
        out.append("</tr>");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                boolean text = i == 0 || !NUMBER.matcher(r.get(i)).matches();
                out.append(text ? "<td class=\"l\">" : "<td>").append(e(r.get(i))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table>");
    }

    private static String cutLabel(String s) {
        return s.length() > 22 ? s.substring(0, 21) + "\u2026" : s;
    }

    private static String n(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", v);
    }

    private static String opt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** HTML-escapes {@code s}. */
    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
