package io.rustydb.sql.catalog;

import java.util.List;

/** A view: its name, optional column names and the SQL text of its query. */
public record ViewDef(String schema, String name, List<String> columnNames, String query) {

    public ViewDef {
        columnNames = List.copyOf(columnNames);
    }
}
