package io.rustydb.common.types;

import java.math.BigDecimal;

/**
 * The SQL column types RustyDB stores, with their PostgreSQL type OID and name and the Java class
 * that carries a value of the type everywhere in the server (storage codecs, executor, wire).
 *
 * <p>Value representation follows Calcite's internal representation so rows flow between storage
 * and the executor without conversion: {@code DATE} is an {@link Integer} of days since
 * 1970-01-01, {@code TIMESTAMP} a {@link Long} of milliseconds since 1970-01-01T00:00 (no time zone),
 * {@code INTERVAL} an {@link Interval} (months, days, microseconds).
 * SQL NULL is Java {@code null} for every type.
 */
public enum DataType {
    BOOLEAN(16, "bool", "boolean", Boolean.class, 1),
    SMALLINT(21, "int2", "smallint", Short.class, 2),
    INTEGER(23, "int4", "integer", Integer.class, 4),
    BIGINT(20, "int8", "bigint", Long.class, 8),
    REAL(700, "float4", "real", Float.class, 4),
    DOUBLE(701, "float8", "double precision", Double.class, 8),
    NUMERIC(1700, "numeric", "numeric", BigDecimal.class, -1),
    CHAR(1042, "bpchar", "character", String.class, -1),
    VARCHAR(1043, "varchar", "character varying", String.class, -1),
    TEXT(25, "text", "text", String.class, -1),
    DATE(1082, "date", "date", Integer.class, 4),
    TIMESTAMP(1114, "timestamp", "timestamp without time zone", Long.class, 8),
    INTERVAL(1186, "interval", "interval", Interval.class, 16);

    private final int oid;
    private final String pgName;
    private final String sqlName;
    private final Class<?> javaClass;
    private final int fixedWidth;

    DataType(int oid, String pgName, String sqlName, Class<?> javaClass, int fixedWidth) {
        this.oid = oid;
        this.pgName = pgName;
        this.sqlName = sqlName;
        this.javaClass = javaClass;
        this.fixedWidth = fixedWidth;
    }

    /** PostgreSQL type OID, as sent in RowDescription and ParameterDescription. */
    public int oid() {
        return oid;
    }

    /** PostgreSQL internal name ({@code pg_type.typname}), e.g. {@code int4}. */
    public String pgName() {
        return pgName;
    }

    /** SQL standard spelling, e.g. {@code character varying}, as {@code format_type} prints it. */
    public String sqlName() {
        return sqlName;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    /** Size in bytes of the binary form ({@code pg_type.typlen}); -1 for variable length. */
    public int fixedWidth() {
        return fixedWidth;
    }

    public boolean isNumeric() {
        return this == SMALLINT || this == INTEGER || this == BIGINT || this == REAL || this == DOUBLE
                || this == NUMERIC;
    }

    public boolean isString() {
        return this == CHAR || this == VARCHAR || this == TEXT;
    }

    /** The type with the given PostgreSQL OID, or {@code null} if RustyDB has none. */
    public static DataType fromOid(int oid) {
        for (DataType t : values()) {
            if (t.oid == oid) {
                return t;
            }
        }
        return null;
    }
}
