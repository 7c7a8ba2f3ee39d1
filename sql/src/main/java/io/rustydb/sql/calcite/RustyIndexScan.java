package io.rustydb.sql.calcite;

import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.index.IndexAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Reads a table through an index (its primary key or a secondary index) for the key ranges an
 * {@link IndexAccess} derives from the query's bounds; the query's filter stays above it. EXPLAIN
 * shows it as {@code RustyIndexScan(table=..., index=..., condition=...)} with its estimated rows
 * and cost.
 */
public final class RustyIndexScan extends TableScan implements EnumerableRel {
    private final IndexAccess access;
    /** Per slot of the access: a {@link Slot} naming where its value comes from at execution. */
    private final List<Slot> slots;

    /** Where a bound value comes from: the statement's parameter {@code ?index}, or a constant. */
    public record Slot(int parameter, Object constant) {

        public static Slot parameter(int index) {
            return new Slot(index, null);
        }

        public static Slot constant(Object value) {
            return new Slot(-1, value);
        }

        @Override
        public String toString() {
            return parameter >= 0 ? "?" + parameter : String.valueOf(constant);
        }
    }

    RustyIndexScan(RelOptCluster cluster, RelOptTable table, IndexAccess access, List<Slot> slots) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE)
                .replaceIfs(org.apache.calcite.rel.RelCollationTraitDef.INSTANCE, table::getCollationList), List.of(), table);
        this.access = access;
        this.slots = List.copyOf(slots);
    }

    public IndexAccess access() {
        return access;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("index", access.index().name())
                .item("condition", access.condition(i -> slots.get(i).toString()))
                .itemIf("indexOnly", true, access.indexOnly());
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return access.rows();
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return planner.getCostFactory().makeCost(access.cost(), access.cost(), 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        List<Expression> values = new ArrayList<>();
        for (Slot slot : slots) {
            values.add(slot.parameter() >= 0
                    ? Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET.method,
                            Expressions.constant("?" + slot.parameter()))
                    : implementor.stash(slot.constant(), Object.class));
        }
        Tablespace tablespace = table.unwrap(StorageTable.class).tablespace();
        BlockBuilder builder = new BlockBuilder();
        builder.add(Expressions.return_(null, Expressions.call(IndexScanRuntime.class, "scan", DataContext.ROOT,
                implementor.stash(access, IndexAccess.class), implementor.stash(tablespace, Tablespace.class),
                Expressions.newArrayInit(Object.class, values),
                Expressions.constant(physType.getFormat() == JavaRowFormat.SCALAR))));
        return implementor.result(physType, builder.toBlock());
    }
}
