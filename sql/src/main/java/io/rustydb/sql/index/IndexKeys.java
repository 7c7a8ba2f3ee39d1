package io.rustydb.sql.index;

import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of one index entry: the order-preserving encoding of (index id, indexed values) followed
 * by the row's primary key (its storage key without the table id), so entries of equal values
 * stay distinct. A UNIQUE index entry whose values have no NULL omits the primary-key suffix: the
 * values alone are the key, so two writers of one value contend for the same key (and its row
 * lock). The entry's value is always the row's storage key.
 */
public final class IndexKeys {
    private final IndexDef index;
    private final int[] positions;
    private final List<DataType> types;

    public IndexKeys(TableDef table, IndexDef index) {
        this.index = index;
        this.positions = table.indexColumnPositions(index);
        List<DataType> t = new ArrayList<>();
        for (int p : positions) {
            t.add(table.columns().get(p).type().type());
        }
        this.types = List.copyOf(t);
    }

    public IndexDef index() {
        return index;
    }

    /** Column positions of the key columns. */
    public int[] positions() {
        return positions;
    }

    /** Types of the key columns. */
    public List<DataType> types() {
        return types;
    }

    /** The indexed values of a row. */
    public Object[] values(Object[] row) {
        Object[] values = new Object[positions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[positions[i]];
        }
        return values;
    }

    /** Whether the entry is unique by its values alone (UNIQUE index, no NULL value). */
    public boolean uniqueByValues(Object[] values) {
        if (!index.unique()) {
            return false;
        }
        for (Object v : values) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    /** The entry key of a row stored under {@code rowKey}. */
    public byte[] entryKey(Object[] values, byte[] rowKey) {
        byte[] prefix = KeyCodec.encodeKey(index.id(), types, values);
        if (uniqueByValues(values)) {
            return prefix;
        }
        byte[] key = new byte[prefix.length + rowKey.length - 4];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(rowKey, 4, key, prefix.length, rowKey.length - 4);
        return key;
    }

    /** The leading {@code count} values' key prefix, for range scans. */
    public byte[] prefix(Object[] values, int count) {
        return KeyCodec.encodePrefix(index.id(), types, values, count);
    }

    /** Decodes the indexed values from an entry key. */
    public Object[] decode(byte[] entryKey) {
        return KeyCodec.decodeKey(entryKey, types);
    }
}
