package io.rustydb.sql;

import io.rustydb.common.types.ColumnType;

/**
 * One column of a result: its label, type and, when it comes straight from a table column, that
 * table's OID and the column's attribute number (else 0), as RowDescription carries them.
 */
public record ResultColumn(String name, ColumnType type, int tableOid, int columnNumber) {
}
