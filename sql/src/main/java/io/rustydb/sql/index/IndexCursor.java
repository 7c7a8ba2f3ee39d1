package io.rustydb.sql.index;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ValueConverter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the rows an {@link IndexAccess} selects for one execution: turns the bound values into
 * key ranges of the index, walks them in the transaction's snapshot and, for a secondary index,
 * reads each row by the primary key its entry holds (or, index-only, rebuilds the row's key and
 * indexed columns from the entry). NULL bound values select nothing, as comparisons with NULL
 * are never true. Not thread-safe; close it to free the iterator.
 */
public final class IndexCursor implements AutoCloseable {
    private static final byte NOT_NULL = 0x01;
    private static final byte NULL = 0x02;

    private final IndexAccess access;
    private final StorageTransaction txn;
    private final Tablespace tablespace;
    private final IndexKeys keys;
    private final List<byte[][]> ranges;
    private final List<DataType> columnTypes;
    private final io.rustydb.sql.stats.ThreadCounters counters = io.rustydb.sql.stats.ThreadCounters.current();
    private int nextRange;
    private KvIterator iterator;
    private byte[] rowKey;
    private byte[] rowValue;
    private Object[] row;

    public IndexCursor(IndexAccess access, StorageTransaction txn, Tablespace tablespace, Object[] slotValues) {
        this.access = access;
        this.txn = txn;
        this.tablespace = tablespace;
        this.keys = new IndexKeys(access.table(), access.index());
        this.columnTypes = access.table().columnTypes();
        this.ranges = ranges(slotValues);
    }

    /** Moves to the next row; false at the end. */
    public boolean next() {
        while (true) {
            if (iterator == null) {
                if (nextRange == ranges.size()) {
                    return false;
                }
                byte[][] range = ranges.get(nextRange++);
                iterator = txn.scan(tablespace, range[0], range[1]);
            }
            if (!iterator.next()) {
                iterator.close();
                iterator = null;
                continue;
            }
            if (access.index().primary()) {
                rowKey = iterator.key();
                rowValue = iterator.value();
                row = null;
                counters.rowsExamined++;
                return true;
            }
            rowKey = iterator.value();
            if (access.indexOnly()) {
                rowValue = null;
                row = indexOnlyRow(iterator.key(), rowKey);
                counters.rowsExamined++;
                return true;
            }
            rowValue = txn.get(tablespace, rowKey);
            row = null;
            if (rowValue != null) {
                counters.rowsExamined++;
                return true;
            }
        }
    }

    /** The current row's storage key. */
    public byte[] key() {
        return rowKey;
    }

    /** The current row's stored value (null for an index-only path). */
    public byte[] value() {
        return rowValue;
    }

    /** The current row; for an index-only path only its key and indexed columns are set. */
    public Object[] row() {
        if (row == null) {
            row = RowCodec.decode(rowValue, columnTypes);
        }
        return row;
    }

    private Object[] indexOnlyRow(byte[] entryKey, byte[] storageKey) {
        TableDef table = access.table();
        Object[] out = new Object[table.columns().size()];
        Object[] values = keys.decode(entryKey);
        int[] positions = keys.positions();
        for (int i = 0; i < positions.length; i++) {
            out[positions[i]] = values[i];
        }
        if (table.hasPrimaryKey()) {
            Object[] pk = KeyCodec.decodeKey(storageKey, table.keyTypes());
            for (int i = 0; i < pk.length; i++) {
                out[table.primaryKey().get(i)] = pk[i];
            }
        }
        return out;
    }

