package io.rustydb.sql.calcite;

import io.rustydb.monitoring.statements.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * A physical Calcite plan as a {@link PlanNode} tree: PostgreSQL-style operator names
 * ({@code SeqScan}, {@code IndexScan}, {@code HashJoin}, ...), the table and index of scans,
 * conditions and keys, the planner's estimated rows and cumulative cost per operator and, for a
 * plan run with EXPLAIN ANALYZE's probes, the rows, loops and time each operator measured.
 */
public final class PlanTrees {
    private PlanTrees() {
    }

    /** The tree of {@code plan} with estimates only. */
    public static PlanNode of(RelNode plan) {
        return of(plan, null);
    }

    /**
     * The tree with what the probes measured: {@code stats} per operator occurrence in preorder
     * (see {@link InstrumentedRel#instrument}), null for none.
     */
    static PlanNode of(RelNode plan, List<OperatorStats> stats) {
        return of(plan, stats, new int[1]);
    }

    private static PlanNode of(RelNode rel, List<OperatorStats> stats, int[] next) {
        int position = next[0]++;
        List<PlanNode> children = new ArrayList<>();
        for (RelNode input : rel.getInputs()) {
            children.add(of(input, stats, next));
        }
        RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
        Double rows = finite(mq.getRowCount(rel));
        RelOptCost cost = mq.getCumulativeCost(rel);
        Double estimatedCost = cost == null ? null : finite(cost.getRows());
        List<String> details = new ArrayList<>();
        String table = null;
        String index = null;
        String operator;
        if (rel instanceof RustyIndexScan scan) {
            operator = scan.access().indexOnly() ? "IndexOnlyScan" : "IndexScan";
            table = tableName(scan);
            index = scan.access().index().name();
            details.add("Index Cond: " + scan.access().condition(i -> "?"));
        } else if (rel instanceof TableScan scan) {
            operator = "SeqScan";
            table = tableName(scan);
        } else if (rel instanceof Calc calc) {
            org.apache.calcite.rex.RexLocalRef condition = calc.getProgram().getCondition();
            operator = condition == null ? "Project" : "Filter";
            if (condition != null) {
                details.add("Filter: " + PlanText.of(calc.getProgram().expandLocalRef(condition), inputFields(calc)));
            }
        } else if (rel instanceof Filter filter) {
            operator = "Filter";
            details.add("Filter: " + PlanText.of(filter.getCondition(), inputFields(filter)));
        } else if (rel instanceof Project) {
            operator = "Project";
        } else if (rel instanceof Join join) {
            operator = joinOperator(join);
            if (join.getJoinType() != JoinRelType.INNER) {
                details.add("Join Type: " + join.getJoinType());
            }
            if (!join.getCondition().isAlwaysTrue()) {
                List<String> fields = new ArrayList<>(join.getLeft().getRowType().getFieldNames());
                fields.addAll(join.getRight().getRowType().getFieldNames());
                String label = operator.equals("HashJoin") ? "Hash Cond: " : operator.equals("MergeJoin")
                        ? "Merge Cond: " : "Join Filter: ";
                details.add(label + PlanText.of(join.getCondition(), fields));
            }
        } else if (rel instanceof Correlate) {
            operator = "NestedLoop";
        } else if (rel instanceof Sort sort) {
            operator = sort.getCollation().getFieldCollations().isEmpty() ? "Limit" : "Sort";
            if (!sort.getCollation().getFieldCollations().isEmpty()) {
                details.add("Sort Key: " + sortKey(sort));
            }
            if (sort.fetch != null) {
                details.add("Limit: " + PlanText.of(sort.fetch, List.of()));
            }
            if (sort.offset != null) {
                details.add("Offset: " + PlanText.of(sort.offset, List.of()));
            }
        } else if (rel instanceof Aggregate aggregate) {
            operator = aggregate.getGroupSet().isEmpty() ? "Aggregate"
                    : rel.getClass().getSimpleName().contains("Sorted") ? "GroupAggregate" : "HashAggregate";
            if (!aggregate.getGroupSet().isEmpty()) {
                List<String> fields = aggregate.getInput().getRowType().getFieldNames();
                StringJoiner keys = new StringJoiner(", ");
                aggregate.getGroupSet().forEach(i -> keys.add(fields.get(i)));
                details.add("Group Key: " + keys);
            }
        } else if (rel instanceof Union union) {
            operator = union.all ? "Append" : "Union";
        } else if (rel instanceof Intersect) {
            operator = "Intersect";
        } else if (rel instanceof Minus) {
            operator = "Except";
        } else if (rel instanceof Values) {
            operator = "Values";
        } else if (rel instanceof Window) {
            operator = "WindowAgg";
        } else {
            operator = rel.getClass().getSimpleName().replaceFirst("^(Enumerable|Rusty|Logical)", "");
        }
        PlanNode node = new PlanNode(operator, table, index, details, rows, estimatedCost, null, null, null, children);
        OperatorStats measured = stats == null || position >= stats.size() ? null : stats.get(position);
        return measured == null ? node : node.measured(measured.rows(), measured.loops(), measured.millis());
    }

    private static String joinOperator(Join join) {
        String name = join.getClass().getSimpleName();
        if (name.contains("Hash")) {
            return "HashJoin";
        }
        if (name.contains("Merge")) {
            return "MergeJoin";
        }
        return "NestedLoop";
    }

    private static String sortKey(Sort sort) {
        List<String> fields = sort.getInput().getRowType().getFieldNames();
        StringJoiner keys = new StringJoiner(", ");
        for (RelFieldCollation c : sort.getCollation().getFieldCollations()) {
            keys.add(fields.get(c.getFieldIndex()) + (c.getDirection().isDescending() ? " DESC" : ""));
        }
        return keys.toString();
    }

    private static List<String> inputFields(RelNode rel) {
        return rel.getInput(0).getRowType().getFieldNames();
    }

    static String tableName(TableScan scan) {
        List<String> names = scan.getTable().getQualifiedName();
        return names.get(names.size() - 1);
    }

    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
