package io.rustydb.sql.calcite;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.Tablespace;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: its row type and a scan over its key range in the current
 * statement's transaction (see {@link ExecutionContext}).
 */
public final class StorageTable extends AbstractTable implements ScannableTable {
    private final TableDef def;
    private final Tablespace tablespace;
    private final List<DataType> types;
    private final LongSupplier analyzedRows;
    private final java.util.function.IntToLongFunction indexDistinct;

    /** @param analyzedRows the row count of the last ANALYZE, or -1 if none */
    public StorageTable(TableDef def, Tablespace tablespace, LongSupplier analyzedRows) {
        this(def, tablespace, analyzedRows, id -> -1);
    }

    /** @param indexDistinct distinct keys of an index (by id) at the last ANALYZE, or -1 */
    public StorageTable(TableDef def, Tablespace tablespace, LongSupplier analyzedRows,
            java.util.function.IntToLongFunction indexDistinct) {
        this.def = def;
        this.tablespace = tablespace;
        this.types = def.columnTypes();
        this.analyzedRows = analyzedRows;
        this.indexDistinct = indexDistinct;
    }

    public Tablespace tablespace() {
        return tablespace;
    }

    /** Distinct keys of an index at its last ANALYZE, or -1. */
    public long indexDistinct(int indexId) {
        return indexDistinct.applyAsLong(indexId);
    }

    /**
     * Row count from ANALYZE (Calcite's default guess before the first one), the primary key, and
     * the order a scan returns rows in: by primary key, ascending, since keys are order-preserving
     * encodings (bytewise, i.e. code point order for text, PostgreSQL's "C" collation). A scan of a
     * table without a primary key follows its hidden row id, which is no column.
     */
    @Override
    public Statistic getStatistic() {
        long rows = analyzedRows.getAsLong();
        if (!def.hasPrimaryKey()) {
            return Statistics.of(rows < 0 ? 100d : rows, List.of());
        }
        List<RelFieldCollation> order = new java.util.ArrayList<>();
        for (int column : def.primaryKey()) {
            order.add(new RelFieldCollation(column, RelFieldCollation.Direction.ASCENDING,
                    RelFieldCollation.NullDirection.LAST));
        }
        return Statistics.of(rows < 0 ? 100d : rows, List.of(ImmutableBitSet.of(def.primaryKey())),
                List.of(RelCollations.of(order)));
    }

    public TableDef definition() {
        return def;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnDef c : def.columns()) {
            builder.add(c.name(), TypeMapping.relType(factory, c.type(), c.nullable()));
        }
        return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        ExecutionContext context = (ExecutionContext) root;
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                KvIterator it = context.transaction().scan(tablespace, KeyCodec.objectPrefix(def.id()),
                        KeyCodec.objectPrefixEnd(def.id()));
                return new RowEnumerator(context, it, types);
            }
        };
    }

    /** Decodes rows from a key-range iterator, checking for cancellation as it goes. */
    private static final class RowEnumerator implements Enumerator<Object[]> {
        private final ExecutionContext context;
        private final KvIterator iterator;
        private final List<DataType> types;
        private final io.rustydb.sql.stats.ThreadCounters counters = io.rustydb.sql.stats.ThreadCounters.current();
        private Object[] current;
        private int sinceCheck;

        RowEnumerator(ExecutionContext context, KvIterator iterator, List<DataType> types) {
            this.context = context;
            this.iterator = iterator;
            this.types = types;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            if (++sinceCheck >= 256) {
                sinceCheck = 0;
                context.checkCancelled();
            }
            if (!iterator.next()) {
                return false;
            }
            current = RowCodec.decode(iterator.value(), types);
            counters.rowsExamined++;
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("table scans cannot be reset");
        }

        @Override
        public void close() {
            iterator.close();
        }
    }
}