    private List<byte[][]> ranges(Object[] slots) {
        List<int[]> equalities = access.equalities();
        List<Object[]> prefixes = new ArrayList<>();
        prefixes.add(new Object[keys.types().size()]);
        int fixed = equalities.size();
        for (int i = 0; i < equalities.size() && fixed == equalities.size(); i++) {
            List<Object[]> expanded = new ArrayList<>();
            for (Object[] prefix : prefixes) {
                for (int slot : equalities.get(i)) {
                    Object value = convert(slots[slot], i);
                    if (value == UNCONVERTIBLE) {
                        fixed = i;
                        break;
                    }
                    if (value != null) {
                        Object[] next = prefix.clone();
                        next[i] = value;
                        expanded.add(next);
                    }
                }
            }
            if (fixed == equalities.size()) {
                prefixes = expanded;
            }
        }
        List<byte[][]> out = new ArrayList<>();
        for (Object[] prefix : prefixes) {
            byte[][] range = range(prefix, fixed, slots);
            if (range != null) {
                out.add(range);
            }
        }
        out.sort(Comparator.comparing(r -> r[0], Arrays::compareUnsigned));
        out.removeIf(new java.util.function.Predicate<>() {
            private byte[] last;

            @Override
            public boolean test(byte[][] r) {
                boolean duplicate = last != null && Arrays.equals(last, r[0]);
                last = r[0];
                return duplicate;
            }
        });
        return out;
    }

    private static final Object UNCONVERTIBLE = new Object();

    /** The range of one equality prefix of {@code fixed} values, with the bounds of the next column. */
    private byte[][] range(Object[] prefix, int fixed, Object[] slots) {
        byte[] base = keys.prefix(prefix, fixed);
        boolean bounded = fixed == access.equalities().size() && fixed < keys.types().size()
                && (access.lower() != null || access.upper() != null);
        if (!bounded) {
            return new byte[][] {base, KeyCodec.prefixEnd(base)};
        }
        byte[] from = append(base, NOT_NULL);
        byte[] to = append(base, NULL);
        ColumnBound lower = access.lower();
        if (lower != null) {
            Object value = convert(slots[lower.slots()[0]], fixed);
            if (value == null) {
                return null;
            }
            if (value != UNCONVERTIBLE) {
                byte[] at = keys.prefix(with(prefix, fixed, value), fixed + 1);
                from = lower.op() == ColumnBound.Op.GE ? at : KeyCodec.prefixEnd(at);
            }
        }
        ColumnBound upper = access.upper();
        if (upper != null) {
            Object value = convert(slots[upper.slots()[0]], fixed);
            if (value == null) {
                return null;
            }
            if (value != UNCONVERTIBLE) {
                byte[] at = keys.prefix(with(prefix, fixed, value), fixed + 1);
                to = upper.op() == ColumnBound.Op.LE ? KeyCodec.prefixEnd(at) : at;
            }
        }
        return Arrays.compareUnsigned(from, to) < 0 ? new byte[][] {from, to} : null;
    }

    private Object convert(Object raw, int keyColumn) {
        if (raw == null) {
            return null;
        }
        try {
            int column = keys.positions()[keyColumn];
            ColumnType type = access.table().columns().get(column).type();
            Object value = ValueConverter.convert(raw, type.type());
            return exact(raw, value) ? value : UNCONVERTIBLE;
        } catch (RuntimeException e) {
            return UNCONVERTIBLE;
        }
    }

    /** False when converting changed a number's value (2.5 to an integer), which would move a bound. */
    private static boolean exact(Object raw, Object value) {
        if (!(raw instanceof Number) || !(value instanceof Number) || raw.getClass() == value.getClass()) {
            return true;
        }
        if (value instanceof Float || value instanceof Double) {
            return false;
        }
        return new java.math.BigDecimal(raw.toString()).compareTo(new java.math.BigDecimal(value.toString())) == 0;
    }

    private static Object[] with(Object[] prefix, int at, Object value) {
        Object[] out = prefix.clone();
        out[at] = value;
        return out;
    }

    private static byte[] append(byte[] base, byte b) {
        byte[] out = Arrays.copyOf(base, base.length + 1);
        out[base.length] = b;
        return out;
    }

    @Override
    public void close() {
        if (iterator != null) {
            iterator.close();
            iterator = null;
        }
    }
}
