package io.rustydb.sql.index;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.WriteTarget;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Keeps a table's secondary indexes in step with its rows, in the writing transaction (or its bulk load): an entry
 * per row and index, added on insert, removed on delete, moved on update when the indexed values
 * (or the row's key) change. A UNIQUE index refuses a second row with equal non-NULL values with
 * 23505, checked under the entry's row lock so concurrent writers of one value cannot both win.
 */
public final class IndexMaintainer {
    private static final IndexMaintainer NONE = new IndexMaintainer(null, List.of());

    private final Tablespace tablespace;
    private final List<IndexKeys> indexes;

    private IndexMaintainer(Tablespace tablespace, List<IndexKeys> indexes) {
        this.tablespace = tablespace;
        this.indexes = indexes;
    }

    /** The maintainer of {@code table}'s secondary indexes (a no-op when it has none). */
    public static IndexMaintainer of(TableDef table, Tablespace tablespace) {
        if (table.indexes().isEmpty()) {
            return NONE;
        }
        List<IndexKeys> keys = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            keys.add(new IndexKeys(table, index));
        }
        return new IndexMaintainer(tablespace, keys);
    }

    /** The maintainer of one index only (while it is being built). */
    public static IndexMaintainer single(TableDef table, IndexDef index, Tablespace tablespace) {
        return new IndexMaintainer(tablespace, List.of(new IndexKeys(table, index)));
    }

    public boolean isEmpty() {
        return indexes.isEmpty();
    }

    /** Adds the entries of a new row stored under {@code rowKey}; 23505 on a unique conflict. */
    public void inserted(WriteTarget txn, byte[] rowKey, Object[] row) {
        for (IndexKeys keys : indexes) {
            add(txn, keys, keys.values(row), rowKey);
        }
    }

    /** Removes the entries of a deleted row. */
    public void deleted(WriteTarget txn, byte[] rowKey, Object[] row) {
        for (IndexKeys keys : indexes) {
            txn.delete(tablespace, keys.entryKey(keys.values(row), rowKey));
        }
    }

    /** Moves the entries of an updated row whose indexed values or key changed. */
    public void updated(WriteTarget txn, byte[] oldKey, Object[] oldRow, byte[] newKey, Object[] newRow) {
        boolean keyChanged = !Arrays.equals(oldKey, newKey);
        for (IndexKeys keys : indexes) {
            Object[] before = keys.values(oldRow);
            Object[] after = keys.values(newRow);
            if (!keyChanged && Arrays.equals(before, after)) {
                continue;
            }
            txn.delete(tablespace, keys.entryKey(before, oldKey));
            add(txn, keys, after, newKey);
        }
    }

    private void add(WriteTarget txn, IndexKeys keys, Object[] values, byte[] rowKey) {
        byte[] entry = keys.entryKey(values, rowKey);
        if (keys.uniqueByValues(values)) {
            byte[] existing = txn.getForUpdate(tablespace, entry);
            if (existing != null && !Arrays.equals(existing, rowKey)) {
                throw duplicate(keys, values, "already exists");
            }
        }
        txn.put(tablespace, entry, rowKey);
    }

    /** 23505 naming the index, with PostgreSQL's detail {@code Key (a, b)=(1, 2) <verb>.}. */
    static RustyDbException duplicate(IndexKeys keys, Object[] values, String verb) {
        return new RustyDbException(ErrorCode.UNIQUE_VIOLATION, keys.index().name())
                .withDetail("Key " + describe(keys.index(), values) + " " + verb + ".");
    }

    static String describe(IndexDef index, Object[] values) {
        StringJoiner names = new StringJoiner(", ", "(", ")");
        StringJoiner text = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < values.length; i++) {
            names.add(index.columns().get(i).name());
            Object v = values[i];
            text.add(v == null ? "null" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return names + "=" + text;
    }
}
