package io.rustydb.sql.catalog;

import io.rustydb.common.types.DataType;

/**
 * A sequence as the catalog stores it (JSON under {@code sequence/<schema>.<name>} in the SYSTEM
 * tablespace): its object id (the pg_class oid, relkind 'S'), name, data type, parameters and,
 * for a SERIAL or identity column's sequence, the owning table and column (dropped with it,
 * restarted by TRUNCATE ... RESTART IDENTITY). Its current value is stored separately, see
 * {@link Sequences}.
 *
 * @param ownerTable the owning table's name (in the same schema), or null
 * @param ownerColumn the owning column's name, or null
 */
public record SequenceDef(int id, String schema, String name, DataType type, long increment, long minValue,
        long maxValue, long start, long cache, boolean cycle, String ownerTable, String ownerColumn) {

    /** Whether the sequence belongs to a column of {@code table}. */
    public boolean ownedBy(TableDef table) {
        return ownerTable != null && schema.equals(table.schema()) && ownerTable.equals(table.name());
    }
}
