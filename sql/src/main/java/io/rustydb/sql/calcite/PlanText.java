package io.rustydb.sql.calcite;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDigestIncludeType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Row expressions of a physical plan written the way EXPLAIN writes conditions:
 * {@code ((status = ?) AND (amount > ?))}, columns by name. Statement literals and client
 * parameters are slots of the compiled plan and print as {@code ?}: a plan never shows values.
 */
final class PlanText {
    private PlanText() {
    }

    /** {@code node} with input references named by {@code fields}. */
    static String of(RexNode node, List<String> fields) {
        if (node instanceof RexInputRef ref) {
            return ref.getIndex() < fields.size() ? fields.get(ref.getIndex()) : "$" + ref.getIndex();
        }
        if (node instanceof RexDynamicParam) {
            return "?";
        }
        if (node instanceof RexLiteral literal) {
            return literal(literal);
        }
        if (!(node instanceof RexCall call)) {
            return node.toString();
        }
        List<RexNode> operands = call.getOperands();
        SqlKind kind = call.getKind();
        if (kind == SqlKind.AND || kind == SqlKind.OR) {
            StringJoiner out = new StringJoiner(" " + kind.sql + " ", "(", ")");
            operands.forEach(o -> out.add(of(o, fields)));
            return out.toString();
        }
        if (kind == SqlKind.CAST) {
            return of(operands.get(0), fields) + "::" + call.getType().getSqlTypeName().getName().toLowerCase(Locale.ROOT);
        }
        if (kind == SqlKind.NOT) {
            return "NOT " + of(operands.get(0), fields);
        }
        switch (call.getOperator().getSyntax()) {
            case BINARY:
                if (operands.size() == 2) {
                    return "(" + of(operands.get(0), fields) + " " + call.getOperator().getName() + " "
                            + of(operands.get(1), fields) + ")";
                }
                break;
            case POSTFIX:
                return "(" + of(operands.get(0), fields) + " " + call.getOperator().getName() + ")";
            case PREFIX:
                return call.getOperator().getName() + of(operands.get(0), fields);
            default:
                break;
        }
        StringJoiner args = new StringJoiner(", ", call.getOperator().getName().toLowerCase(Locale.ROOT) + "(", ")");
        operands.forEach(o -> args.add(of(o, fields)));
        return args.toString();
    }

    private static String literal(RexLiteral literal) {
        if (literal.isNull()) {
            return "NULL";
        }
        if (literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER) {
            return "'" + literal.getValueAs(String.class).replace("'", "''") + "'";
        }
        return literal.computeDigest(RexDigestIncludeType.NO_TYPE);
    }
}
