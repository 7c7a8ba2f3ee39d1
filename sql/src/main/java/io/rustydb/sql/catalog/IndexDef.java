package io.rustydb.sql.catalog;

import java.util.List;

/**
 * An index of a table as the catalog stores it: its object id (the key prefix of its entries in
 * the table's tablespace), name, key columns in order and whether it is UNIQUE. The table's
 * primary key is presented through the same record ({@code primary} true, id = the table's id)
 * by {@link TableDef#allIndexes()}; only secondary indexes are stored in {@link TableDef#indexes()}.
 */
public record IndexDef(int id, String name, List<IndexColumnDef> columns, boolean unique, boolean primary) {

    public IndexDef {
        columns = List.copyOf(columns);
    }

    /** The key column names, in index order. */
    public List<String> columnNames() {
        return columns.stream().map(IndexColumnDef::name).toList();
    }

    /** Whether a key column has this (case-folded) name. */
    public boolean covers(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }
}
