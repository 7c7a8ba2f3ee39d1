package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * EXPLAIN ANALYZE's probe: sits above one operator of a physical plan and counts the rows and
 * time of its output into an {@link OperatorStats}, passing rows through unchanged.
 */
final class InstrumentedRel extends SingleRel implements EnumerableRel {
    private final OperatorStats stats;

    private InstrumentedRel(RelNode input, OperatorStats stats) {
        super(input.getCluster(), input.getTraitSet(), input);
        this.stats = stats;
    }

    /**
     * A copy of {@code plan} with a probe above every operator; {@code stats} gets a probe's figures
     * per occurrence of an operator in the tree, in preorder (the order EXPLAIN prints them). An
     * operator the planner shares between two places (the same scan on both sides of a join) gets
     * a probe in each, so each place counts only its own rows.
     */
    static RelNode instrument(RelNode plan, List<OperatorStats> stats) {
        OperatorStats own = new OperatorStats();
        stats.add(own);
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : plan.getInputs()) {
            inputs.add(instrument(input, stats));
        }
        RelNode copy = inputs.isEmpty() ? plan : plan.copy(plan.getTraitSet(), inputs);
        return new InstrumentedRel(copy, own);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new InstrumentedRel(inputs.get(0), stats);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression probe = implementor.stash(stats, OperatorStats.class);
        // an operator that computes its result while its Enumerable is built (a hash aggregate
        // consumes its input there) is timed from before its block runs
        builder.add(Expressions.statement(Expressions.call(OperatorStats.class, "building", probe)));
        Expression rows = builder.append("rows", child.block);
        builder.add(Expressions.return_(null, Expressions.call(OperatorStats.class, "wrap", probe, rows)));
        return implementor.result(child.physType, builder.toBlock());
    }
}
