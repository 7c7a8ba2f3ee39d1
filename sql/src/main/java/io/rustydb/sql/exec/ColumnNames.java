package io.rustydb.sql.exec;

import io.rustydb.sql.calcite.ColumnLabels;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * PostgreSQL's labels for result columns (see {@link ColumnLabels}), as given to the planner:
 * one per select item, null for a {@code *}, whose columns the planner labels from their source.
 * Calcite's own labels ({@code EXPR$0}) are never shown to clients.
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    /** Labels per select item of a query, or null for a statement that is no query. */
    public static List<String> of(SqlNode query) {
        return ColumnLabels.ofQuery(query);
    }

    /** Labels for a select list (or RETURNING list), null for each {@code *}. */
    public static List<String> of(SqlNodeList items) {
        return ColumnLabels.ofItems(items);
    }
}
