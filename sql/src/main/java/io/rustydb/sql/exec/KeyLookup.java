package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
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
 * Recognizes a WHERE clause that pins every primary-key column to a constant or parameter
 * ({@code id = 5 AND ...}), so UPDATE and DELETE read one row instead of scanning the table.
 * The full condition is still evaluated on the row.
 */
final class KeyLookup {
    private final TableDef table;
    /** Per primary-key column: a constant, or an Integer client parameter index wrapped in ParamRef. */
    private final Object[] sources;

    private record ParamRef(int index) {
    }

    private KeyLookup(TableDef table, Object[] sources) {
        this.table = table;
        this.sources = sources;
    }

    /** The lookup for {@code where}, or null if it does not pin the whole primary key. */
    static KeyLookup of(SqlNode where, TableDef table, String alias) {
        if (where == null || !table.hasPrimaryKey()) {
            return null;
        }
        Object[] sources = new Object[table.primaryKey().size()];
        boolean[] found = new boolean[sources.length];
        List<SqlNode> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        for (SqlNode c : conjuncts) {
            if (c.getKind() != SqlKind.EQUALS) {
                continue;
            }
            SqlCall eq = (SqlCall) c;
            for (int side = 0; side < 2; side++) {
                int keyPos = keyPosition(eq.operand(side), table, alias);
                Object source = source(eq.operand(1 - side));
                if (keyPos >= 0 && source != null) {
                    sources[keyPos] = source;
                    found[keyPos] = true;
                }
            }
        }
        for (boolean f : found) {
            if (!f) {
                return null;
            }
        }
        return new KeyLookup(table, sources);
    }

    /** The storage key for these parameter values (values converted to the key column types). */
    byte[] key(List<Object> parameters) {
        Object[] values = new Object[sources.length];
        List<DataType> types = table.keyTypes();
        for (int i = 0; i < values.length; i++) {
            Object raw = sources[i] instanceof ParamRef p ? parameters.get(p.index()) : sources[i];
            values[i] = ValueConverter.convert(raw, table.columns().get(table.primaryKey().get(i)).type());
        }
        return KeyCodec.encodeKey(table.id(), types, values);
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

    private static int keyPosition(SqlNode node, TableDef table, String alias) {
        if (!(node instanceof SqlIdentifier id)) {
            return -1;
        }
        if (id.names.size() > 2 || (id.names.size() == 2 && !id.names.get(0).equals(alias))) {
            return -1;
        }
        int column = table.columnIndex(id.names.get(id.names.size() - 1));
        return column < 0 ? -1 : table.primaryKey().indexOf(column);
    }

    private static Object source(SqlNode node) {
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
}
