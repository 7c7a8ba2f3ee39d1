package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Reading a single-table WHERE clause for key and index lookups ({@link KeyLookup},
 * {@link IndexPath}): its AND-ed terms, the table column a term names, and the value a term
 * compares it with (a constant, or a reference to a client parameter).
 */
final class WhereTerms {
    /** A value that is the client parameter {@code $(index + 1)}. */
    record ParamRef(int index) {
    }

    private WhereTerms() {
    }

    /** The terms of {@code where} that are AND-ed together, in order. */
    static List<SqlNode> conjuncts(SqlNode where) {
        List<SqlNode> out = new ArrayList<>();
        flatten(where, out);
        return out;
    }

    private static void flatten(SqlNode node, List<SqlNode> out) {
        if (node.getKind() == SqlKind.AND) {
            for (SqlNode operand : ((SqlCall) node).getOperandList()) {
                flatten(operand, out);
            }
        } else {
            out.add(node);
        }
    }

    /** The position of the column {@code node} names ({@code c} or {@code alias.c}), or -1. */
    static int column(SqlNode node, TableDef table, String alias) {
        if (!(node instanceof SqlIdentifier id)) {
            return -1;
        }
        if (id.names.size() > 2 || (id.names.size() == 2 && !id.names.get(0).equals(alias))) {
            return -1;
        }
        return table.columnIndex(id.names.get(id.names.size() - 1));
    }

    /** A constant or {@link ParamRef} for {@code node}, or null if it is neither. */
    static Object source(SqlNode node) {
        if (node instanceof SqlDynamicParam p) {
            return new ParamRef(ParameterNodes.clientIndex(p));
        }
        if (node instanceof SqlNumericLiteral n) {
            return n.getValueAs(BigDecimal.class);
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX && ((SqlCall) node).operand(0) instanceof SqlNumericLiteral n) {
            return n.getValueAs(BigDecimal.class).negate();
        }
        if (node instanceof SqlCharStringLiteral s) {
            return s.getValueAs(String.class);
        }
        return null;
    }

    /** The value of a {@link #source} for one execution. */
    static Object value(Object source, List<Object> parameters) {
        return source instanceof ParamRef p ? parameters.get(p.index()) : source;
    }
}
