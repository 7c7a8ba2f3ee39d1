package io.rustydb.sql.calcite;

import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The slow-query log's index suggestion, read from a physical plan: a full table scan whose
 * filter compares columns with a value ({@code =}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code IN}, {@code BETWEEN}) on a table that has no index (primary key included) leading with
 * any of those columns. The suggested columns are the equality columns, in the order of the
 * condition, then one range column.
 */
public final class IndexAdvice {
    private IndexAdvice() {
    }

    /** {@code Create index on t(a, b)} for each such scan of {@code plan}, joined by "; "; null for none. */
    public static String of(RelNode plan) {
        Set<String> out = new LinkedHashSet<>();
        collect(plan, out);
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static void collect(RelNode rel, Set<String> out) {
        RexNode condition = null;
        if (rel instanceof Calc calc && calc.getProgram().getCondition() != null) {
            condition = calc.getProgram().expandLocalRef(calc.getProgram().getCondition());
        } else if (rel instanceof Filter filter) {
            condition = filter.getCondition();
        }
        if (condition != null && rel.getInput(0) instanceof TableScan scan && !(scan instanceof RustyIndexScan)) {
            StorageTable table = scan.getTable().unwrap(StorageTable.class);
            if (table != null) {
                String advice = advice(table.definition(), RexUtil.expandSearch(rel.getCluster().getRexBuilder(),
                        null, condition));
                if (advice != null) {
                    out.add(advice);
                }
            }
        }
        for (RelNode input : rel.getInputs()) {
            collect(input, out);
        }
    }

    /** The suggestion for a scan of {@code table} filtered by {@code condition}, or null. */
    static String advice(TableDef table, RexNode condition) {
        List<String> equalities = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            comparison(conjunct, table, equalities, ranges);
        }
        return forColumns(table, equalities, ranges);
    }

    /**
     * The suggestion for a full scan of {@code table} whose condition compares {@code equalities}
     * and {@code ranges} (column names, in condition order) with values, or null.
     */
    public static String forColumns(TableDef table, List<String> equalities, List<String> ranges) {
        List<String> columns = new ArrayList<>(equalities);
        ranges.stream().filter(c -> !columns.contains(c)).findFirst().ifPresent(columns::add);
        if (columns.isEmpty()) {
            return null;
        }
        for (IndexDef index : table.allIndexes()) {
            if (!index.columns().isEmpty() && columns.contains(index.columns().get(0).name())) {
                return null;
            }
        }
        return "Create index on " + table.name() + "(" + String.join(", ", columns) + ")";
    }

    private static void comparison(RexNode conjunct, TableDef table, List<String> equalities, List<String> ranges) {
        if (conjunct.getKind() == SqlKind.OR && conjunct instanceof RexCall or) {
            // a IN (1, 2) expands to (a = 1) OR (a = 2): an equality column if every branch is one on it
            String column = null;
            for (RexNode branch : or.getOperands()) {
                List<String> eq = new ArrayList<>();
                comparison(branch, table, eq, new ArrayList<>());
                if (eq.size() != 1 || (column != null && !column.equals(eq.get(0)))) {
                    return;
                }
                column = eq.get(0);
            }
            if (column != null && !equalities.contains(column)) {
                equalities.add(column);
            }
            return;
        }
        boolean equality = conjunct.getKind() == SqlKind.EQUALS;
        boolean range = switch (conjunct.getKind()) {
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> true;
            default -> false;
        };
        if ((!equality && !range) || !(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return;
        }
        for (int side = 0; side < 2; side++) {
            RexNode column = strip(call.getOperands().get(side));
            RexNode value = call.getOperands().get(1 - side);
            if (column instanceof RexInputRef ref && !RexUtil.containsInputRef(value)
                    && ref.getIndex() < table.columns().size()) {
                String name = table.columns().get(ref.getIndex()).name();
                List<String> target = equality ? equalities : ranges;
                if (!target.contains(name)) {
                    target.add(name);
                }
                return;
            }
        }
    }

    /** A column under casts (a comparison with a parameter of another type casts the column). */
    private static RexNode strip(RexNode node) {
        RexNode n = node;
        while (n.getKind() == SqlKind.CAST && n instanceof RexCall cast) {
            n = cast.getOperands().get(0);
        }
        return n;
    }
}
