package io.rustydb.sql.calcite;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * Aggregates over numeric values that keep the representation PostgreSQL keeps among values equal
 * by value (1.0, 1.00): {@link First} for group keys (see {@link NumericKeys}), and {@link Min}
 * and {@link Max}, which like PostgreSQL's numeric_smaller/numeric_larger return the later of two
 * equal values, where Calcite's keep the earlier. Called from compiled plans, hence public.
 */
public final class NumericAggregates {
    /** pg_first_numeric(x): the first non-null value of the group, as it came. */
    static final SqlUserDefinedAggFunction FIRST = function("PG_FIRST_NUMERIC", First.class);
    static final SqlUserDefinedAggFunction MIN = function("PG_MIN_NUMERIC", Min.class);
    static final SqlUserDefinedAggFunction MAX = function("PG_MAX_NUMERIC", Max.class);

    private NumericAggregates() {
    }

    private static SqlUserDefinedAggFunction function(String name, Class<?> type) {
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.ARG0_NULLABLE_IF_EMPTY, InferTypes.FIRST_KNOWN,
                OperandTypes.operandMetadata(List.of(SqlTypeFamily.NUMERIC),
                        f -> List.of(f.createSqlType(SqlTypeName.DECIMAL)), i -> "x", i -> false),
                AggregateFunctionImpl.create(type), false, false, Optionality.FORBIDDEN);
    }

    /** The first value. */
    public static final class First {
        private First() {
        }

        public static BigDecimal init() {
            return null;
        }

        public static BigDecimal add(BigDecimal first, BigDecimal value) {
            return first != null ? first : value;
        }

        public static BigDecimal merge(BigDecimal first, BigDecimal second) {
            return first != null ? first : second;
        }

        public static BigDecimal result(BigDecimal first) {
            return first;
        }
    }

    /** The least value; the later of equal ones. */
    public static final class Min {
        private Min() {
        }

        public static BigDecimal init() {
            return null;
        }

        public static BigDecimal add(BigDecimal least, BigDecimal value) {
            return least == null || value.compareTo(least) <= 0 ? value : least;
        }

        public static BigDecimal merge(BigDecimal least, BigDecimal other) {
            return other == null ? least : add(least, other);
        }

        public static BigDecimal result(BigDecimal least) {
            return least;
        }
    }

    /** The greatest value; the later of equal ones. */
    public static final class Max {
        private Max() {
        }

        public static BigDecimal init() {
            return null;
        }

        public static BigDecimal add(BigDecimal greatest, BigDecimal value) {
            return greatest == null || value.compareTo(greatest) >= 0 ? value : greatest;
        }

        public static BigDecimal merge(BigDecimal greatest, BigDecimal other) {
            return other == null ? greatest : add(greatest, other);
        }

        public static BigDecimal result(BigDecimal greatest) {
            return greatest;
        }
    }
}
