package io.rustydb.sql.exec;

import io.rustydb.monitoring.statements.PlanNode;
import java.util.List;

/** Plan trees of the statements the engine runs without Calcite (one or two steps). */
public final class PlanNodes {
    private PlanNodes() {
    }

    /** A step without estimates. */
    public static PlanNode step(String operator) {
        return new PlanNode(operator, null, null, List.of(), null, null, null, null, null, List.of());
    }

    /** A step on a table, through an index if {@code index} is not null. */
    public static PlanNode step(String operator, String table, String index, List<String> details, Double rows,
            List<PlanNode> children) {
        return new PlanNode(operator, table, index, details, rows, null, null, null, null, children);
    }
}
