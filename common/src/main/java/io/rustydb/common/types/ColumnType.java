package io.rustydb.common.types;

/**
 * A column's declared type: the {@link DataType} plus its modifiers. {@code length} is the
 * maximum character count of CHAR/VARCHAR and the precision of NUMERIC; {@code scale} the NUMERIC
 * scale. A modifier that was not declared is -1.
 */
public record ColumnType(DataType type, int length, int scale) {

    public static ColumnType of(DataType type) {
        return new ColumnType(type, -1, -1);
    }

    public static ColumnType of(DataType type, int length) {
        return new ColumnType(type, length, -1);
    }

    /** PostgreSQL {@code atttypmod}: declared length/precision encoded as the server does, else -1. */
    public int typmod() {
        return switch (type) {
            case CHAR, VARCHAR -> length < 0 ? -1 : length + 4;
            case NUMERIC -> length < 0 ? -1 : ((length << 16) | Math.max(scale, 0)) + 4;
            default -> -1;
        };
    }

    /** The type as {@code format_type} renders it, e.g. {@code character varying(20)}. */
    public String displayName() {
        if (type == DataType.NUMERIC && length >= 0) {
            return "numeric(" + length + "," + Math.max(scale, 0) + ")";
        }
        if ((type == DataType.CHAR || type == DataType.VARCHAR) && length >= 0) {
            return type.sqlName() + "(" + length + ")";
        }
        return type.sqlName();
    }
}
