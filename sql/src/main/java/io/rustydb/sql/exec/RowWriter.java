package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.persistence.WriteTarget;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.IndexMaintainer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a table's rows inside a transaction, enforcing its constraints: values converted to the
 * column types, NOT NULL (23502) and primary-key uniqueness (23505, checked under the row lock so
 * concurrent inserts of one key cannot both succeed).
 */
final class RowWriter {
    private final TableDef table;
    private final Tablespace tablespace;
    private final Catalog catalog;
    private final List<DataType> types;
    private final List<DataType> keyTypes;
    private final IndexMaintainer indexes;

    RowWriter(EngineContext engine, TableDef table) {
        this.table = table;
        this.tablespace = engine.storage().tablespace(table.tablespace());
        this.catalog = engine.catalog();
        this.types = table.columnTypes();
        this.keyTypes = table.keyTypes();
        this.indexes = IndexMaintainer.of(table, tablespace);
    }

    TableDef table() {
        return table;
    }

    Tablespace tablespace() {
        return tablespace;
    }

    /** Converts column {@code index}'s new value to the column's declared type. */
    Object convert(int index, Object value) {
        return ValueConverter.convert(value, table.columns().get(index).type());
    }

    /** Inserts a converted row; 23505 if its primary key exists. */
    void insert(WriteTarget txn, Object[] row) {
        checkNotNull(row);
        if (!table.hasPrimaryKey()) {
            byte[] key = rowIdKey(catalog.nextRowId(table.id()));
            txn.put(tablespace, key, RowCodec.encode(types, row));
            indexes.inserted(txn, key, row);
            return;
        }
        byte[] key = primaryKey(row);
        if (txn.getForUpdate(tablespace, key) != null) {
            throw duplicate(row);
        }
        txn.put(tablespace, key, RowCodec.encode(types, row));
        indexes.inserted(txn, key, row);
    }

    /** Deletes the row {@code row} stored under {@code key} (already locked) and its index entries. */
    void delete(StorageTransaction txn, byte[] key, Object[] row) {
        txn.delete(tablespace, key);
        indexes.deleted(txn, key, row);
    }

    /** Replaces the row {@code oldRow} stored under {@code oldKey} (already locked) with {@code row}. */
    void update(StorageTransaction txn, byte[] oldKey, Object[] oldRow, Object[] row) {
        checkNotNull(row);
        byte[] key = table.hasPrimaryKey() ? primaryKey(row) : oldKey;
        if (!Arrays.equals(key, oldKey)) {
            if (txn.getForUpdate(tablespace, key) != null) {
                throw duplicate(row);
            }
            txn.delete(tablespace, oldKey);
        }
        txn.put(tablespace, key, RowCodec.encode(types, row));
        indexes.updated(txn, oldKey, oldRow, key, row);
    }

    Object[] decode(byte[] value) {
        return RowCodec.decode(value, types);
    }

    /** The storage key of a row with these primary-key values (already converted). */
    byte[] primaryKey(Object[] row) {
        Object[] values = new Object[table.primaryKey().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[table.primaryKey().get(i)];
        }
        return KeyCodec.encodeKey(table.id(), keyTypes, values);
    }

    private byte[] rowIdKey(long rowId) {
        return KeyCodec.encodeKey(table.id(), keyTypes, new Object[] {rowId});
    }

    private void checkNotNull(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            ColumnDef c = table.columns().get(i);
            if (row[i] == null && (!c.nullable() || table.primaryKey().contains(i))) {
                throw new RustyDbException(ErrorCode.NOT_NULL_VIOLATION, c.name(), table.name())
                        .withDetail("Failing row contains " + render(row) + ".");
            }
        }
    }

    private RustyDbException duplicate(Object[] row) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (int i : table.primaryKey()) {
            names.add(table.columns().get(i).name());
            values.add(text(row[i]));
        }
        return new RustyDbException(ErrorCode.UNIQUE_VIOLATION, table.primaryKeyName())
                .withDetail("Key (" + names + ")=(" + values + ") already exists.");
    }

    private static String render(Object[] row) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (Object v : row) {
            joiner.add(text(v));
        }
        return joiner.toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "null";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
}
