package io.rustydb.sql.pgcatalog;

import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * An index as pg_class, pg_index and pg_get_indexdef show it.
 *
 * @param columns the table's column positions (0-based) the index covers, in order
 */
record PgIndex(int oid, String name, TableDef table, List<Integer> columns, boolean unique, boolean primary) {

    /**
     * Every index of a table: the primary key (RustyDB keeps the rows in primary-key order, so
     * the key is the table's own index, named {@code <table>_pkey} as in PostgreSQL). Secondary
     * indexes are added here, one entry per index of the table's definition.
     */
    static List<PgIndex> of(TableDef table) {
        List<PgIndex> indexes = new ArrayList<>();
        if (table.hasPrimaryKey()) {
            indexes.add(new PgIndex(PgOids.primaryKeyIndex(table.id()), table.primaryKeyName(), table,
                    table.primaryKey(), true, true));
        }
        return indexes;
    }

    /** The index's attribute numbers (1-based column positions), as pg_index.indkey holds them. */
    List<Integer> attnums() {
        return columns.stream().map(c -> c + 1).toList();
    }

    /** {@code CREATE UNIQUE INDEX accounts_pkey ON public.accounts USING btree (id)}. */
    String definition() {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (unique) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(Identifiers.quote(name)).append(" ON ").append(Identifiers.quote(table.schema()))
                .append('.').append(Identifiers.quote(table.name())).append(" USING btree (");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Identifiers.quote(table.columns().get(columns.get(i)).name()));
        }
        return sb.append(')').toString();
    }
}
