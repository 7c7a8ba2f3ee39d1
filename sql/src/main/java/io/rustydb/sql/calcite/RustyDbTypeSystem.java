package io.rustydb.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type rules adjusted to PostgreSQL's: NUMERIC up to 1000 digits, SUM of integers is
 * BIGINT (of BIGINT, NUMERIC), SUM of REAL is REAL, AVG of exact numbers is NUMERIC rather than a truncated integer.
 */
public final class RustyDbTypeSystem extends RelDataTypeSystemImpl {
    public static final RustyDbTypeSystem INSTANCE = new RustyDbTypeSystem();
    /** Scale of AVG over exact numbers, as PostgreSQL prints numeric averages of integers. */
    static final int AVG_SCALE = 16;

    private RustyDbTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return 1000;
        }
        return super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return 1000;
        }
        return super.getMaxScale(typeName);
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        RelDataType result;
        switch (name) {
            case TINYINT, SMALLINT, INTEGER -> result = factory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT -> result = factory.createSqlType(SqlTypeName.DECIMAL, 1000, 0);
            case DECIMAL -> result = factory.createSqlType(SqlTypeName.DECIMAL, 1000, argumentType.getScale());
            case REAL -> result = factory.createSqlType(SqlTypeName.REAL);
            case FLOAT, DOUBLE -> result = factory.createSqlType(SqlTypeName.DOUBLE);
            default -> {
                return super.deriveSumType(factory, argumentType);
            }
        }
        return factory.createTypeWithNullability(result, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        RelDataType result;
        switch (name) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL ->
                    result = factory.createSqlType(SqlTypeName.DECIMAL, 1000,
                            Math.max(AVG_SCALE, argumentType.getScale()));
            case REAL, FLOAT, DOUBLE -> result = factory.createSqlType(SqlTypeName.DOUBLE);
            default -> {
                return super.deriveAvgAggType(factory, argumentType);
            }
        }
        return factory.createTypeWithNullability(result, argumentType.isNullable());
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
