package io.rustydb.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;

/**
 * One key column of {@code CREATE INDEX}: {@code column [ASC | DESC] [NULLS FIRST | NULLS LAST]}.
 *
 * @param column the column
 * @param descending whether DESC was given
 * @param nullsFirst where NULLs sort; PostgreSQL's default is last for ASC, first for DESC
 */
public record IndexColumn(SqlIdentifier column, boolean descending, boolean nullsFirst) {

    /** The column name as stored in the catalog. */
    public String name() {
        return column.getSimple();
    }
}
