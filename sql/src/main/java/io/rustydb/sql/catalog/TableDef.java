package io.rustydb.sql.catalog;

import io.rustydb.common.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the catalog stores it: its id (the key prefix of its rows), name, tablespace,
 * columns, primary-key column positions and secondary indexes. A table without a primary key is
 * keyed by a hidden row id.
 */
public record TableDef(int id, String schema, String name, String tablespace, List<ColumnDef> columns,
        List<Integer> primaryKey, List<IndexDef> indexes) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    /** A table without secondary indexes. */
    public TableDef(int id, String schema, String name, String tablespace, List<ColumnDef> columns,
            List<Integer> primaryKey) {
        this(id, schema, name, tablespace, columns, primaryKey, List.of());
    }

    /** This table with another list of secondary indexes. */
    public TableDef withIndexes(List<IndexDef> newIndexes) {
        return new TableDef(id, schema, name, tablespace, columns, primaryKey, newIndexes);
    }

    /**
     * The primary key (if any, as an index with the table's id and {@code primary} true) followed
     * by the secondary indexes.
     */
    public List<IndexDef> allIndexes() {
        if (!hasPrimaryKey()) {
            return indexes;
        }
        List<IndexColumnDef> keyColumns = new ArrayList<>();
        for (int i : primaryKey) {
            keyColumns.add(IndexColumnDef.ascending(columns.get(i).name()));
        }
        List<IndexDef> all = new ArrayList<>();
        all.add(new IndexDef(id, primaryKeyName(), keyColumns, true, true));
        all.addAll(indexes);
        return all;
    }

    /** Column positions of an index's key columns. */
    public int[] indexColumnPositions(IndexDef index) {
        int[] positions = new int[index.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = columnIndex(index.columns().get(i).name());
        }
        return positions;
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
