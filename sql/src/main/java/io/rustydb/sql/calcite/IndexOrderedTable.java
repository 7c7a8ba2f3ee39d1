package io.rustydb.sql.calcite;

import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelDistribution;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The table as an index scan reads it: the same table, but in the index's order. Calcite takes a
 * scan's sort order from its table's collation list ({@code RelMdCollation} for TableScan), and
 * the table's own list is the primary key's, which a secondary index scan does not follow.
 * Entries of a secondary index are ordered by its columns (ascending, NULLs last, as every index
 * is stored) and then by the row's primary key.
 */
final class IndexOrderedTable implements RelOptTable {
    private final RelOptTable table;
    private final List<RelCollation> collations;

    IndexOrderedTable(RelOptTable table, TableDef def, IndexDef index) {
        this.table = table;
        List<RelFieldCollation> order = new ArrayList<>();
        if (!index.primary()) {
            for (int column : def.indexColumnPositions(index)) {
                order.add(ascending(column));
            }
        }
        for (int column : def.primaryKey()) {
            if (order.stream().noneMatch(c -> c.getFieldIndex() == column)) {
                order.add(ascending(column));
            }
        }
        this.collations = order.isEmpty() ? List.of() : List.of(RelCollations.of(order));
    }

    private static RelFieldCollation ascending(int column) {
        return new RelFieldCollation(column, RelFieldCollation.Direction.ASCENDING,
                RelFieldCollation.NullDirection.LAST);
    }

    @Override
    public List<RelCollation> getCollationList() {
        return collations;
    }

    @Override
    public List<String> getQualifiedName() {
        return table.getQualifiedName();
    }

    @Override
    public double getRowCount() {
        return table.getRowCount();
    }

    @Override
    public RelDataType getRowType() {
        return table.getRowType();
    }

    @Override
    public RelOptSchema getRelOptSchema() {
        return table.getRelOptSchema();
    }

    @Override
    public RelNode toRel(ToRelContext context) {
        return table.toRel(context);
    }

    @Override
    public RelDistribution getDistribution() {
        return table.getDistribution();
    }

    @Override
    public boolean isKey(ImmutableBitSet columns) {
        return table.isKey(columns);
    }

    @Override
    public List<ImmutableBitSet> getKeys() {
        return table.getKeys();
    }

    @Override
    public List<RelReferentialConstraint> getReferentialConstraints() {
        return table.getReferentialConstraints();
    }

    @Override
    public Expression getExpression(Class clazz) {
        return table.getExpression(clazz);
    }

    @Override
    public RelOptTable extend(List<RelDataTypeField> extendedFields) {
        return table.extend(extendedFields);
    }

    @Override
    public List<ColumnStrategy> getColumnStrategies() {
        return table.getColumnStrategies();
    }

    @Override
    public <C> C unwrap(Class<C> aClass) {
        return aClass.isInstance(this) ? aClass.cast(this) : table.unwrap(aClass);
    }
}
