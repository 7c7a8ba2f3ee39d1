package io.rustydb.sql.calcite;

import org.apache.calcite.sql.type.SqlOperandTypeInference;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * PostgreSQL operators and functions that Calcite's tables lack or type differently: date and
 * timestamp arithmetic ({@code date - date}, {@code date + integer}, {@code timestamp - timestamp}),
 * EXTRACT returning numeric, and functions implemented in {@link PgFunctions}.
 */
public final class PgOperators {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private static final SqlReturnTypeInference NUMERIC = ReturnTypes.cascade(
            b -> unboundedNumeric(b.getTypeFactory()), org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference TEXT = ReturnTypes.cascade(
            b -> b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
    private static final SqlReturnTypeInference TIMESTAMP = ReturnTypes.cascade(
            b -> b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3), org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);

    /** {@code -} with PostgreSQL's date/timestamp forms; other operands as Calcite's MINUS. */
    public static final SqlMonotonicBinaryOperator MINUS = new DatetimeArithmetic("-", SqlKind.MINUS);
    /** {@code +} with PostgreSQL's {@code date + integer} and {@code date + interval}. */
    public static final SqlMonotonicBinaryOperator PLUS = new DatetimeArithmetic("+", SqlKind.PLUS);
    /** {@code *} with PostgreSQL's {@code interval * number}. */
    public static final SqlMonotonicBinaryOperator TIMES = new DatetimeArithmetic("*", SqlKind.TIMES);
    /** {@code /} with PostgreSQL's {@code interval / number}. */
    public static final SqlMonotonicBinaryOperator DIVIDE_OPERATOR = new DatetimeArithmetic("/", SqlKind.DIVIDE);

    /** EXTRACT(unit FROM x) as numeric: the unit is the first operand, as a character literal. */
    public static final SqlFunction EXTRACT = new SqlFunction("PG_EXTRACT", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG1_NULLABLE, null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            validator.deriveType(scope, call.operand(0));
            RelDataType source = validator.deriveType(scope, call.operand(1));
            RelDataTypeFactory f = validator.getTypeFactory();
            return f.createTypeWithNullability(unboundedNumeric(f), source.isNullable());
        }
    };

