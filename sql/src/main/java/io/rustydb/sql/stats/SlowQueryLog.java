package io.rustydb.sql.stats;

import io.rustydb.monitoring.statements.ExecutionSample;
import io.rustydb.monitoring.statements.PlanNode;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-query log: one INFO entry on the logger {@value #LOGGER} per statement slower than
 * {@code rustydb.logging.slow_query_threshold_ms}, in the Monitoring Guide's format (the appender
 * writes the timestamp and {@code [SLOW QUERY]} line before it):
 * <pre>
 * Query time: 1776.22 ms
 * Lock time: 0.00 ms
 * Rows examined: 1002000
 * Rows returned: 1
 * Query: select count(*) from items a cross join items b where a.grp = $1
 * SQL ID: 132rgjv3a6nqb
 * Query Plan:
 *   Aggregate (cost=15316.13 rows=1)
 *     NestedLoop (cost=15315.00 rows=1500)
 *       SeqScan on items (cost=115.00 rows=15)
 *         Filter: (grp = ?)
 *       SeqScan on items (cost=200.00 rows=100)
 * Suggestion: Create index on items(grp)
 * </pre>
 * The query is the statement's normalized text, as {@code v$sql_statistics} shows it: literals
 * are replaced by {@code $n} and bind parameter values are never logged (the guide's
 * {@code log_parameters = false}), so no value of the statement (a password in
 * {@code CREATE ROLE}, personal data in a WHERE clause) reaches the log; the plan shows values as
 * {@code ?}. {@code SQL ID} is the statement's sql_id, for {@code /api/v1/profiler/query/{sql_id}}.
 */
public final class SlowQueryLog {
    /** The logger's name. */
    public static final String LOGGER = "rustydb.slow_query";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SlowQueryLog() {
    }

    /** Logs one slow statement; {@code plan} null leaves the plan out, {@code suggestion} null the suggestion. */
    static void log(String sqlId, String normalizedText, ExecutionSample sample, boolean modifies, PlanNode plan,
            String suggestion) {
        if (LOG.isInfoEnabled()) {
            LOG.info(entry(sqlId, normalizedText, sample, modifies, plan, suggestion));
        }
    }

    /** The entry's text. */
    static String entry(String sqlId, String normalizedText, ExecutionSample sample, boolean modifies, PlanNode plan,
            String suggestion) {
        StringBuilder out = new StringBuilder(256);
        out.append(String.format(Locale.ROOT, "Query time: %.2f ms\n", sample.elapsedNanos / 1_000_000.0));
        out.append(String.format(Locale.ROOT, "Lock time: %.2f ms\n", sample.lockWaitNanos / 1_000_000.0));
        out.append("Rows examined: ").append(sample.rowsExamined).append('\n');
        out.append("Rows returned: ").append(sample.rowsReturned).append('\n');
        if (modifies) {
            out.append("Rows affected: ").append(sample.rowsAffected).append('\n');
        }
        out.append("Query: ").append(normalizedText).append('\n');
        out.append("SQL ID: ").append(sqlId).append('\n');
        if (plan != null) {
            out.append("Query Plan:\n");
            write(plan, 1, out);
        }
        if (suggestion != null) {
            out.append("Suggestion: ").append(suggestion).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * One operator per line, two spaces deeper per level, its conditions beneath it. A filter or
     * projection right above a scan is written as the scan with its filter, as PostgreSQL shows
     * a scan's filter (with the filter's estimate: the rows that pass it).
     */
    private static void write(PlanNode node, int depth, StringBuilder out) {
        PlanNode shown = node;
        List<String> details = node.details();
        if ((node.operator().equals("Filter") || node.operator().equals("Project")) && node.children().size() == 1
                && node.children().get(0).operator().endsWith("Scan") && node.children().get(0).children().isEmpty()) {
            PlanNode scan = node.children().get(0);
            shown = new PlanNode(scan.operator(), scan.table(), scan.index(), List.of(), node.estimatedRows(),
                    node.estimatedCost(), node.actualRows(), node.loops(), node.actualTimeMs(), List.of());
            details = new java.util.ArrayList<>(scan.details());
            details.addAll(node.details());
        }
        String indent = "  ".repeat(depth);
        out.append(indent).append(shown.operator());
        if (shown.index() != null) {
            out.append(" using ").append(shown.index());
        }
        if (shown.table() != null) {
            out.append(" on ").append(shown.table());
        }
        if (shown.estimatedCost() != null || shown.estimatedRows() != null) {
            out.append(" (");
            if (shown.estimatedCost() != null) {
                out.append(String.format(Locale.ROOT, "cost=%.2f", shown.estimatedCost()));
            }
            if (shown.estimatedRows() != null) {
                out.append(shown.estimatedCost() != null ? " " : "")
                        .append(String.format(Locale.ROOT, "rows=%.0f", shown.estimatedRows()));
            }
            out.append(')');
        }
        if (shown.actualRows() != null) {
            out.append(String.format(Locale.ROOT, " (actual rows=%d loops=%d time=%.3f ms)", shown.actualRows(),
                    shown.loops(), shown.actualTimeMs()));
        }
        out.append('\n');
        for (String detail : details) {
            out.append(indent).append("  ").append(detail).append('\n');
        }
        for (PlanNode child : shown.children()) {
            write(child, depth + 1, out);
        }
    }
}
