package io.rustydb.sql.calcite;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.parser.type.PgIntervalTypeNameSpec;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Translates between RustyDB column types and Calcite's relational types. */
public final class TypeMapping {
    /** Precision given to a NUMERIC declared without one (PostgreSQL's is unbounded). */
    static final int UNBOUNDED_NUMERIC_PRECISION = 1000;

    private TypeMapping() {
    }

    public static SqlTypeName sqlTypeName(DataType type) {
        return switch (type) {
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case SMALLINT -> SqlTypeName.SMALLINT;
            case INTEGER -> SqlTypeName.INTEGER;
            case BIGINT -> SqlTypeName.BIGINT;
            case REAL -> SqlTypeName.REAL;
            case DOUBLE -> SqlTypeName.DOUBLE;
            case NUMERIC -> SqlTypeName.DECIMAL;
            case CHAR -> SqlTypeName.CHAR;
            case VARCHAR, TEXT -> SqlTypeName.VARCHAR;
            case DATE -> SqlTypeName.DATE;
            case TIMESTAMP -> SqlTypeName.TIMESTAMP;
            case INTERVAL -> SqlTypeName.OTHER;
        };
    }

    /** The Calcite type of a column of this declared type. */
    public static RelDataType relType(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
        RelDataType t = switch (type.type()) {
            case NUMERIC -> type.length() < 0
                    ? factory.createSqlType(SqlTypeName.DECIMAL, UNBOUNDED_NUMERIC_PRECISION, 0)
                    : factory.createSqlType(SqlTypeName.DECIMAL, type.length(), Math.max(type.scale(), 0));
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, Math.max(type.length(), 1));
            case VARCHAR -> type.length() < 0
                    ? factory.createSqlType(SqlTypeName.VARCHAR)
                    : factory.createSqlType(SqlTypeName.VARCHAR, type.length());
            case TEXT -> factory.createSqlType(SqlTypeName.VARCHAR);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case INTERVAL -> PgIntervalTypeNameSpec.type(factory);
            default -> factory.createSqlType(sqlTypeName(type.type()));
        };
        return factory.createTypeWithNullability(t, nullable);
    }

    /** A CAST target for this column type, e.g. to type a parameter. */
    public static SqlDataTypeSpec typeSpec(ColumnType type) {
        SqlParserPos pos = SqlParserPos.ZERO;
        if (type.type() == DataType.INTERVAL) {
            return new SqlDataTypeSpec(new PgIntervalTypeNameSpec(pos), pos);
        }
        SqlBasicTypeNameSpec name = switch (type.type()) {
            case NUMERIC -> type.length() < 0
                    ? new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, UNBOUNDED_NUMERIC_PRECISION, 0, pos)
                    : new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.length(), Math.max(type.scale(), 0), pos);
            case CHAR -> new SqlBasicTypeNameSpec(SqlTypeName.CHAR, Math.max(type.length(), 1), pos);
            case VARCHAR -> type.length() < 0
                    ? new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos)
                    : new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, type.length(), pos);
            case TIMESTAMP -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, pos);
            default -> new SqlBasicTypeNameSpec(sqlTypeName(type.type()), pos);
        };
        return new SqlDataTypeSpec(name, pos);
    }

    /**
     * The RustyDB type of a Calcite result column. Types RustyDB does not store (symbols) are
     * reported as text.
     */
    public static ColumnType columnType(RelDataType type) {
        if (PgIntervalTypeNameSpec.isInterval(type)) {
            return ColumnType.of(DataType.INTERVAL);
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> ColumnType.of(DataType.BOOLEAN);
            case TINYINT, SMALLINT -> ColumnType.of(DataType.SMALLINT);
            case INTEGER -> ColumnType.of(DataType.INTEGER);
            case BIGINT -> ColumnType.of(DataType.BIGINT);
            case REAL -> ColumnType.of(DataType.REAL);
            case FLOAT, DOUBLE -> ColumnType.of(DataType.DOUBLE);
            case DECIMAL -> type.getPrecision() >= UNBOUNDED_NUMERIC_PRECISION
                    ? ColumnType.of(DataType.NUMERIC)
                    : new ColumnType(DataType.NUMERIC, type.getPrecision(), type.getScale());
            case CHAR -> new ColumnType(DataType.CHAR, type.getPrecision(), -1);
            case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                    || type.getPrecision() >= 65536
                    ? ColumnType.of(DataType.TEXT)
                    : new ColumnType(DataType.VARCHAR, type.getPrecision(), -1);
            case DATE -> ColumnType.of(DataType.DATE);
            case TIMESTAMP -> ColumnType.of(DataType.TIMESTAMP);
            default -> ColumnType.of(DataType.TEXT);
        };
    }
}