    /** pg_typeof(x): the name of x's type, e.g. {@code integer}; replaced by that constant when converted. */
    public static final SqlFunction PG_TYPEOF = new SqlFunction("PG_TYPEOF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    /** round(x, n): numeric for every exact or numeric x; 42883 for double precision, as in PostgreSQL. */
    public static final SqlFunction ROUND = new SqlFunction("PG_ROUND", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0_NULLABLE, null, OperandTypes.ANY_ANY, SqlFunctionCategory.NUMERIC) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            RelDataType x = validator.deriveType(scope, call.operand(0));
            RelDataType n = validator.deriveType(scope, call.operand(1));
            if (SqlTypeUtil.isApproximateNumeric(x) || !SqlTypeUtil.isNumeric(x) && x.getSqlTypeName() != SqlTypeName.NULL
                    || !SqlTypeUtil.isIntType(n) && n.getSqlTypeName() != SqlTypeName.NULL) {
                throw new io.rustydb.common.RustyDbException(io.rustydb.common.ErrorCode.UNDEFINED_FUNCTION,
                        "round(" + TypeNames.of(x) + ", " + TypeNames.of(n) + ")");
            }
            RelDataTypeFactory f = validator.getTypeFactory();
            return f.createTypeWithNullability(unboundedNumeric(f), x.isNullable() || n.isNullable());
        }
    };

    /**
     * {@code x ^ y} (the parser's {@code RustyDbParserUtil.POWER}, typed): double precision, or
     * numeric if an operand is numeric and none is floating point, as PostgreSQL resolves it.
     */
    public static final SqlBinaryOperator POWER = new SqlBinaryOperator("^", SqlKind.OTHER, 70, true,
            PgOperators::powerType, PgOperators::inferPowerOperands, OperandTypes.NUMERIC_NUMERIC) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            // typed here, not looked up by name (Calcite's "^" is bitwise XOR)
            return validateOperands(validator, scope, call);
        }
    };

    /** power(x, y) and pow(x, y), typed as {@link #POWER}. */
    static final SqlFunction POWER_FUNCTION = powerFunction("POWER");
    static final SqlFunction POW_FUNCTION = powerFunction("POW");

    // Internal functions, called from rewritten expressions only.
    static final SqlUserDefinedFunction EXTRACT_TIMESTAMP = udf("pg_extract_ts", NUMERIC, "extractTimestamp", String.class, long.class);
    static final SqlUserDefinedFunction EXTRACT_DATE = udf("pg_extract_date", NUMERIC, "extractDate", String.class, int.class);
    static final SqlUserDefinedFunction BPCHAR_TEXT = udf("pg_bpchar_text", ReturnTypes.ARG0_NULLABLE_VARYING, "bpcharText", String.class);
    static final SqlUserDefinedFunction BOOL_TEXT = udf("pg_bool_text", TEXT, "boolText", Boolean.class);
    static final SqlUserDefinedFunction RINT = udf("pg_rint", ReturnTypes.ARG0_NULLABLE, "rint", double.class);
    static final SqlUserDefinedFunction DIVIDE = udf("pg_numeric_div", ReturnTypes.ARG0_NULLABLE, "divide", java.math.BigDecimal.class, java.math.BigDecimal.class);
    static final SqlUserDefinedFunction ROUND_SCALE = udf("pg_round", ReturnTypes.ARG0_NULLABLE, "round", java.math.BigDecimal.class, int.class);
    /** The value a numeric hash key is compared by (see {@link NumericKeys}). */
    static final SqlUserDefinedFunction NUMERIC_KEY = udf("pg_numeric_key", ReturnTypes.ARG0_NULLABLE, "numericKey", java.math.BigDecimal.class);
    static final SqlUserDefinedFunction ROUND_HALF_UP = udf("pg_round_half_up", ReturnTypes.ARG0_NULLABLE, "roundHalfUp", java.math.BigDecimal.class, int.class);

    static final SqlUserDefinedFunction POWER_NUMERIC = udf("pg_power_numeric", ReturnTypes.ARG0_NULLABLE, "powerNumeric", java.math.BigDecimal.class, java.math.BigDecimal.class);
    static final SqlUserDefinedFunction POWER_DOUBLE = udf("pg_power_double", ReturnTypes.ARG0_NULLABLE, "powerDouble", double.class, double.class);

    /** Functions users call by name, by lower-case name. */
    private static final Map<String, List<SqlFunction>> BY_NAME = new TreeMap<>();

    static {
        user("reverse", TEXT, OperandTypes.family(SqlTypeFamily.CHARACTER), "reverse", String.class);
        user("md5", TEXT, OperandTypes.family(SqlTypeFamily.CHARACTER), "md5", String.class);
        BY_NAME.computeIfAbsent("pg_typeof", k -> new ArrayList<>()).add(PG_TYPEOF);
        BY_NAME.computeIfAbsent("power", k -> new ArrayList<>()).add(POWER_FUNCTION);
        BY_NAME.computeIfAbsent("pow", k -> new ArrayList<>()).add(POW_FUNCTION);
        textAndInteger("left");
        textAndInteger("right");
        user("trunc", NUMERIC, OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), "trunc",
                java.math.BigDecimal.class, int.class);
        user("trunc", NUMERIC, OperandTypes.family(SqlTypeFamily.NUMERIC), "trunc", java.math.BigDecimal.class);
        user("date_trunc", TIMESTAMP, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.TIMESTAMP),
                "dateTrunc", String.class, long.class);
        user("to_char", TEXT, OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
                "toChar", long.class, String.class);
        user("to_char", TEXT, OperandTypes.family(SqlTypeFamily.DATE, SqlTypeFamily.CHARACTER),
                "toCharDate", int.class, String.class);
        IntervalOperators.init();
    }

    private PgOperators() {
    }

    /** Unconstrained numeric, nullable as any operand. */
    static SqlReturnTypeInference unboundedNumericNullable() {
        return NUMERIC;
    }

    /** The user-callable functions named {@code name} (any case), or an empty list. */
    static List<SqlFunction> lookup(String name) {
        return BY_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    static List<SqlFunction> all() {
        List<SqlFunction> list = new ArrayList<>();
        BY_NAME.values().forEach(list::addAll);
        return list;
    }

    private static SqlFunction powerFunction(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, PgOperators::powerType, PgOperators::inferPowerOperands,
                OperandTypes.NUMERIC_NUMERIC, SqlFunctionCategory.NUMERIC);
    }

    /** The type of {@code x ^ y}: numeric if an operand is numeric and none floating point, else double precision. */
    private static RelDataType powerType(SqlOperatorBinding binding) {
        RelDataTypeFactory f = binding.getTypeFactory();
        boolean nullable = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            nullable |= binding.getOperandType(i).isNullable();
        }
        return f.createTypeWithNullability(powerOperandType(f, binding.getOperandType(0), binding.getOperandType(1)),
                nullable);
    }

    private static RelDataType powerOperandType(RelDataTypeFactory f, RelDataType a, RelDataType b) {
        boolean numeric = (a.getSqlTypeName() == SqlTypeName.DECIMAL || b.getSqlTypeName() == SqlTypeName.DECIMAL)
                && !SqlTypeUtil.isApproximateNumeric(a) && !SqlTypeUtil.isApproximateNumeric(b);
        return numeric ? unboundedNumeric(f) : f.createSqlType(SqlTypeName.DOUBLE);
    }

    /** An operand of unknown type (a parameter) takes the type the other operand calls for. */
    private static void inferPowerOperands(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType unknown = f.createSqlType(SqlTypeName.UNKNOWN);
        RelDataType a = binding.getOperandCount() > 0 ? binding.getOperandType(0) : unknown;
        RelDataType b = binding.getOperandCount() > 1 ? binding.getOperandType(1) : unknown;
        RelDataType type = powerOperandType(f, a, b);
        for (int i = 0; i < operandTypes.length; i++) {
            operandTypes[i] = type;
        }
    }

    static RelDataType unboundedNumeric(RelDataTypeFactory f) {
        return f.createSqlType(SqlTypeName.DECIMAL, TypeMapping.UNBOUNDED_NUMERIC_PRECISION, 0);
    }

    private static void user(String name, SqlReturnTypeInference type, SqlOperandTypeChecker checker, String method,
            Class<?>... params) {
        BY_NAME.computeIfAbsent(name, k -> new ArrayList<>())
                .add(function(name.toUpperCase(Locale.ROOT), type, checker, method, params));
    }

    /**
     * {@code name(text, integer)}, e.g. PostgreSQL's left/right: an untyped string literal in the
     * first place is text (not the integer the second argument would suggest).
     */
    private static void textAndInteger(String name) {
        SqlOperandTypeInference infer = (binding, returnType, operandTypes) -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            for (int i = 0; i < operandTypes.length; i++) {
                operandTypes[i] = factory.createSqlType(i == 0 ? SqlTypeName.VARCHAR : SqlTypeName.INTEGER);
            }
        };
        BY_NAME.computeIfAbsent(name, k -> new ArrayList<>()).add(function(name.toUpperCase(Locale.ROOT), TEXT,
                infer, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER), name, String.class,
                int.class));
    }

    private static SqlUserDefinedFunction function(String name, SqlReturnTypeInference type,
            SqlOperandTypeChecker checker, String method, Class<?>... params) {
        return function(name, type, InferTypes.FIRST_KNOWN, checker, method, params);
    }

    private static SqlUserDefinedFunction function(String name, SqlReturnTypeInference type,
            SqlOperandTypeInference infer, SqlOperandTypeChecker checker, String method, Class<?>... params) {
        return function(PgFunctions.class, name, type, infer, checker, method, params);
    }

    /** A function implemented by {@code owner.method}, its operands checked by {@code checker}. */
    static SqlUserDefinedFunction function(Class<?> owner, String name, SqlReturnTypeInference type,
            SqlOperandTypeInference infer, SqlOperandTypeChecker checker, String method, Class<?>... params) {
        @SuppressWarnings("deprecation")
        SqlUserDefinedFunction f = new SqlUserDefinedFunction(new SqlIdentifier(name, POS),
                type, infer, checker, null, scalar(owner, method, params)) {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                for (int i = 0; i < binding.getOperandCount(); i++) {
                    if (binding.operand(i) instanceof org.apache.calcite.sql.SqlDynamicParam
                            && binding.getOperandType(i).getSqlTypeName() == SqlTypeName.UNKNOWN) {
                        // asked before the parameter's type was inferred (e.g. for the other side of
                        // "f(...) = ''"); the inference gives it this function's operand type
                        return true;
                    }
                }
                return checker.checkOperandTypes(binding, throwOnFailure);
            }

            @Override
            public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
                return checker.getOperandCountRange();
            }
        };
        return f;
    }

    private static SqlUserDefinedFunction udf(String name, SqlReturnTypeInference type, String method, Class<?>... params) {
        return function(name, type, OperandTypes.VARIADIC, method, params);
    }

    /** An internal function implemented by {@code owner.method}. */
    static SqlUserDefinedFunction udf(Class<?> owner, String name, SqlReturnTypeInference type, String method,
            Class<?>... params) {
        @SuppressWarnings("deprecation")
        SqlUserDefinedFunction f = new SqlUserDefinedFunction(new SqlIdentifier(name, POS), type, InferTypes.FIRST_KNOWN,
                OperandTypes.VARIADIC, null, scalar(owner, method, params));
        return f;
    }

    /** Registers a user-callable function under its lower-case name. */
    static void register(String name, SqlFunction function) {
        BY_NAME.computeIfAbsent(name, k -> new ArrayList<>()).add(function);
    }

    private static org.apache.calcite.schema.ScalarFunction scalar(String method, Class<?>... params) {
        return scalar(PgFunctions.class, method, params);
    }

    static org.apache.calcite.schema.ScalarFunction scalar(Class<?> owner, String method, Class<?>... params) {
        Class<?>[] types = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            types[i] = params[i];
        }
        try {
            Method m = owner.getMethod(method, types);
            return ScalarFunctionImpl.create(m);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which PostgreSQL date/time/interval form a {@code + - * /} has, or null for Calcite's own. */
    enum Form {
        DATE_MINUS_DATE, DATE_PLUS_INT, INT_PLUS_DATE, DATE_MINUS_INT, TS_MINUS_TS,
        DATE_PLUS_INTERVAL, INTERVAL_PLUS_DATE, DATE_MINUS_INTERVAL,
        TS_PLUS_INTERVAL, INTERVAL_PLUS_TS, TS_MINUS_INTERVAL,
        INTERVAL_PLUS_INTERVAL, INTERVAL_MINUS_INTERVAL, INTERVAL_TIMES_NUMBER, NUMBER_TIMES_INTERVAL,
        INTERVAL_DIVIDE_NUMBER
    }

    static Form form(SqlKind kind, RelDataType a, RelDataType b) {
        SqlTypeName x = a.getSqlTypeName();
        SqlTypeName y = b.getSqlTypeName();
        boolean ia = IntervalOperators.isInterval(a);
        boolean ib = IntervalOperators.isInterval(b);
        if (kind == SqlKind.TIMES) {
            return ia && SqlTypeUtil.isNumeric(b) ? Form.INTERVAL_TIMES_NUMBER
                    : SqlTypeUtil.isNumeric(a) && ib ? Form.NUMBER_TIMES_INTERVAL : null;
        }
        if (kind == SqlKind.DIVIDE) {
            return ia && SqlTypeUtil.isNumeric(b) ? Form.INTERVAL_DIVIDE_NUMBER : null;
        }
        boolean minus = kind == SqlKind.MINUS;
        if (ia && ib) {
            return minus ? Form.INTERVAL_MINUS_INTERVAL : Form.INTERVAL_PLUS_INTERVAL;
        }
        if (x == SqlTypeName.DATE && y == SqlTypeName.DATE && minus) {
            return Form.DATE_MINUS_DATE;
        }
        if (x == SqlTypeName.DATE && SqlTypeUtil.isIntType(b)) {
            return minus ? Form.DATE_MINUS_INT : Form.DATE_PLUS_INT;
        }
        if (!minus && SqlTypeUtil.isIntType(a) && y == SqlTypeName.DATE) {
            return Form.INT_PLUS_DATE;
        }
        if (minus && (x == SqlTypeName.TIMESTAMP || x == SqlTypeName.DATE)
                && (y == SqlTypeName.TIMESTAMP || y == SqlTypeName.DATE)) {
            return Form.TS_MINUS_TS;
        }
        if (x == SqlTypeName.DATE && ib) {
            return minus ? Form.DATE_MINUS_INTERVAL : Form.DATE_PLUS_INTERVAL;
        }
        if (x == SqlTypeName.TIMESTAMP && ib) {
            return minus ? Form.TS_MINUS_INTERVAL : Form.TS_PLUS_INTERVAL;
        }
        if (!minus && ia && y == SqlTypeName.DATE) {
            return Form.INTERVAL_PLUS_DATE;
        }
        if (!minus && ia && y == SqlTypeName.TIMESTAMP) {
            return Form.INTERVAL_PLUS_TS;
        }
        return null;
    }

    static RelDataType formType(Form form, RelDataTypeFactory f, RelDataType a, RelDataType b) {
        RelDataType t = switch (form) {
            case DATE_MINUS_DATE -> f.createSqlType(SqlTypeName.INTEGER);
            case DATE_PLUS_INT, INT_PLUS_DATE, DATE_MINUS_INT -> f.createSqlType(SqlTypeName.DATE);
            case TS_MINUS_TS, INTERVAL_PLUS_INTERVAL, INTERVAL_MINUS_INTERVAL, INTERVAL_TIMES_NUMBER,
                    NUMBER_TIMES_INTERVAL, INTERVAL_DIVIDE_NUMBER -> IntervalOperators.type(f);
            case DATE_PLUS_INTERVAL, DATE_MINUS_INTERVAL, INTERVAL_PLUS_DATE, TS_PLUS_INTERVAL, INTERVAL_PLUS_TS,
                    TS_MINUS_INTERVAL -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
        };
        return f.createTypeWithNullability(t, a.isNullable() || b.isNullable());
    }

    /** PLUS / MINUS / TIMES / DIVIDE that also accept PostgreSQL's date, timestamp and interval forms. */
    private static final class DatetimeArithmetic extends SqlMonotonicBinaryOperator {
        DatetimeArithmetic(String name, SqlKind kind) {
            super(name, kind, kind == SqlKind.TIMES || kind == SqlKind.DIVIDE ? 60 : 40, true,
                    ReturnTypes.NULLABLE_SUM, InferTypes.FIRST_KNOWN,
                    kind == SqlKind.MINUS ? OperandTypes.MINUS_OPERATOR : OperandTypes.PLUS_OPERATOR);
        }

        private SqlBinaryOperator standard() {
            return switch (getKind()) {
                case MINUS -> SqlStdOperatorTable.MINUS;
                case TIMES -> SqlStdOperatorTable.MULTIPLY;
                case DIVIDE -> SqlStdOperatorTable.DIVIDE;
                default -> SqlStdOperatorTable.PLUS;
            };
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (binding.getOperandCount() == 2
                    && form(getKind(), binding.getOperandType(0), binding.getOperandType(1)) != null) {
                return true;
            }
            return standard().checkOperandTypes(binding, throwOnFailure);
        }

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            RelDataType a = validator.deriveType(scope, call.operand(0));
            RelDataType b = validator.deriveType(scope, call.operand(1));
            Form form = form(getKind(), a, b);
            if (form != null) {
                return formType(form, validator.getTypeFactory(), a, b);
            }
            ((SqlBasicCall) call).setOperator(standard());
            return standard().deriveType(validator, scope, call);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            if (binding.getOperandCount() == 2) {
                RelDataType a = binding.getOperandType(0);
                RelDataType b = binding.getOperandType(1);
                Form form = form(getKind(), a, b);
                if (form != null) {
                    return formType(form, binding.getTypeFactory(), a, b);
                }
            }
            return standard().inferReturnType(binding);
        }
    }
}
