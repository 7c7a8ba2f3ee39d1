package io.rustydb.sql.exec;

import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.ColumnBound;
import io.rustydb.sql.index.IndexAccess;
import io.rustydb.sql.index.IndexCursor;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * The index path UPDATE and DELETE use to find candidate rows when their WHERE clause bounds
 * indexed columns ({@code a = $1}, {@code a BETWEEN 1 AND 5}, {@code a IN (1, 2)}, ...) and the
 * index is estimated cheaper than a scan. The full condition is still evaluated on every row.
 */
final class IndexPath {
    /** Row count assumed for a table never analyzed (Calcite's default too). */
    private static final double UNANALYZED_ROWS = 100;

    private final IndexAccess access;
    /** Per slot: a constant, or a {@link WhereTerms.ParamRef} to a client parameter. */
    private final List<Object> sources;

    private IndexPath(IndexAccess access, List<Object> sources) {
        this.access = access;
        this.sources = sources;
    }

    /** The path for {@code where}, or null if no index beats a scan. */
    static IndexPath of(Catalog catalog, SqlNode where, TableDef table, String alias) {
        if (where == null) {
            return null;
        }
        List<SqlNode> conjuncts = WhereTerms.conjuncts(where);
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
                int column = WhereTerms.column(call.operand(side), table, alias);
                Object source = WhereTerms.source(call.operand(1 - side));
                if (column >= 0 && source != null) {
                    bounds.add(ColumnBound.of(column, side == 0 ? op : op.flipped(), sources.size()));
                    sources.add(source);
                    return;
                }
            }
        } else if (c.getKind() == SqlKind.BETWEEN && call.getOperandList().size() == 3
                && "BETWEEN".equals(call.getOperator().getName())) {
            int column = WhereTerms.column(call.operand(0), table, alias);
            Object low = WhereTerms.source(call.operand(1));
            Object high = WhereTerms.source(call.operand(2));
            if (column >= 0 && low != null && high != null) {
                bounds.add(ColumnBound.of(column, ColumnBound.Op.GE, sources.size()));
                sources.add(low);
                bounds.add(ColumnBound.of(column, ColumnBound.Op.LE, sources.size()));
                sources.add(high);
            }
        } else if (c.getKind() == SqlKind.IN && call.operand(1) instanceof SqlNodeList list) {
            int column = WhereTerms.column(call.operand(0), table, alias);
            int[] slots = new int[list.size()];
            List<Object> values = new ArrayList<>();
            for (SqlNode item : list) {
                Object source = WhereTerms.source(item);
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

    /**
     * The slow-query log's index suggestion for a scan of {@code table} under {@code where} (an
     * UPDATE or DELETE that found no index path), or null.
     */
    static String suggestion(SqlNode where, TableDef table, String alias) {
        if (where == null) {
            return null;
        }
        List<ColumnBound> bounds = new ArrayList<>();
        List<Object> sources = new ArrayList<>();
        for (SqlNode c : WhereTerms.conjuncts(where)) {
            collect(c, table, alias, bounds, sources);
        }
        List<String> equalities = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (ColumnBound b : bounds) {
            String name = table.columns().get(b.column()).name();
            List<String> target = b.op() == ColumnBound.Op.EQ || b.op() == ColumnBound.Op.IN ? equalities : ranges;
            if (!target.contains(name)) {
                target.add(name);
            }
        }
        return io.rustydb.sql.calcite.IndexAdvice.forColumns(table, equalities, ranges);
    }

    /** The path as a plan step with its estimated rows. */
    io.rustydb.monitoring.statements.PlanNode planNode() {
        return PlanNodes.step(access.indexOnly() ? "IndexOnlyScan" : "IndexScan", access.table().name(),
                access.index().name(), List.of("Index Cond: " + access.condition(slot -> "?")), access.rows(),
                List.of());
    }

    /** EXPLAIN line of the path. */
    String explainLine() {
        return access.explainLine(slot -> sources.get(slot) instanceof WhereTerms.ParamRef p ? "$" + (p.index() + 1)
                : String.valueOf(sources.get(slot)));
    }

    /** A cursor over the rows the path selects for these client parameters. */
    IndexCursor open(StorageTransaction txn, Tablespace tablespace, List<Object> parameters) {
        Object[] values = new Object[sources.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = WhereTerms.value(sources.get(i), parameters);
        }
        return new IndexCursor(access, txn, tablespace, values);
    }
}
