package io.rustydb.sql.calcite;

import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type factory with PostgreSQL's common type of numeric values (CASE, COALESCE, UNION,
 * VALUES, IN lists): when exact numbers of different types meet and the result is numeric, it is
 * unconstrained {@code numeric}, so every value keeps its own scale ({@code coalesce(1, 2.5)} is
 * {@code 1}, not {@code 1.0}), as PostgreSQL's typmod -1 does.
 */
final class PgTypeFactory extends JavaTypeFactoryImpl {
    PgTypeFactory(RelDataTypeSystem typeSystem) {
        super(typeSystem);
    }

    /** Interval types, nullable and not, share one family so they compare with each other. */
    private static final org.apache.calcite.rel.type.RelDataTypeFamily INTERVAL_FAMILY =
            new org.apache.calcite.rel.type.RelDataTypeFamily() {
            };

    /** PostgreSQL's interval ({@link io.rustydb.common.types.Interval}), of {@link #INTERVAL_FAMILY}. */
    private final class IntervalType extends JavaType {
        IntervalType(boolean nullable) {
            super(io.rustydb.common.types.Interval.class, nullable);
        }

        @Override
        public org.apache.calcite.rel.type.RelDataTypeFamily getFamily() {
            return INTERVAL_FAMILY;
        }
    }

    @Override
    public RelDataType createJavaType(Class clazz) {
        if (clazz == io.rustydb.common.types.Interval.class) {
            return canonize(new IntervalType(true));
        }
        return super.createJavaType(clazz);
    }

    @Override
    public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
        if (type instanceof IntervalType) {
            return type.isNullable() == nullable ? type : canonize(new IntervalType(nullable));
        }
        return super.createTypeWithNullability(type, nullable);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types, SqlTypeMappingRule mappingRule) {
        if (!types.isEmpty() && types.stream().allMatch(t -> t instanceof IntervalType
                || t.getSqlTypeName() == SqlTypeName.NULL)) {
            boolean nullable = types.stream().anyMatch(RelDataType::isNullable);
            return createTypeWithNullability(createJavaType(io.rustydb.common.types.Interval.class), nullable);
        }
        RelDataType common = super.leastRestrictive(types, mappingRule);
        if (common == null || common.getSqlTypeName() != SqlTypeName.DECIMAL
                || common.getPrecision() >= TypeMapping.UNBOUNDED_NUMERIC_PRECISION || sameNumericType(types)) {
            return common;
        }
        return createTypeWithNullability(createSqlType(SqlTypeName.DECIMAL,
                TypeMapping.UNBOUNDED_NUMERIC_PRECISION, 0), common.isNullable());
    }

    /** Whether every non-null input is numeric of one precision and scale (PostgreSQL keeps a shared typmod). */
    private static boolean sameNumericType(List<RelDataType> types) {
        RelDataType first = null;
        for (RelDataType t : types) {
            if (t.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (t.getSqlTypeName() != SqlTypeName.DECIMAL) {
                return false;
            }
            if (first == null) {
                first = t;
            } else if (t.getPrecision() != first.getPrecision() || t.getScale() != first.getScale()) {
                return false;
            }
        }
        return true;
    }
}
