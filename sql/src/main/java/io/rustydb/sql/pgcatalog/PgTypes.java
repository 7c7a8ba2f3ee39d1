package io.rustydb.sql.pgcatalog;

import io.rustydb.common.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** The rows of pg_type and {@code format_type}: RustyDB's column types plus the catalogs' own types. */
final class PgTypes {

    /** A pg_type row: OID, name, length, by-value, category, collation and format_type's spelling. */
    record TypeRow(int oid, String name, int length, boolean byValue, String category, int collation,
            String displayName) {
    }

    static final List<TypeRow> ROWS = rows();

    private PgTypes() {
    }

    private static List<TypeRow> rows() {
        List<TypeRow> rows = new ArrayList<>();
        for (DataType t : DataType.values()) {
            rows.add(new TypeRow(t.oid(), t.pgName(), t.fixedWidth(), t.fixedWidth() > 0 && t.fixedWidth() <= 8,
                    category(t), t.isString() ? PgOids.DEFAULT_COLLATION : 0, t.sqlName()));
        }
        rows.add(new TypeRow(18, "char", 1, true, "Z", 0, "\"char\""));
        rows.add(new TypeRow(19, "name", 64, false, "S", 950, "name"));
        rows.add(new TypeRow(26, "oid", 4, true, "N", 0, "oid"));
        rows.add(new TypeRow(1007, "_int4", -1, false, "A", 0, "integer[]"));
        rows.add(new TypeRow(1009, "_text", -1, false, "A", PgOids.DEFAULT_COLLATION, "text[]"));
        rows.add(new TypeRow(1184, "timestamptz", 8, true, "D", 0, "timestamp with time zone"));
        return List.copyOf(rows);
    }

    private static String category(DataType t) {
        if (t.isNumeric()) {
            return "N";
        }
        if (t.isString()) {
            return "S";
        }
        return switch (t) {
            case BOOLEAN -> "B";
            case INTERVAL -> "T";
            default -> "D";
        };
    }

    /** The pg_type row with this OID, or null. */
    static TypeRow row(int oid) {
        for (TypeRow row : ROWS) {
            if (row.oid() == oid) {
                return row;
            }
        }
        return null;
    }

    /** The pg_type OID of a system-table column type. */
    static int oid(PgType type) {
        return switch (type) {
            case OID -> 26;
            case INT2 -> 21;
            case INT4 -> 23;
            case INT8 -> 20;
            case FLOAT4 -> 700;
            case BOOL -> 16;
            case NAME -> 19;
            case TEXT -> 25;
            case CHAR -> 18;
            case TIMESTAMP -> 1184;
            case INT_ARRAY -> 1007;
            case TEXT_ARRAY -> 1009;
        };
    }

    /** PostgreSQL's {@code format_type(oid, typmod)}; {@code ???} for an unknown OID, as PostgreSQL prints it. */
    static String format(int oid, int typmod) {
        DataType t = DataType.fromOid(oid);
        if (t != null) {
            if (typmod >= 4 && (t == DataType.CHAR || t == DataType.VARCHAR)) {
                return t.sqlName() + "(" + (typmod - 4) + ")";
            }
            if (typmod >= 4 && t == DataType.NUMERIC) {
                int mod = typmod - 4;
                return "numeric(" + (mod >> 16) + "," + (mod & 0xffff) + ")";
            }
            return t.sqlName();
        }
        for (TypeRow row : ROWS) {
            if (row.oid() == oid) {
                return row.displayName();
            }
        }
        return "???";
    }
}
