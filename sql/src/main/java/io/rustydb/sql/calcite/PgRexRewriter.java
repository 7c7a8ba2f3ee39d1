package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * After conversion to relational algebra, gives expressions PostgreSQL's run-time semantics
 * where Calcite's differ, keeping every expression's type: integer {@code + - *} raise 22003 on
 * overflow, casts to integer and to numeric(p,s) round half away from zero (from double: half to
 * even), boolean and character(n) values turn to text as PostgreSQL prints them, numeric
 * division has PostgreSQL's result scale, and {@code round(double precision)} rounds half to even.
 */
final class PgRexRewriter extends RexShuttle {
    /** Functions that see a character(n) argument as text, without its trailing blanks. */
    private static final java.util.Set<String> TEXT_FUNCTIONS = java.util.Set.of("CHAR_LENGTH", "CHARACTER_LENGTH",
            "LENGTH", "LEFT", "RIGHT", "REVERSE", "MD5", "UPPER", "LOWER", "INITCAP", "CONCAT", "REPEAT");
    private final RexBuilder rex;

    PgRexRewriter(RexBuilder rex) {
        this.rex = rex;
    }

    /** Applies the rewrite to every expression of {@code root} and of its sub-queries. */
    RelNode rewrite(RelNode root) {
        PgRexRewriter self = this;
        return root.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalAggregate) {
                    visited = PgAverages.reduce((LogicalAggregate) visited, rex);
                }
                return visited.accept(self);
            }
        });
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
        RexSubQuery s = (RexSubQuery) super.visitSubQuery(subQuery);
        return s.clone(rewrite(s.rel));
    }

    @Override
    public RexNode visitCall(RexCall original) {
        RexCall call = (RexCall) super.visitCall(original);
        RelDataType type = call.getType();
        SqlOperator op = call.getOperator();
        List<RexNode> operands = call.getOperands();
        if (call.getKind().belongsTo(org.apache.calcite.sql.SqlKind.COMPARISON) && operands.size() == 2
                && IntervalOperators.isInterval(operands.get(0).getType())
                && IntervalOperators.isInterval(operands.get(1).getType())) {
            // intervals compare by their span: cmp(a, b) <op> 0
            RexNode cmp = rex.makeCall(IntervalOperators.COMPARE, operands);
            return rex.makeCall(type, op, List.of(cmp, rex.makeZeroLiteral(cmp.getType())));
        }
        switch (call.getKind()) {
            case PLUS:
            case MINUS:
            case TIMES:
                if (isInteger(type) && operands.size() == 2 && isInteger(operands.get(0).getType())
                        && isInteger(operands.get(1).getType()) && op.getKind() == call.getKind()
                        && (op == SqlStdOperatorTable.PLUS || op == SqlStdOperatorTable.MINUS
                        || op == SqlStdOperatorTable.MULTIPLY)) {
                    SqlOperator checked = op == SqlStdOperatorTable.PLUS ? SqlStdOperatorTable.CHECKED_PLUS
                            : op == SqlStdOperatorTable.MINUS ? SqlStdOperatorTable.CHECKED_MINUS
                            : SqlStdOperatorTable.CHECKED_MULTIPLY;
                    return rex.makeCall(type, checked, operands);
                }
                return call;
            case DIVIDE:
                if (type.getSqlTypeName() == SqlTypeName.DECIMAL && op == SqlStdOperatorTable.DIVIDE) {
                    RelDataType decimal = PgOperators.unboundedNumeric(rex.getTypeFactory());
                    return rex.makeCall(type, PgOperators.DIVIDE,
                            List.of(toDecimal(operands.get(0), decimal), toDecimal(operands.get(1), decimal)));
                }
                return call;
            case CAST:
                return cast(call, operands.get(0), type);
            case OTHER_FUNCTION:
                if (op == SqlStdOperatorTable.ROUND && SqlTypeUtil.isApproximateNumeric(operands.get(0).getType())) {
                    if (operands.size() > 1) {
                        throw new RustyDbException(ErrorCode.UNDEFINED_FUNCTION, "round(double precision, integer)");
                    }
                    return rex.makeCall(type, PgOperators.RINT, operands);
                }
                return call;
            default:
                if (op == SqlStdOperatorTable.CONCAT || TEXT_FUNCTIONS.contains(op.getName().toUpperCase(java.util.Locale.ROOT))) {
                    List<RexNode> texts = new ArrayList<>();
                    for (RexNode o : operands) {
                        texts.add(o.getType().getSqlTypeName() == SqlTypeName.CHAR ? bpcharText(o) : o);
                    }
                    return rex.makeCall(type, op, texts);
                }
                return call;
        }
    }

    private RexNode cast(RexCall call, RexNode source, RelDataType target) {
        RelDataType st = source.getType();
        if (IntervalOperators.isInterval(st) && SqlTypeUtil.inCharFamily(target)) {
            return rex.makeCast(target, rex.makeCall(IntervalOperators.OUT, List.of(source)));
        }
        SqlTypeName to = target.getSqlTypeName();
        SqlTypeName from = st.getSqlTypeName();
        if (isInteger(target) && from == SqlTypeName.DECIMAL && st.getScale() > 0
                || isInteger(target) && from == SqlTypeName.DECIMAL && st.getPrecision() >= TypeMapping.UNBOUNDED_NUMERIC_PRECISION) {
            return rex.makeCast(target, rex.makeCall(st, PgOperators.ROUND_HALF_UP, List.of(source, rex.makeLiteral(0,
                    rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER)))));
        }
        if (isInteger(target) && (from == SqlTypeName.DOUBLE || from == SqlTypeName.REAL || from == SqlTypeName.FLOAT)) {
            RelDataType dbl = rex.getTypeFactory().createTypeWithNullability(
                    rex.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), st.isNullable());
            return rex.makeCast(target, rex.makeCall(dbl, PgOperators.RINT, List.of(rex.makeCast(dbl, source))));
        }
        if (to == SqlTypeName.DECIMAL && from == SqlTypeName.DECIMAL) {
            if (target.getPrecision() >= TypeMapping.UNBOUNDED_NUMERIC_PRECISION) {
                return rex.makeReinterpretCast(target, source, rex.makeLiteral(false));
            }
            if (target.getScale() < st.getScale() || st.getPrecision() >= TypeMapping.UNBOUNDED_NUMERIC_PRECISION) {
                return rex.makeCast(target, rex.makeCall(st, PgOperators.ROUND_HALF_UP, List.of(source,
                        rex.makeLiteral(target.getScale(), rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER)))));
            }
            return call;
        }
        if ((to == SqlTypeName.VARCHAR || to == SqlTypeName.CHAR) && from == SqlTypeName.BOOLEAN) {
            RexNode text = rex.makeCall(rex.getTypeFactory().createTypeWithNullability(
                    rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), st.isNullable()), PgOperators.BOOL_TEXT,
                    List.of(source));
            return rex.makeCast(target, text);
        }
        if (to == SqlTypeName.VARCHAR && from == SqlTypeName.CHAR) {
            return rex.makeCast(target, bpcharText(source));
        }
        return call;
    }

    private RexNode bpcharText(RexNode o) {
        RelDataType varchar = rex.getTypeFactory().createTypeWithNullability(
                rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, o.getType().getPrecision()), o.getType().isNullable());
        return rex.makeCall(varchar, PgOperators.BPCHAR_TEXT, List.of(o));
    }

    private RexNode toDecimal(RexNode o, RelDataType decimal) {
        if (o.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
            return o;
        }
        return rex.makeCast(rex.getTypeFactory().createTypeWithNullability(decimal, o.getType().isNullable()), o);
    }

    private static boolean isInteger(RelDataType t) {
        SqlTypeName n = t.getSqlTypeName();
        return n == SqlTypeName.INTEGER || n == SqlTypeName.BIGINT || n == SqlTypeName.SMALLINT || n == SqlTypeName.TINYINT;
    }
}
