package io.rustydb.sql.calcite;

import io.rustydb.common.types.Interval;
import io.rustydb.sql.parser.type.PgIntervalTypeNameSpec;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * PostgreSQL's {@code interval} in Calcite: the type (the Java type of {@link Interval}), the
 * cast from text, and the functions on intervals ({@code age}, {@code justify_*},
 * {@code make_interval}), implemented in {@link IntervalFunctions}.
 */
final class IntervalOperators {
    private static final SqlReturnTypeInference INTERVAL = b -> {
        boolean nullable = false;
        for (int i = 0; i < b.getOperandCount(); i++) {
            nullable |= b.getOperandType(i).isNullable();
        }
        return b.getTypeFactory().createTypeWithNullability(type(b.getTypeFactory()), nullable);
    };
    private static final SqlReturnTypeInference TEXT = b -> b.getTypeFactory().createTypeWithNullability(
            b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), b.getOperandType(0).isNullable());
    private static final SqlReturnTypeInference TIMESTAMP = b -> {
        boolean nullable = false;
        for (int i = 0; i < b.getOperandCount(); i++) {
            nullable |= b.getOperandType(i).isNullable();
        }
        return b.getTypeFactory().createTypeWithNullability(
                b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3), nullable);
    };

    /** {@code CAST(x AS interval)} / {@code x::interval} / {@code INTERVAL '...'}: text parsed, an interval kept. */
    static final SqlFunction TO_INTERVAL = new SqlFunction("PG_TO_INTERVAL", SqlKind.OTHER_FUNCTION, INTERVAL,
            (binding, returnType, operandTypes) -> operandTypes[0] = binding.getTypeFactory().createSqlType(
                    SqlTypeName.VARCHAR), OperandTypes.ANY, SqlFunctionCategory.SYSTEM) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            RelDataType source = validator.deriveType(scope, call.operand(0));
            RelDataTypeFactory f = validator.getTypeFactory();
            if (call.operand(0) instanceof org.apache.calcite.sql.SqlDynamicParam
                    && source.getSqlTypeName() == SqlTypeName.UNKNOWN) {
                // a parameter cast to interval is sent as text
                source = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
                validator.setValidatedNodeType(call.operand(0), source);
            }
            if (!isInterval(source) && !SqlTypeUtil.inCharFamily(source) && source.getSqlTypeName() != SqlTypeName.NULL
                    && source.getSqlTypeName() != SqlTypeName.UNKNOWN) {
                throw new io.rustydb.common.RustyDbException(io.rustydb.common.ErrorCode.CANNOT_COERCE,
                        TypeNames.of(source), "interval");
            }
            return f.createTypeWithNullability(type(f), source.isNullable());
        }
    };

    static final SqlUserDefinedFunction COMPARE = udf("pg_interval_cmp", b -> b.getTypeFactory()
            .createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.INTEGER),
                    b.getOperandType(0).isNullable() || b.getOperandType(1).isNullable()),
            "compare", Interval.class, Interval.class);
    static final SqlUserDefinedFunction IN = udf("pg_interval_in", INTERVAL, "intervalIn", String.class);
    static final SqlUserDefinedFunction OUT = udf("pg_interval_out", TEXT, "intervalOut", Interval.class);
    static final SqlUserDefinedFunction PLUS = udf("pg_interval_pl", INTERVAL, "plus", Interval.class, Interval.class);
    static final SqlUserDefinedFunction MINUS = udf("pg_interval_mi", INTERVAL, "minus", Interval.class, Interval.class);
    static final SqlUserDefinedFunction NEGATE = udf("pg_interval_um", INTERVAL, "negate", Interval.class);
    static final SqlUserDefinedFunction MULTIPLY = udf("pg_interval_mul", INTERVAL, "multiply", Interval.class, Double.class);
    static final SqlUserDefinedFunction DIVIDE = udf("pg_interval_div", INTERVAL, "divide", Interval.class, Double.class);
    static final SqlUserDefinedFunction TIMESTAMP_PLUS = udf("pg_timestamp_pl_interval", TIMESTAMP, "timestampPlus",
            Long.class, Interval.class);
    static final SqlUserDefinedFunction TIMESTAMP_MINUS = udf("pg_timestamp_mi_interval", TIMESTAMP, "timestampMinus",
            Long.class, Interval.class);
    static final SqlUserDefinedFunction DATE_PLUS = udf("pg_date_pl_interval", TIMESTAMP, "datePlus",
            Integer.class, Interval.class);
    static final SqlUserDefinedFunction DATE_MINUS = udf("pg_date_mi_interval", TIMESTAMP, "dateMinus",
            Integer.class, Interval.class);
    static final SqlUserDefinedFunction TIMESTAMP_DIFF = udf("pg_timestamp_mi", INTERVAL, "timestampDiff",
            Long.class, Long.class);
    static final SqlUserDefinedFunction EXTRACT = udf("pg_extract_pg_interval", PgOperators.unboundedNumericNullable(),
            "extract", String.class, Interval.class);

    static {
        user("age", INTERVAL, OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.TIMESTAMP), "age",
                Long.class, Long.class);
        user("justify_days", INTERVAL, intervals(1), "justifyDays", Interval.class);
        user("justify_hours", INTERVAL, intervals(1), "justifyHours", Interval.class);
        user("justify_interval", INTERVAL, intervals(1), "justifyInterval", Interval.class);
        user("make_interval", INTERVAL, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                SqlTypeFamily.NUMERIC), "makeInterval", Integer.class, Integer.class, Integer.class, Integer.class,
                Integer.class, Integer.class, Number.class);
    }

    private IntervalOperators() {
    }

    /** Loads the class, registering the user-callable functions with {@link PgOperators}. */
    static void init() {
    }

    static RelDataType type(RelDataTypeFactory f) {
        return PgIntervalTypeNameSpec.type(f);
    }

    static boolean isInterval(RelDataType type) {
        return PgIntervalTypeNameSpec.isInterval(type);
    }

    private static SqlUserDefinedFunction udf(String name, SqlReturnTypeInference type, String method,
            Class<?>... params) {
        return PgOperators.udf(IntervalFunctions.class, name, type, method, params);
    }

    private static void user(String name, SqlReturnTypeInference type, SqlOperandTypeChecker checker, String method,
            Class<?>... params) {
        PgOperators.register(name, PgOperators.function(IntervalFunctions.class, name.toUpperCase(java.util.Locale.ROOT),
                type, org.apache.calcite.sql.type.InferTypes.FIRST_KNOWN, checker, method, params));
    }

    /** {@code n} operands, each an interval (or NULL). */
    private static SqlOperandTypeChecker intervals(int n) {
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                for (int i = 0; i < binding.getOperandCount(); i++) {
                    RelDataType t = binding.getOperandType(i);
                    if (!isInterval(t) && t.getSqlTypeName() != SqlTypeName.NULL) {
                        if (throwOnFailure) {
                            throw binding.newValidationSignatureError();
                        }
                        return false;
                    }
                }
                return true;
            }

            @Override
            public SqlOperandCountRange getOperandCountRange() {
                return SqlOperandCountRanges.of(n);
            }

            @Override
            public String getAllowedSignatures(SqlOperator op, String opName) {
                return opName + "(interval)";
            }
        };
    }

    static List<SqlFunction> all() {
        return List.of(TO_INTERVAL);
    }
}
