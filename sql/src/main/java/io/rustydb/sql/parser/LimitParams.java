package io.rustydb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * Gives {@code $n} in LIMIT, OFFSET and FETCH its number. There Calcite's own grammar creates a
 * plain {@link SqlDynamicParam} numbered by occurrence; this pass finds the {@code $n} text at its
 * position and rebuilds the {@link SqlOrderBy} with a {@link SqlPositionalParam}.
 */
final class LimitParams {
    private final String text;

    private LimitParams(String text) {
        this.text = text;
    }

    static SqlNode resolve(SqlNode node, String text) {
        return text.indexOf('$') < 0 ? node : new LimitParams(text).visit(node);
    }

    private SqlNode visit(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode element = list.get(i);
                if (element != null) {
                    SqlNode replaced = visit(element);
                    if (replaced != element) {
                        list.set(i, replaced);
                    }
                }
            }
            return list;
        }
        if (node instanceof SqlOrderBy orderBy) {
            SqlNode query = visit(orderBy.query);
            visit(orderBy.orderList);
            SqlNode offset = param(orderBy.offset);
            SqlNode fetch = param(orderBy.fetch);
            if (query == orderBy.query && offset == orderBy.offset && fetch == orderBy.fetch) {
                return orderBy;
            }
            return new SqlOrderBy(orderBy.getParserPosition(), query, orderBy.orderList, offset, fetch);
        }
        if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                if (operand != null) {
                    SqlNode replaced = visit(operand);
                    if (replaced != operand) {
                        call.setOperand(i, replaced);
                    }
                }
            }
        }
        return node;
    }

    private SqlNode param(SqlNode node) {
        if (node == null || node.getClass() != SqlDynamicParam.class) {
            return node;
        }
        int start = TextPositions.start(text, node.getParserPosition());
        if (start >= text.length() || text.charAt(start) != '$') {
            return node;
        }
        int end = start + 1;
        while (end < text.length() && SqlLexer.isDigit(text.charAt(end))) {
            end++;
        }
        return RustyDbParserUtil.positionalParam(text.substring(start, end), node.getParserPosition());
    }
}
