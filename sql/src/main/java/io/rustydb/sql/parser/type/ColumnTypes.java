package io.rustydb.sql.parser.type;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;

/** Maps a parsed SQL type to the {@link ColumnType} RustyDB stores, with PostgreSQL's rules. */
public final class ColumnTypes {
    /** PostgreSQL's limit on NUMERIC precision. */
    public static final int MAX_NUMERIC_PRECISION = 1000;
    /** PostgreSQL's limit on CHAR/VARCHAR length. */
    public static final int MAX_CHAR_LENGTH = 10_485_760;

    private ColumnTypes() {
    }

    /**
     * The column type for {@code spec}.
     *
     * @throws RustyDbException UNDEFINED_DATATYPE for an unknown name, FEATURE_NOT_SUPPORTED for a
     *     type RustyDB does not store, INVALID_PARAMETER_VALUE for a bad length or precision
     */
    public static ColumnType of(SqlDataTypeSpec spec) {
        SqlTypeNameSpec name = spec.getTypeNameSpec();
        if (PgIntervalTypeNameSpec.isIntervalSpec(name)) {
            return ColumnType.of(DataType.INTERVAL);
        }
        if (name instanceof PgTypeNameSpec pg) {
            return ColumnType.of(pg.dataType());
        }
        if (name instanceof SqlBasicTypeNameSpec basic) {
            return ofBasic(basic);
        }
        if (name instanceof SqlUserDefinedTypeNameSpec) {
            throw new RustyDbException(ErrorCode.UNDEFINED_DATATYPE,
                    name.getTypeName().toString().toLowerCase(Locale.ROOT));
        }
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "type " + spec.toString().toLowerCase(Locale.ROOT));
    }

    private static ColumnType ofBasic(SqlBasicTypeNameSpec spec) {
        int precision = spec.getPrecision();
        int scale = spec.getScale();
        String typeName = spec.getTypeName().getSimple();
        return switch (typeName) {
            case "BOOLEAN" -> ColumnType.of(DataType.BOOLEAN);
            case "SMALLINT" -> ColumnType.of(DataType.SMALLINT);
            case "INTEGER" -> ColumnType.of(DataType.INTEGER);
            case "BIGINT" -> ColumnType.of(DataType.BIGINT);
            case "REAL" -> ColumnType.of(DataType.REAL);
            // PostgreSQL's FLOAT without a precision is double precision.
            case "DOUBLE", "FLOAT" -> ColumnType.of(DataType.DOUBLE);
            case "DECIMAL" -> numeric(precision, scale);
            // CHAR without a length is char(1) in PostgreSQL.
            case "CHAR" -> ColumnType.of(DataType.CHAR, length("character", precision < 0 ? 1 : precision));
            case "VARCHAR" -> ColumnType.of(DataType.VARCHAR,
                    precision < 0 ? -1 : length("character varying", precision));
            case "DATE" -> ColumnType.of(DataType.DATE);
            case "TIMESTAMP" -> ColumnType.of(DataType.TIMESTAMP);
            default -> throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "type " + typeName.toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }

    private static ColumnType numeric(int precision, int scale) {
        if (precision < 0) {
            return ColumnType.of(DataType.NUMERIC);
        }
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "NUMERIC precision " + precision + " must be between 1 and " + MAX_NUMERIC_PRECISION);
        }
        // NUMERIC(p) means NUMERIC(p, 0).
        int s = scale == RelDataType.SCALE_NOT_SPECIFIED ? 0 : scale;
        if (s < 0 || s > precision) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "NUMERIC scale " + s + " must be between 0 and precision " + precision);
        }
        return new ColumnType(DataType.NUMERIC, precision, s);
    }

    private static int length(String typeName, int length) {
        if (length < 1) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " must be at least 1");
        }
        if (length > MAX_CHAR_LENGTH) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " cannot exceed " + MAX_CHAR_LENGTH);
        }
        return length;
    }
}
