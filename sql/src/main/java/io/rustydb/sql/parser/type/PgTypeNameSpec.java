package io.rustydb.sql.parser.type;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A type written with a PostgreSQL-only name ({@code int2}, {@code int4}, {@code int8},
 * {@code float4}, {@code float8}, {@code bool}, {@code text}, {@code float(p)}). Calcite sees the
 * equivalent standard type, so casts such as {@code x::int4} validate; RustyDB keeps the exact
 * {@link DataType} (e.g. TEXT rather than VARCHAR) for column definitions.
 */
public final class PgTypeNameSpec extends SqlBasicTypeNameSpec {
    private final DataType dataType;
    private final String spelling;
    private final int floatPrecision;

    private PgTypeNameSpec(DataType dataType, SqlTypeName sqlTypeName, String spelling,
            int floatPrecision, SqlParserPos pos) {
        super(sqlTypeName, pos);
        this.dataType = dataType;
        this.spelling = spelling;
        this.floatPrecision = floatPrecision;
    }

    /** The type named by one of the PostgreSQL alias keywords ({@code int4}, {@code text}, ...). */
    public static PgTypeNameSpec of(String name, SqlParserPos pos) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "int2" -> new PgTypeNameSpec(DataType.SMALLINT, SqlTypeName.SMALLINT, lower, -1, pos);
            case "int4" -> new PgTypeNameSpec(DataType.INTEGER, SqlTypeName.INTEGER, lower, -1, pos);
            case "int8" -> new PgTypeNameSpec(DataType.BIGINT, SqlTypeName.BIGINT, lower, -1, pos);
            case "float4" -> new PgTypeNameSpec(DataType.REAL, SqlTypeName.REAL, lower, -1, pos);
            case "float8" -> new PgTypeNameSpec(DataType.DOUBLE, SqlTypeName.DOUBLE, lower, -1, pos);
            case "bool" -> new PgTypeNameSpec(DataType.BOOLEAN, SqlTypeName.BOOLEAN, lower, -1, pos);
            case "text" -> new PgTypeNameSpec(DataType.TEXT, SqlTypeName.VARCHAR, lower, -1, pos);
            default -> throw new IllegalArgumentException("not a PostgreSQL type alias: " + name);
        };
    }

    /**
     * {@code float(p)}: {@code real} for 1 to 24 binary digits, {@code double precision} for 25 to
     * 53, as PostgreSQL does.
     */
    public static PgTypeNameSpec ofFloat(int precision, SqlParserPos pos) {
        if (precision < 1) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be at least 1 bit");
        }
        if (precision > 53) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "precision for type float must be less than 54 bits");
        }
        return precision <= 24
                ? new PgTypeNameSpec(DataType.REAL, SqlTypeName.REAL, "float", precision, pos)
                : new PgTypeNameSpec(DataType.DOUBLE, SqlTypeName.DOUBLE, "float", precision, pos);
    }

    public DataType dataType() {
        return dataType;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(spelling.toUpperCase(Locale.ROOT));
        if (floatPrecision > 0) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            writer.print(floatPrecision);
            writer.endList(frame);
        }
    }
}
