package io.rustydb.sql.exec;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.calcite.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites a statement so every numeric and string literal and every client parameter becomes a
 * dynamic parameter ("slot"): statements that differ only in their constants share one compiled
 * plan, as the statement's sql_id says they should. Numeric literals keep their type through a
 * CAST; string literals are left untyped so the validator infers their type from context, as
 * PostgreSQL does for its 'unknown' literals, unless {@code castStrings} asks for text. Literals
 * that must stay literal (ORDER BY / GROUP BY ordinals, LIMIT, OFFSET, window frames) are kept.
 */
public final class Parameterizer extends SqlShuttle {

    /** One dynamic parameter of the rewritten statement. */
    public record Slot(int clientIndex, Object literalValue, ColumnType declaredType) {
        public boolean isClientParameter() {
            return clientIndex >= 0;
        }
    }

    private final List<DataType> clientTypes;
    private final boolean castStrings;
    private final List<Slot> slots = new ArrayList<>();

    /**
     * @param clientTypes declared type per client parameter (index n-1 for $n; null entries are
     *     inferred)
     */
    public Parameterizer(List<DataType> clientTypes, boolean castStrings) {
        this.clientTypes = clientTypes;
        this.castStrings = castStrings;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** Highest client parameter number referenced ($n), 0 if none. */
    public int clientParameterCount() {
        int max = 0;
        for (Slot s : slots) {
            max = Math.max(max, s.clientIndex() + 1);
        }
        return max;
    }

    /** Adds a slot for a value computed by RustyDB itself (e.g. a row's column), typed by CAST. */
    public SqlNode internalSlot(ColumnType type) {
        return typed(newSlot(new Slot(-1, null, type)), type);
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlNumericLiteral n) {
            BigDecimal value = n.getValueAs(BigDecimal.class);
            ColumnType type = numericType(n, value);
            return typed(newSlot(new Slot(-1, ValueConverter.convert(value, type), type)), type);
        }
        if (literal instanceof SqlCharStringLiteral s) {
            String value = s.getValueAs(String.class);
            if (castStrings) {
                ColumnType text = ColumnType.of(DataType.TEXT);
                return typed(newSlot(new Slot(-1, value, text)), text);
            }
            return newSlot(new Slot(-1, value, null));
        }
        return literal;
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        int clientIndex = ParameterNodes.clientIndex(param);
        DataType declared = clientIndex < clientTypes.size() ? clientTypes.get(clientIndex) : null;
        if (declared == null) {
            if (castStrings) {
                ColumnType text = ColumnType.of(DataType.TEXT);
                return typed(newSlot(new Slot(clientIndex, null, text)), text);
            }
            return newSlot(new Slot(clientIndex, null, null));
        }
        ColumnType type = ColumnType.of(declared);
        return typed(newSlot(new Slot(clientIndex, null, type)), type);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlWindow || call.getKind() == SqlKind.NTILE
                || call.getOperator().getName().equalsIgnoreCase("ntile")) {
            // a window frame's bounds and ntile's bucket count must stay literals
            return call;
        }
        if (call.getKind() == SqlKind.CAST && call.operand(0) instanceof SqlCharStringLiteral text
                && isUnboundedNumeric(call.operand(1))) {
            return numericText(text.getValueAs(String.class));
        }
        if (call.getKind() == SqlKind.MINUS_PREFIX && call.operand(0) instanceof SqlNumericLiteral n) {
            // PostgreSQL folds the sign into the constant: -2147483648 is an integer
            BigDecimal value = n.getValueAs(BigDecimal.class).negate();
            ColumnType type = numericType(n, value);
            return typed(newSlot(new Slot(-1, ValueConverter.convert(value, type), type)), type);
        }
        if (isNow(call)) {
            return SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(call.getParserPosition());
        }
        if (call instanceof SqlSelect select) {
            select.setSelectList((SqlNodeList) select.getSelectList().accept(this));
            if (select.getFrom() != null) {
                select.setFrom(select.getFrom().accept(this));
            }
            if (select.getWhere() != null) {
                select.setWhere(select.getWhere().accept(this));
            }
            if (select.getHaving() != null) {
                select.setHaving(select.getHaving().accept(this));
            }
            return select;
        }
        if (call instanceof SqlOrderBy orderBy) {
            SqlNode query = orderBy.query.accept(this);
            return new SqlOrderBy(orderBy.getParserPosition(), query, orderBy.orderList,
                    limitParameter(orderBy.offset), limitParameter(orderBy.fetch));
        }
        return super.visit(call);
    }

    /**
     * {@code '12.50'::numeric}: PostgreSQL's unconstrained numeric keeps the value's own scale,
     * where Calcite's DECIMAL without precision would round it to an integer; so the text is
     * read as a numeric literal of its own precision and scale.
     */
    private SqlNode numericText(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "numeric", text);
        }
        ColumnType type = new ColumnType(DataType.NUMERIC, Math.max(Math.max(value.precision(), value.scale()), 1),
                Math.max(value.scale(), 0));
        return typed(newSlot(new Slot(-1, ValueConverter.convert(value, type), type)), type);
    }

    private static boolean isUnboundedNumeric(SqlNode node) {
        return node instanceof SqlDataTypeSpec spec && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec name
                && (name.getTypeName().getSimple().equalsIgnoreCase("DECIMAL")
                        || name.getTypeName().getSimple().equalsIgnoreCase("NUMERIC"))
                && name.getPrecision() < 0;
    }

    /** PostgreSQL's now(): the statement's CURRENT_TIMESTAMP. */
    private static boolean isNow(SqlCall call) {
        return call.getOperator() instanceof SqlUnresolvedFunction f && f.getName().equalsIgnoreCase("now")
                && call.operandCount() == 0;
    }

    /** A client parameter in LIMIT / OFFSET becomes a slot; a literal count stays literal. */
    private SqlNode limitParameter(SqlNode node) {
        if (node instanceof SqlDynamicParam param) {
            return newSlot(new Slot(ParameterNodes.clientIndex(param), null, ColumnType.of(DataType.BIGINT)));
        }
        return node;
    }

    private SqlDynamicParam newSlot(Slot slot) {
        slots.add(slot);
        return new SqlDynamicParam(slots.size() - 1, SqlParserPos.ZERO);
    }

    private static SqlNode typed(SqlNode node, ColumnType type) {
        return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, node, TypeMapping.typeSpec(type));
    }

    private static ColumnType numericType(SqlNumericLiteral literal, BigDecimal value) {
        if (literal.isExact() && value.scale() <= 0) {
            try {
                long v = value.longValueExact();
                return ColumnType.of(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? DataType.INTEGER : DataType.BIGINT);
            } catch (ArithmeticException tooBig) {
                return ColumnType.of(DataType.NUMERIC);
            }
        }
        if (!literal.isExact()) {
            return ColumnType.of(DataType.DOUBLE);
        }
        return new ColumnType(DataType.NUMERIC, Math.max(value.precision(), value.scale()), value.scale());
    }
}
