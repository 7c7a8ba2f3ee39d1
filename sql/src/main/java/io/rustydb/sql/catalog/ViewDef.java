package io.rustydb.sql.catalog;

import java.util.List;

/**
 * A view: its name, optional column names, the SQL text of its query and its object id (its OID in
 * pg_class; 0 for views created before views had ids).
 */
public record ViewDef(String schema, String name, List<String> columnNames, String query, int id) {

    public ViewDef {
        columnNames = List.copyOf(columnNames);
    }
}
