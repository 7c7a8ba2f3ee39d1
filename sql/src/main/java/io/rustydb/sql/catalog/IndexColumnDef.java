package io.rustydb.sql.catalog;

/**
 * One key column of an index: the column's name and its declared order. Entries are stored in
 * ascending key order whatever the declared direction; the direction is kept for the catalog
 * views and for recreating the index.
 */
public record IndexColumnDef(String name, boolean descending, boolean nullsFirst) {

    /** An ascending column, NULLs last (PostgreSQL's default). */
    public static IndexColumnDef ascending(String name) {
        return new IndexColumnDef(name, false, false);
    }
}
