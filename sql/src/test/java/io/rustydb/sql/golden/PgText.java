package io.rustydb.sql.golden;

import io.rustydb.common.types.DataType;

/** Renders a result value as psql prints it, with the server's own text renderer; NULL as {@code NULL}. */
final class PgText {
    private PgText() {
    }

    static String render(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        return io.rustydb.common.types.text.PgText.format(type != null ? type : guess(value), value);
    }

    private static DataType guess(Object value) {
        for (DataType t : DataType.values()) {
            if (t.javaClass().isInstance(value) && t != DataType.DATE && t != DataType.TIMESTAMP) {
                return t;
            }
        }
        return DataType.TEXT;
    }
}
