package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Converts RustyDB's PostgreSQL operators ({@link PgOperators}) to row expressions Calcite can
 * compile; everything else goes to Calcite's standard convertlets.
 */
final class PgConvertlets implements SqlRexConvertletTable {
    static final PgConvertlets INSTANCE = new PgConvertlets();

    private PgConvertlets() {
    }

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getOperator() == PgOperators.MINUS || call.getOperator() == PgOperators.PLUS
                || call.getOperator() == PgOperators.TIMES || call.getOperator() == PgOperators.DIVIDE_OPERATOR) {
            return PgConvertlets::convertArithmetic;
        }
        if (call.getOperator() == IntervalOperators.TO_INTERVAL) {
            return PgConvertlets::convertToInterval;
        }
        if (call.getOperator() == PgOperators.EXTRACT) {
            return PgConvertlets::convertExtract;
        }
        if (call.getOperator() == PgOperators.ROUND) {
            return PgConvertlets::convertRound;
        }
        if (call.getOperator() == PgOperators.PG_TYPEOF) {
            return PgConvertlets::convertTypeOf;
        }
        if (call.getOperator().getKind() == SqlKind.AVG && call.operandCount() == 1) {
            return PgConvertlets::convertAvg;
        }
        if (call.getOperator().getKind() == SqlKind.SUM && call.operandCount() == 1) {
            return PgConvertlets::convertSum;
        }
        if (call.getOperator() == PgOperators.POWER || call.getOperator() == PgOperators.POWER_FUNCTION
                || call.getOperator() == PgOperators.POW_FUNCTION) {
            return PgConvertlets::convertPower;
        }
        if (call.getOperator() == SqlLibraryOperators.GREATEST_PG || call.getOperator() == SqlLibraryOperators.LEAST_PG) {
            return PgConvertlets::convertGreatestLeast;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }

    /** x ^ y, power(x, y): PostgreSQL's numeric or double precision power of the operands in that type. */
    private static RexNode convertPower(SqlRexContext cx, SqlCall call) {
        RexBuilder rex = cx.getRexBuilder();
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        boolean numeric = type.getSqlTypeName() == SqlTypeName.DECIMAL;
        List<RexNode> operands = new ArrayList<>();
        for (org.apache.calcite.sql.SqlNode operand : call.getOperandList()) {
            RexNode x = cx.convertExpression(operand);
            RelDataType target = cx.getTypeFactory().createTypeWithNullability(
                    numeric ? PgOperators.unboundedNumeric(cx.getTypeFactory())
                            : cx.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), x.getType().isNullable());
            if (x.getType().equals(target)) {
                operands.add(x);
            } else if (numeric && x.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
                // keeps the value's own scale, which sets the result's
                operands.add(rex.makeReinterpretCast(target, x, rex.makeLiteral(false)));
            } else {
                operands.add(rex.makeCast(target, x));
            }
        }
        return rex.makeCall(type, numeric ? PgOperators.POWER_NUMERIC : PgOperators.POWER_DOUBLE, operands);
    }

    /**
     * greatest(...) / least(...) as PostgreSQL evaluates them: NULLs are skipped and, among equal
     * values (numeric 2.00 and 2), the first one wins.
     */
    private static RexNode convertGreatestLeast(SqlRexContext cx, SqlCall call) {
        RexBuilder rex = cx.getRexBuilder();
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        boolean greatest = call.getOperator() == SqlLibraryOperators.GREATEST_PG;
        List<RexNode> values = new ArrayList<>();
        for (org.apache.calcite.sql.SqlNode operand : call.getOperandList()) {
            values.add(rex.ensureType(type, cx.convertExpression(operand), true));
        }
        List<RexNode> cases = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            RexNode x = values.get(i);
            List<RexNode> wins = new ArrayList<>();
            wins.add(rex.makeCall(SqlStdOperatorTable.IS_NOT_NULL, x));
            for (int j = 0; j < values.size(); j++) {
                if (j == i) {
                    continue;
                }
                RexNode y = values.get(j);
                // beats the values before it strictly, those after it or ties
                org.apache.calcite.sql.SqlOperator beats = greatest
                        ? j < i ? SqlStdOperatorTable.GREATER_THAN : SqlStdOperatorTable.GREATER_THAN_OR_EQUAL
                        : j < i ? SqlStdOperatorTable.LESS_THAN : SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
                wins.add(rex.makeCall(SqlStdOperatorTable.OR, rex.makeCall(SqlStdOperatorTable.IS_NULL, y),
                        rex.makeCall(beats, x, y)));
            }
            cases.add(org.apache.calcite.rex.RexUtil.composeConjunction(rex, wins));
            cases.add(x);
        }
        cases.add(rex.makeNullLiteral(type));
        return rex.makeCall(type, SqlStdOperatorTable.CASE, cases);
    }

    /** pg_typeof(x): the PostgreSQL name of the type the validator gave x. */
    private static RexNode convertTypeOf(SqlRexContext cx, SqlCall call) {
        RelDataType type = cx.getValidator().getValidatedNodeType(call.operand(0));
        String name = type.getSqlTypeName() == SqlTypeName.NULL ? "unknown"
                : TypeMapping.columnType(type).type().sqlName();
        return cx.getRexBuilder().makeLiteral(name, cx.getValidator().getValidatedNodeType(call), true);
    }

    /** AVG in a window: PostgreSQL's numeric SUM / COUNT over the same window ({@link PgAverages}). */
    private static RexNode convertAvg(SqlRexContext cx, SqlCall call) {
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        org.apache.calcite.sql.parser.SqlParserPos pos = org.apache.calcite.sql.parser.SqlParserPos.ZERO;
        org.apache.calcite.sql.SqlNode arg = call.operand(0);
        if (!PgAverages.isNumericAvg(type)) {
            if (cx.getValidator().getValidatedNodeType(arg).getSqlTypeName() != SqlTypeName.REAL) {
                return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
            }
            // float4 averages accumulate in float8, as in PostgreSQL.
            org.apache.calcite.sql.SqlNode dbl = cast(cx, arg, new org.apache.calcite.sql.SqlBasicTypeNameSpec(
                    SqlTypeName.DOUBLE, pos), cx.getTypeFactory().createSqlType(SqlTypeName.DOUBLE));
            RexNode sum = cx.convertExpression(SqlStdOperatorTable.SUM.createCall(pos, dbl));
            RexNode count = cx.convertExpression(SqlStdOperatorTable.COUNT.createCall(pos, arg));
            RexBuilder rex = cx.getRexBuilder();
            return rex.makeCall(type, SqlStdOperatorTable.DIVIDE, List.of(sum, rex.makeCast(type, count)));
        }
        RexNode sum = cx.convertExpression(SqlStdOperatorTable.SUM.createCall(pos, numericIfBigint(cx, arg)));
        RexNode count = cx.convertExpression(SqlStdOperatorTable.COUNT.createCall(pos, arg));
        return PgAverages.divide(cx.getRexBuilder(), type, sum, count);
    }

    /** SUM of bigint in a window: summed as numeric, its type in PostgreSQL. */
    private static RexNode convertSum(SqlRexContext cx, SqlCall call) {
        org.apache.calcite.sql.SqlNode arg = call.operand(0);
        org.apache.calcite.sql.SqlNode wide = numericIfBigint(cx, arg);
        if (wide == arg) {
            return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
        }
        return cx.convertExpression(SqlStdOperatorTable.SUM.createCall(org.apache.calcite.sql.parser.SqlParserPos.ZERO,
                wide));
    }

    private static org.apache.calcite.sql.SqlNode numericIfBigint(SqlRexContext cx, org.apache.calcite.sql.SqlNode arg) {
        if (cx.getValidator().getValidatedNodeType(arg).getSqlTypeName() != SqlTypeName.BIGINT) {
            return arg;
        }
        org.apache.calcite.sql.parser.SqlParserPos pos = org.apache.calcite.sql.parser.SqlParserPos.ZERO;
        return cast(cx, arg, new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.DECIMAL,
                TypeMapping.UNBOUNDED_NUMERIC_PRECISION, 0, pos), PgOperators.unboundedNumeric(cx.getTypeFactory()));
    }

    /** CAST(arg AS type), with its type recorded, as the window conversion looks it up. */
    private static org.apache.calcite.sql.SqlNode cast(SqlRexContext cx, org.apache.calcite.sql.SqlNode arg,
            org.apache.calcite.sql.SqlBasicTypeNameSpec spec, RelDataType type) {
        org.apache.calcite.sql.SqlNode cast = SqlStdOperatorTable.CAST.createCall(spec.getParserPos(), arg,
                new org.apache.calcite.sql.SqlDataTypeSpec(spec, spec.getParserPos()));
        cx.getValidator().setValidatedNodeType(cast, cx.getTypeFactory().createTypeWithNullability(type,
                cx.getValidator().getValidatedNodeType(arg).isNullable()));
        return cast;
    }

    private static RexNode convertRound(SqlRexContext cx, SqlCall call) {
        RexBuilder rex = cx.getRexBuilder();
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        RexNode x = cx.convertExpression(call.operand(0));
        RexNode n = cx.convertExpression(call.operand(1));
        RelDataType intType = cx.getTypeFactory().createTypeWithNullability(
                cx.getTypeFactory().createSqlType(SqlTypeName.INTEGER), n.getType().isNullable());
        return rex.makeCall(type, PgOperators.ROUND_SCALE, List.of(rex.makeCast(type, x), rex.makeCast(intType, n)));
    }

    private static RexNode convertArithmetic(SqlRexContext cx, SqlCall call) {
        RelDataType ta = cx.getValidator().getValidatedNodeType(call.operand(0));
        RelDataType tb = cx.getValidator().getValidatedNodeType(call.operand(1));
        SqlKind kind = call.getOperator().getKind();
        PgOperators.Form form = PgOperators.form(kind, ta, tb);
        if (form == null) {
            ((SqlBasicCall) call).setOperator(switch (kind) {
                case MINUS -> SqlStdOperatorTable.MINUS;
                case TIMES -> SqlStdOperatorTable.MULTIPLY;
                case DIVIDE -> SqlStdOperatorTable.DIVIDE;
                default -> SqlStdOperatorTable.PLUS;
            });
            return StandardConvertletTable.INSTANCE.get(call).convertCall(cx, call);
        }
        RexBuilder rex = cx.getRexBuilder();
        RelDataTypeFactory f = cx.getTypeFactory();
        RexNode a = cx.convertExpression(call.operand(0));
        RexNode b = cx.convertExpression(call.operand(1));
        RelDataType type = PgOperators.formType(form, f, ta, tb);
        RelDataType intType = f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true);
        switch (form) {
            case DATE_MINUS_DATE:
                return rex.makeCall(type, SqlStdOperatorTable.MINUS,
                        List.of(days(rex, intType, a), days(rex, intType, b)));
            case DATE_PLUS_INT:
            case DATE_MINUS_INT:
            case INT_PLUS_DATE: {
                RexNode date = form == PgOperators.Form.INT_PLUS_DATE ? b : a;
                RexNode n = form == PgOperators.Form.INT_PLUS_DATE ? a : b;
                RexNode sum = rex.makeCall(intType, form == PgOperators.Form.DATE_MINUS_INT
                        ? SqlStdOperatorTable.MINUS : SqlStdOperatorTable.PLUS,
                        List.of(days(rex, intType, date), rex.makeCast(intType, n)));
                return rex.makeReinterpretCast(type, sum, rex.makeLiteral(false));
            }
            case TS_MINUS_TS:
                return rex.makeCall(type, IntervalOperators.TIMESTAMP_DIFF,
                        List.of(timestamp(rex, f, a), timestamp(rex, f, b)));
            case DATE_PLUS_INTERVAL:
            case TS_PLUS_INTERVAL:
                return rex.makeCall(type, IntervalOperators.TIMESTAMP_PLUS, List.of(timestamp(rex, f, a), b));
            case INTERVAL_PLUS_DATE:
            case INTERVAL_PLUS_TS:
                return rex.makeCall(type, IntervalOperators.TIMESTAMP_PLUS, List.of(timestamp(rex, f, b), a));
            case DATE_MINUS_INTERVAL:
            case TS_MINUS_INTERVAL:
                return rex.makeCall(type, IntervalOperators.TIMESTAMP_MINUS, List.of(timestamp(rex, f, a), b));
            case INTERVAL_PLUS_INTERVAL:
                return rex.makeCall(type, IntervalOperators.PLUS, List.of(a, b));
            case INTERVAL_MINUS_INTERVAL:
                return rex.makeCall(type, IntervalOperators.MINUS, List.of(a, b));
            case INTERVAL_TIMES_NUMBER:
                return rex.makeCall(type, IntervalOperators.MULTIPLY, List.of(a, toDouble(rex, f, b)));
            case NUMBER_TIMES_INTERVAL:
                return rex.makeCall(type, IntervalOperators.MULTIPLY, List.of(b, toDouble(rex, f, a)));
            case INTERVAL_DIVIDE_NUMBER:
                return rex.makeCall(type, IntervalOperators.DIVIDE, List.of(a, toDouble(rex, f, b)));
            default:
                throw new IllegalStateException(form.name());
        }
    }

    private static RexNode toDouble(RexBuilder rex, RelDataTypeFactory f, RexNode e) {
        return rex.makeCast(f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), e.getType().isNullable()), e);
    }

    /** CAST(x AS interval): text parsed by {@link IntervalFunctions#intervalIn}; an interval stays as it is. */
    private static RexNode convertToInterval(SqlRexContext cx, SqlCall call) {
        RexBuilder rex = cx.getRexBuilder();
        RexNode x = cx.convertExpression(call.operand(0));
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        if (IntervalOperators.isInterval(x.getType())) {
            return x;
        }
        RelDataTypeFactory f = cx.getTypeFactory();
        RexNode text = rex.makeCast(f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR),
                x.getType().isNullable()), x);
        return rex.makeCall(type, IntervalOperators.IN, List.of(text));
    }

    private static RexNode days(RexBuilder rex, RelDataType intType, RexNode date) {
        return rex.makeReinterpretCast(intType, date, rex.makeLiteral(false));
    }

    private static RexNode timestamp(RexBuilder rex, RelDataTypeFactory f, RexNode e) {
        if (e.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return e;
        }
        return rex.makeCast(f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 3),
                e.getType().isNullable()), e);
    }

    private static RexNode convertExtract(SqlRexContext cx, SqlCall call) {
        RexNode unit = cx.convertExpression(call.operand(0));
        RexNode source = cx.convertExpression(call.operand(1));
        RelDataType type = cx.getValidator().getValidatedNodeType(call);
        RelDataType st = source.getType();
        org.apache.calcite.sql.SqlOperator fn;
        if (IntervalOperators.isInterval(st)) {
            return cx.getRexBuilder().makeCall(type, IntervalOperators.EXTRACT, List.of(unit, source));
        }
        if (st.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            fn = PgOperators.EXTRACT_TIMESTAMP;
        } else if (st.getSqlTypeName() == SqlTypeName.DATE) {
            fn = PgOperators.EXTRACT_DATE;
        } else {
            throw new RustyDbException(ErrorCode.UNDEFINED_FUNCTION,
                    "extract(unknown, " + TypeNames.of(st) + ")");
        }
        RexBuilder rex = cx.getRexBuilder();
        RelDataType internal = rex.getTypeFactory().createTypeWithNullability(
                rex.getTypeFactory().createSqlType(fn == PgOperators.EXTRACT_TIMESTAMP ? SqlTypeName.BIGINT
                        : SqlTypeName.INTEGER), st.isNullable());
        RexNode raw = rex.makeReinterpretCast(internal, source, rex.makeLiteral(false));
        return rex.makeCall(type, fn, List.of(unit, raw));
    }
}
