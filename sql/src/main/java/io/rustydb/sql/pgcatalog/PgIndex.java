package io.rustydb.sql.pgcatalog;

import io.rustydb.sql.catalog.IndexColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * An index as pg_class, pg_index and pg_get_indexdef show it.
 *
 * @param columns the table's column positions (0-based) the index covers, in order
 */
record PgIndex(int oid, String name, TableDef table, List<Integer> columns, List<Integer> options, boolean unique,
        boolean primary) {

    /** pg_index.indoption bits: the column sorts descending / puts NULLs first. */
    static final int DESC = 1;
    static final int NULLS_FIRST = 2;

    /**
     * Every index of a table: the primary key (RustyDB keeps the rows in primary-key order, so
     * the key is the table's own index, named {@code <table>_pkey} as in PostgreSQL). Secondary
     * indexes are added here, one entry per index of the table's definition.
     */
    static List<PgIndex> of(TableDef table) {
        List<PgIndex> indexes = new ArrayList<>();
        if (table.hasPrimaryKey()) {
            indexes.add(new PgIndex(PgOids.primaryKeyIndex(table.id()), table.primaryKeyName(), table,
                    table.primaryKey(), java.util.Collections.nCopies(table.primaryKey().size(), 0), true, true));
        }
        for (IndexDef index : table.indexes()) {
            List<Integer> columns = new ArrayList<>();
            List<Integer> options = new ArrayList<>();
            int[] positions = table.indexColumnPositions(index);
            for (int i = 0; i < positions.length; i++) {
                IndexColumnDef column = index.columns().get(i);
                columns.add(positions[i]);
                options.add((column.descending() ? DESC : 0) | (column.nullsFirst() ? NULLS_FIRST : 0));
            }
            indexes.add(new PgIndex(index.id(), index.name(), table, columns, options, index.unique(), false));
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
            int option = options.get(i);
            boolean descending = (option & DESC) != 0;
            boolean nullsFirst = (option & NULLS_FIRST) != 0;
            if (descending) {
                sb.append(" DESC");
            }
            if (nullsFirst != descending) {
                // PostgreSQL prints NULLS FIRST/LAST only where it differs from the direction's default
                sb.append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
            }
        }
        return sb.append(')').toString();
    }
}
