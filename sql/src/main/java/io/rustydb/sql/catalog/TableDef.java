package io.rustydb.sql.catalog;

import io.rustydb.common.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the catalog stores it: its id (the key prefix of its rows), name, tablespace,
 * columns and primary-key column positions. A table without a primary key is keyed by a hidden
 * row id.
 */
public record TableDef(int id, String schema, String name, String tablespace, List<ColumnDef> columns,
        List<Integer> primaryKey) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    /** Position of the column with this (already case-folded) name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public List<DataType> columnTypes() {
        List<DataType> types = new ArrayList<>(columns.size());
        for (ColumnDef c : columns) {
            types.add(c.type().type());
        }
        return types;
    }

    /** Types of the key columns: the primary key's, or a single BIGINT row id. */
    public List<DataType> keyTypes() {
        if (!hasPrimaryKey()) {
            return List.of(DataType.BIGINT);
        }
        List<DataType> types = new ArrayList<>(primaryKey.size());
        for (int i : primaryKey) {
            types.add(columns.get(i).type().type());
        }
        return types;
    }

    /** The primary key constraint's name, as PostgreSQL names it. */
    public String primaryKeyName() {
        return name + "_pkey";
    }
}
