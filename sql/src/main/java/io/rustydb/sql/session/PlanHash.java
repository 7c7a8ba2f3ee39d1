package io.rustydb.sql.session;

import io.rustydb.monitoring.statements.PlanNode;
import io.rustydb.sql.exec.StatementPlan;
import java.nio.charset.StandardCharsets;

/**
 * Oracle's {@code plan_hash_value} for RustyDB plans: a positive 32-bit hash of the plan's shape,
 * its operators with their tables, indexes and details (predicates with their parameter
 * markers), in tree order, but not the planner's row and cost estimates. Two executions share a
 * value exactly when they ran the same plan, so a plan change after DDL or new statistics shows
 * as a new value in {@code v$session} and ASH.
 */
final class PlanHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PlanHash() {
    }

    static long of(StatementPlan plan) {
        long h = mix(FNV_OFFSET, plan.commandName());
        h = node(h, plan.planTree());
        long folded = (h ^ (h >>> 32)) & 0xffffffffL;
        return folded == 0 ? 1 : folded;
    }

    private static long node(long h, PlanNode n) {
        h = mix(h, "(");
        h = mix(h, n.operator());
        h = mix(h, n.table());
        h = mix(h, n.index());
        for (String detail : n.details()) {
            h = mix(h, detail);
        }
        for (PlanNode child : n.children()) {
            h = node(h, child);
        }
        return mix(h, ")");
    }

    private static long mix(long h, String s) {
        if (s == null) {
            return (h ^ 0xff) * FNV_PRIME;
        }
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return (h ^ 0xfe) * FNV_PRIME;
    }
}
