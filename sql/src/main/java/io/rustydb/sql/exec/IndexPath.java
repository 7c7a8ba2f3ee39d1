package io.rustydb.sql.exec;

import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.ColumnBound;
import io.rustydb.sql.index.IndexAccess;
import io.rustydb.sql.index.IndexCursor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * The index path UPDATE and DELETE use to find candidate rows when their WHERE clause bounds
 * indexed columns ({@code a = $1}, {@code a BETWEEN 1 AND 5}, {@code a IN (1, 2)}, ...) and the
 * index is estimated cheaper than a scan. The full condition is still evaluated on every row.
 */
final class IndexPath {
    /** Row count assumed for a table never analyzed (Calcite's default too). */
    private static final double UNANALYZED_ROWS = 100;

    private final IndexAccess access;
    /** Per slot: a constant, or a ParamRef to a client parameter. */
    private final List<Object> sources;

    private record ParamRef(int index) {
    }

    private IndexPath(IndexAccess access, List<Object> sources) {
        this.access = access;
        this.sources = sources;
    }

    /** The path for {@code where}, or null if no index beats a scan. */
    static IndexPath of(Catalog catalog, SqlNode where, TableDef table, String alias) {
        if (where == null) {
            return null;
        }
        List<SqlNode> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        List<ColumnBound> bounds = new ArrayList<>();
        List<Object> sources = new ArrayList<>();
        for (SqlNode c : conjuncts) {
            collect(c, table, alias, bounds, sources);
        }
        long analyzed = catalog.analyzedRowCount(table.id());
        double rows = analyzed < 0 ? UNANALYZED_ROWS : analyzed;
        IndexAccess access = IndexAccess.choose(table, bounds, rows, catalog::analyzedIndexDistinct, null);
        return access == null || access.cost() >= rows ? null : new IndexPath(access, sources);
    }

    private static void collect(SqlNode c, TableDef table, String alias, List<ColumnBound> bounds, List<Object> sources) {
        ColumnBound.Op op = switch (c.getKind()) {
            case EQUALS -> ColumnBound.Op.EQ;
            case LESS_THAN -> ColumnBound.Op.LT;
            case LESS_THAN_OR_EQUAL -> ColumnBound.Op.LE;
            case GREATER_THAN -> ColumnBound.Op.GT;
            case GREATER_THAN_OR_EQUAL -> ColumnBound.Op.GE;
            default -> null;
        };
        SqlCall call = c instanceof SqlCall sc ? sc : null;
        if (op != null) {
            for (int side = 0; side < 2; side++) {
                int column = column(call.operand(side), table, alias);
                Object source = source(call.operand(1 - side));
                if (column >= 0 && source != null) {
                    bounds.add(ColumnBound.of(column, side == 0 ? op : op.flipped(), sources.size()));
                    sources.add(source);
                    return;
                }
            }
        } else if (c.getKind() == SqlKind.BETWEEN && call.getOperandList().size() == 3
                && "BETWEEN".equals(call.getOperator().getName())) {
            int column = column(call.operand(0), table, alias);
            Object low = source(call.operand(1));
            Object high = source(call.operand(2));
            if (column >= 0 && low != null && high != null) {
                bounds.add(ColumnBound.of(column, ColumnBound.Op.GE, sources.size()));
                sources.add(low);
                bounds.add(ColumnBound.of(column, ColumnBound.Op.LE, sources.size()));
                sources.add(high);
            }
        } else if (c.getKind() == SqlKind.IN && call.operand(1) instanceof SqlNodeList list) {
            int column = column(call.operand(0), table, alias);
            int[] slots = new int[list.size()];
            List<Object> values = new ArrayList<>();
            for (SqlNode item : list) {
                Object source = source(item);
                if (source == null) {
                    return;
                }
                values.add(source);
            }
            if (column >= 0 && !values.isEmpty()) {
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = sources.size();
                    sources.add(values.get(i));
                }
                bounds.add(new ColumnBound(column, ColumnBound.Op.IN, slots));
            }
        }
    }

    /** EXPLAIN line of the path. */
    String explainLine() {
        return access.explainLine(slot -> sources.get(slot) instanceof ParamRef p ? "$" + (p.index() + 1)
                : String.valueOf(sources.get(slot)));
    }

    /** A cursor over the rows the path selects for these client parameters. */
    IndexCursor open(StorageTransaction txn, Tablespace tablespace, List<Object> parameters) {
        Object[] values = new Object[sources.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sources.get(i) instanceof ParamRef p ? parameters.get(p.index()) : sources.get(i);
        }
        return new IndexCursor(access, txn, tablespace, values);
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

    private static int column(SqlNode node, TableDef table, String alias) {
        if (!(node instanceof SqlIdentifier id)) {
            return -1;
        }
        if (id.names.size() > 2 || (id.names.size() == 2 && !id.names.get(0).equals(alias))) {
            return -1;
        }
        return table.columnIndex(id.names.get(id.names.size() - 1));
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
