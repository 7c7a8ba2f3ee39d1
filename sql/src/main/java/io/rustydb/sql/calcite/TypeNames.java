package io.rustydb.sql.calcite;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;

/** PostgreSQL's name of a Calcite type, for error messages. */
final class TypeNames {
    private TypeNames() {
    }

    static String of(RelDataType type) {
        if (io.rustydb.sql.parser.type.PgIntervalTypeNameSpec.isInterval(type)) {
            return "interval";
        }
        return switch (type.getSqlTypeName()) {
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case SMALLINT, TINYINT -> "smallint";
            case DOUBLE, FLOAT -> "double precision";
            case REAL -> "real";
            case DECIMAL -> "numeric";
            case CHAR -> "character";
            case VARCHAR -> "text";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp without time zone";
            default -> type.getSqlTypeName().isSpecial() || type.getSqlTypeName().getFamily() == null
                    ? type.getSqlTypeName().getName().toLowerCase(Locale.ROOT)
                    : type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
        };
    }
}
