package io.rustydb.sql.index;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * An access path through one index (the primary key or a secondary index) for a set of
 * {@link ColumnBound}s: equalities (or IN lists) on a leading run of the key columns and at most
 * a lower and an upper bound on the next one. {@link #choose} picks the cheapest such path by
 * estimated rows, from the row count and the distinct keys ANALYZE measured. The caller still
 * checks the full condition on every row the path returns.
 */
public final class IndexAccess {
    /** Selectivity of an equality on one key column when ANALYZE has not counted the index. */
    private static final double EQ_SELECTIVITY = 0.05;
    private static final double RANGE_SELECTIVITY = 1.0 / 3;
    /** Cost of reading a row through a secondary index entry, relative to a sequential row. */
    private static final double FETCH_COST = 2.0;
    /** Cost of one seek (one range) in an index. */
    private static final double SEEK_COST = 1.0;

    private final TableDef table;
    private final IndexDef index;
    private final List<int[]> equalities;
    private final ColumnBound lower;
    private final ColumnBound upper;
    private final boolean indexOnly;
    private final double rows;
    private final double cost;

    private IndexAccess(TableDef table, IndexDef index, List<int[]> equalities, ColumnBound lower,
            ColumnBound upper, boolean indexOnly, double rows, double cost) {
        this.table = table;
        this.index = index;
        this.equalities = equalities;
        this.lower = lower;
        this.upper = upper;
        this.indexOnly = indexOnly;
        this.rows = rows;
        this.cost = cost;
    }

    /**
     * The cheapest index path for {@code bounds}, or null if no index serves them.
     *
     * @param tableRows the table's estimated row count
     * @param distinct distinct keys of an index (by id) at its last ANALYZE, or -1
     * @param usedColumns the columns the query reads (index-only paths are considered when they
     *     are all in an index), or null for all
     */
    public static IndexAccess choose(TableDef table, List<ColumnBound> bounds, double tableRows,
            IntToLongFunction distinct, BitSet usedColumns) {
        IndexAccess best = null;
        for (IndexDef index : table.allIndexes()) {
            IndexAccess candidate = forIndex(table, index, bounds, Math.max(tableRows, 1), distinct, usedColumns);
            if (candidate != null && (best == null || candidate.cost < best.cost)) {
                best = candidate;
            }
        }
        return best;
    }

    private static IndexAccess forIndex(TableDef table, IndexDef index, List<ColumnBound> bounds, double tableRows,
            IntToLongFunction distinct, BitSet usedColumns) {
        int[] positions = table.indexColumnPositions(index);
        List<int[]> equalities = new ArrayList<>();
        double points = 1;
        int k = 0;
        for (; k < positions.length && !excluded(table, positions[k]); k++) {
            ColumnBound eq = find(bounds, positions[k], ColumnBound.Op.EQ, ColumnBound.Op.EQ);
            if (eq == null) {
                eq = find(bounds, positions[k], ColumnBound.Op.IN, ColumnBound.Op.IN);
            }
            if (eq == null) {
                break;
            }
            equalities.add(eq.slots());
            points *= eq.slots().length;
        }
        ColumnBound lower = null;
        ColumnBound upper = null;
        if (k < positions.length && !excluded(table, positions[k])) {
            lower = find(bounds, positions[k], ColumnBound.Op.GT, ColumnBound.Op.GE);
            upper = find(bounds, positions[k], ColumnBound.Op.LT, ColumnBound.Op.LE);
        }
        if (equalities.isEmpty() && lower == null && upper == null) {
            return null;
        }
        double selectivity;
        if (k == positions.length && index.unique()) {
            selectivity = 1 / tableRows;
        } else if (k == positions.length && distinct.applyAsLong(index.id()) > 0) {
            selectivity = 1.0 / distinct.applyAsLong(index.id());
        } else {
            selectivity = Math.pow(EQ_SELECTIVITY, k);
        }
        selectivity *= (lower != null ? RANGE_SELECTIVITY : 1) * (upper != null ? RANGE_SELECTIVITY : 1);
        double rows = Math.max(1, Math.min(tableRows, tableRows * selectivity * points));
        boolean indexOnly = !index.primary() && covers(table, positions, usedColumns);
        double perRow = index.primary() || indexOnly ? 1 : FETCH_COST;
        return new IndexAccess(table, index, equalities, lower, upper, indexOnly, rows,
                rows * perRow + points * SEEK_COST);
    }

    /** CHAR(n) columns are compared blank-padded, which key ranges do not model: not used. */
    private static boolean excluded(TableDef table, int column) {
        return table.columns().get(column).type().type() == DataType.CHAR;
    }

    private static boolean covers(TableDef table, int[] positions, BitSet used) {
        if (used == null) {
            return false;
        }
        BitSet available = new BitSet();
        for (int p : positions) {
            available.set(p);
        }
        table.primaryKey().forEach(available::set);
        BitSet missing = (BitSet) used.clone();
        missing.andNot(available);
        return missing.isEmpty();
    }

    private static ColumnBound find(List<ColumnBound> bounds, int column, ColumnBound.Op a, ColumnBound.Op b) {
        for (ColumnBound bound : bounds) {
            if (bound.column() == column && (bound.op() == a || bound.op() == b)) {
                return bound;
            }
        }
        return null;
    }

    public TableDef table() {
        return table;
    }

    public IndexDef index() {
        return index;
    }

    /** Whether the rows come from the index entries alone (only key and primary-key columns). */
    public boolean indexOnly() {
        return indexOnly;
    }

    /** Estimated rows the path returns. */
    public double rows() {
        return rows;
    }

    /** Estimated cost, in the unit of reading one row of a full scan. */
    public double cost() {
        return cost;
    }

    List<int[]> equalities() {
        return equalities;
    }

    ColumnBound lower() {
        return lower;
    }

    ColumnBound upper() {
        return upper;
    }

    /** The index condition as EXPLAIN shows it, e.g. {@code (a = $1) AND (b > $2)}. */
    public String condition(IntFunction<String> slotText) {
        StringJoiner out = new StringJoiner(" AND ");
        List<String> names = index.columnNames();
        for (int i = 0; i < equalities.size(); i++) {
            int[] slots = equalities.get(i);
            if (slots.length == 1) {
                out.add("(" + names.get(i) + " = " + slotText.apply(slots[0]) + ")");
            } else {
                StringJoiner list = new StringJoiner(", ", "(", ")");
                for (int s : slots) {
                    list.add(slotText.apply(s));
                }
                out.add("(" + names.get(i) + " IN " + list + ")");
            }
        }
        for (ColumnBound b : new ColumnBound[] {lower, upper}) {
            if (b != null) {
                out.add("(" + names.get(equalities.size()) + " " + b.op().symbol() + " " + slotText.apply(b.slots()[0]) + ")");
            }
        }
        return out.toString();
    }

    /** One EXPLAIN line: {@code Index Scan using i on t (a = $1) (rows=N cost=C)}. */
    public String explainLine(IntFunction<String> slotText) {
        String kind = indexOnly ? "Index Only Scan" : "Index Scan";
        return kind + " using " + index.name() + " on " + table.name() + " " + condition(slotText)
                + String.format(java.util.Locale.ROOT, " (rows=%.0f cost=%.2f)", rows, cost);
    }
}
