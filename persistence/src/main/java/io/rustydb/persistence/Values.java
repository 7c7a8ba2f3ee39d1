package io.rustydb.persistence;

import io.rustydb.common.types.DataType;
import java.util.List;

/** Checks that values handed to the codecs carry the Java class their {@link DataType} promises. */
final class Values {

    private Values() {
    }

    static void check(DataType type, Object value, int column) {
        if (value != null && !type.javaClass().isInstance(value)) {
            throw new IllegalArgumentException("column " + column + " of type " + type + " expects "
                    + type.javaClass().getSimpleName() + " but got " + value.getClass().getName());
        }
    }

    static void checkArity(List<DataType> types, Object[] values, int count) {
        if (values == null || values.length < count || count > types.size()) {
            throw new IllegalArgumentException("expected " + count + " value(s) for " + types + ", got "
                    + (values == null ? "null" : values.length));
        }
    }
}
