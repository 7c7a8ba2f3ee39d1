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
 * Query time: 2345.67 ms
 * Lock time: 12.34 ms
 * Rows examined: 100000
 * Rows returned: 50
 * Query: SELECT * FROM large_table WHERE complex_condition = 'value'
 * Query Plan:
 *   SeqScan on large_table (cost=100000.00 rows=100000)
 *     Filter: (complex_condition = ?)
 * Suggestion: Create index on large_table(complex_condition)
 * </pre>
 * The query is the statement's text as the client sent it, line breaks folded into spaces; bind
 * parameter values are never logged, and the plan shows values as {@code ?}.
 */
public final class SlowQueryLog {
    /** The logger's name. */
    public static final String LOGGER = "rustydb.slow_query";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SlowQueryLog() {
    }

    /** Logs one slow statement; {@code plan} null leaves the plan out, {@code suggestion} null the suggestion. */
    static void log(String statementText, ExecutionSample sample, boolean modifies, PlanNode plan, String suggestion) {
        if (LOG.isInfoEnabled()) {
            LOG.info(entry(statementText, sample, modifies, plan, suggestion));
        }
    }

    /** The entry's text. */
    static String entry(String statementText, ExecutionSample sample, boolean modifies, PlanNode plan,
            String suggestion) {
        StringBuilder out = new StringBuilder(256);
        out.append(String.format(Locale.ROOT, "Query time: %.2f ms\n", sample.elapsedNanos / 1_000_000.0));
        out.append(String.format(Locale.ROOT, "Lock time: %.2f ms\n", sample.lockWaitNanos / 1_000_000.0));
        out.append("Rows examined: ").append(sample.rowsExamined).append('\n');
        out.append("Rows returned: ").append(sample.rowsReturned).append('\n');
        if (modifies) {
            out.append("Rows affected: ").append(sample.rowsAffected).append('\n');
        }
        out.append("Query: ").append(statementText.strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
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
