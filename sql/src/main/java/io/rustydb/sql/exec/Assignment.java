package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.ColumnDef;

/**
 * PostgreSQL's assignment rules for INSERT and UPDATE: which expression types may be stored in a
 * column of a given type (42804 otherwise). Untyped string literals are not checked here: they
 * are parsed as the column's type when the row is written.
 */
final class Assignment {
    private Assignment() {
    }

    static void check(DataType source, ColumnDef target) {
        if (!allowed(source, target.type().type())) {
            throw new RustyDbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + target.name() + "\" is of type "
                    + target.type().displayName() + " but expression is of type " + source.sqlName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
    }

    private static boolean allowed(DataType source, DataType target) {
        if (source == target || target.isString()) {
            return true;
        }
        if (source.isNumeric() && target.isNumeric()) {
            return true;
        }
        return (source == DataType.DATE || source == DataType.TIMESTAMP)
                && (target == DataType.DATE || target == DataType.TIMESTAMP);
    }
}
