package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.parser.RustyDbParser;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces every view named in a FROM clause by its query, as {@code (query) AS view(columns)},
 * so the planner sees an ordinary subquery; views over views expand in turn.
 */
final class ViewExpander extends SqlShuttle {
    private static final int MAX_DEPTH = 32;

    private final Catalog catalog;
    private final int depth;

    private ViewExpander(Catalog catalog, int depth) {
        this.catalog = catalog;
        this.depth = depth;
    }

    static SqlNode expand(Catalog catalog, SqlNode tree) {
        return tree.accept(new ViewExpander(catalog, 0));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getFrom() != null) {
            select.setFrom(from(select.getFrom()));
        } else if (call instanceof SqlJoin join) {
            join.setLeft(from(join.getLeft()));
            join.setRight(from(join.getRight()));
        }
        return super.visit(call);
    }

    /** A FROM item: a view name becomes its query; joins and aliases are looked into. */
    private SqlNode from(SqlNode item) {
        if (item instanceof SqlIdentifier id) {
            ViewDef view = view(id);
            return view == null ? id : aliased(view, id.names.get(id.names.size() - 1), List.of());
        }
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(0) instanceof SqlIdentifier id) {
            ViewDef view = view(id);
            if (view != null) {
                SqlCall as = (SqlCall) item;
                List<SqlNode> rest = as.getOperandList().subList(1, as.operandCount());
                return aliased(view, ((SqlIdentifier) rest.get(0)).getSimple(), rest.subList(1, rest.size()));
            }
        }
        return item;
    }

    private ViewDef view(SqlIdentifier id) {
        if (id.isStar() || id.names.size() > 2) {
            return null;
        }
        return catalog.view(Tables.schema(id), Tables.simpleName(id)).orElse(null);
    }

    private SqlNode aliased(ViewDef view, String alias, List<SqlNode> columnAliases) {
        if (depth >= MAX_DEPTH) {
            throw new RustyDbException(ErrorCode.INVALID_STATEMENT, "infinite recursion detected in view \""
                    + view.name() + "\"");
        }
        SqlNode query = RustyDbParser.parseStatement(view.query()).accept(new ViewExpander(catalog, depth + 1));
        List<SqlNode> operands = new ArrayList<>();
        operands.add(query);
        operands.add(new SqlIdentifier(alias, SqlParserPos.ZERO));
        if (!columnAliases.isEmpty()) {
            operands.addAll(columnAliases);
        } else {
            for (String column : view.columnNames()) {
                operands.add(new SqlIdentifier(column, SqlParserPos.ZERO));
            }
        }
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, operands);
    }
}
