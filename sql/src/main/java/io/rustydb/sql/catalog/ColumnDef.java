package io.rustydb.sql.catalog;

import io.rustydb.common.types.ColumnType;

/**
 * A table column as the catalog stores it. {@code defaultExpression} is the SQL text of the
 * DEFAULT clause, or null.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultExpression) {
}
