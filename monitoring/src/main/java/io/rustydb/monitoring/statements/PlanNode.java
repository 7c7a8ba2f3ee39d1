package io.rustydb.monitoring.statements;

import java.util.List;

/**
 * One operator of a statement's plan: what the planner estimated and, in a profile, what a real
 * execution measured above it. A field that was not estimated or not measured is null.
 *
 * @param operator PostgreSQL-style operator name: {@code SeqScan}, {@code IndexScan}, {@code HashJoin}, ...
 * @param table the table a scan or a modification reads or writes
 * @param index the index an index scan or lookup uses
 * @param details conditions and keys as EXPLAIN prints them ({@code Filter: (status = 'open')})
 * @param estimatedRows the planner's row estimate
 * @param estimatedCost the planner's cumulative cost of the operator and its inputs (Calcite's cost
 *     in rows, which is what its planner compares)
 * @param actualRows rows the operator produced in the profiled execution
 * @param loops how often the operator was started
 * @param actualTimeMs time spent in the operator and its inputs
 * @param children the operator's inputs
 */
public record PlanNode(String operator, String table, String index, List<String> details, Double estimatedRows,
        Double estimatedCost, Long actualRows, Long loops, Double actualTimeMs, List<PlanNode> children) {

    public PlanNode {
        details = details == null ? List.of() : List.copyOf(details);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** This operator with the measured rows, loops and time. */
    public PlanNode measured(long rows, long loopCount, double timeMs) {
        return new PlanNode(operator, table, index, details, estimatedRows, estimatedCost, rows, loopCount, timeMs,
                children);
    }

    /** This operator with other inputs. */
    public PlanNode withChildren(List<PlanNode> inputs) {
        return new PlanNode(operator, table, index, details, estimatedRows, estimatedCost, actualRows, loops,
                actualTimeMs, inputs);
    }
}
