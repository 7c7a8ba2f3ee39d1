package io.rustydb.sql.calcite;

import io.rustydb.sql.index.IndexAccess;
import java.util.BitSet;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Offers the Volcano planner an {@link RustyIndexScan} under a filter over one of our tables when
 * the filter bounds indexed columns; the planner keeps it if its estimated cost beats the full
 * scan. The variant over {@code Project(Filter(Scan))} also considers index-only scans when the
 * query reads no column outside the index and the primary key.
 */
@SuppressWarnings("deprecation")
final class IndexScanRule extends RelOptRule {
    static final IndexScanRule FILTER = new IndexScanRule(false);
    static final IndexScanRule PROJECT_FILTER = new IndexScanRule(true);

    private final boolean withProject;

    private IndexScanRule(boolean withProject) {
        super(withProject
                ? operand(LogicalProject.class, operand(LogicalFilter.class, operand(LogicalTableScan.class, none())))
                : operand(LogicalFilter.class, operand(LogicalTableScan.class, none())),
                withProject ? "RustyIndexOnlyScanRule" : "RustyIndexScanRule");
        this.withProject = withProject;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = withProject ? call.rel(0) : null;
        Filter filter = call.rel(withProject ? 1 : 0);
        LogicalTableScan scan = call.rel(withProject ? 2 : 1);
        StorageTable table = scan.getTable().unwrap(StorageTable.class);
        if (table == null) {
            return;
        }
        RexBounds bounds = RexBounds.of(filter.getCondition(), scan.getRowType());
        if (bounds.bounds.isEmpty()) {
            return;
        }
        BitSet used = null;
        if (project != null) {
            ImmutableBitSet columns = RelOptUtil.InputFinder.bits(project.getProjects(), null)
                    .union(RelOptUtil.InputFinder.bits(filter.getCondition()));
            used = columns.toBitSet();
        }
        IndexAccess access = IndexAccess.choose(table.definition(), bounds.bounds, scan.estimateRowCount(
                call.getMetadataQuery()), table::indexDistinct, used);
        if (access == null || (project != null && !access.indexOnly())) {
            return;
        }
        RelNode indexScan = new RustyIndexScan(scan.getCluster(),
                new IndexOrderedTable(scan.getTable(), table.definition(), access.index()), access, bounds.slots);
        // new nodes, so their sort order is derived from the index scan's, not the table scan's
        RelNode filtered = LogicalFilter.create(indexScan, filter.getCondition(),
                com.google.common.collect.ImmutableSet.copyOf(filter.getVariablesSet()));
        call.transformTo(project == null ? filtered
                : LogicalProject.create(filtered, project.getHints(), project.getProjects(), project.getRowType()));
    }
}
