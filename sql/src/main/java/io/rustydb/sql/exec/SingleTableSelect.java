package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * A SELECT whose FROM clause is one table, possibly aliased ({@code FROM t} or {@code FROM t a}),
 * evaluated row by row: its WHERE clause and select list become one {@link RowProgram}.
 */
final class SingleTableSelect {
    private SingleTableSelect() {
    }

    /** True for {@code FROM t} and {@code FROM t [AS] a}. */
    static boolean isSingleTable(SqlNode from) {
        return from instanceof SqlIdentifier || (from != null && from.getKind() == SqlKind.AS
                && ((SqlCall) from).operandCount() == 2 && ((SqlCall) from).operand(0) instanceof SqlIdentifier);
    }

    /** The table's name in a single-table FROM clause. */
    static SqlIdentifier table(SqlNode from) {
        return (SqlIdentifier) (from instanceof SqlIdentifier ? from : ((SqlCall) from).operand(0));
    }

    /** The name the query uses for the table: its alias, else its own name. */
    static String alias(SqlNode from) {
        return from instanceof SqlIdentifier id ? Tables.simpleName(id)
                : ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
    }

    /**
     * The program computing, for one stored row, the WHERE condition (output 0; TRUE without a
     * WHERE clause) and then the select list, labelled as PostgreSQL labels them.
     *
     * @param fresh supplies a freshly parsed copy of the SELECT
     */
    static RowProgram program(EngineContext engine, io.rustydb.sql.catalog.TableDef table, String alias,
            Supplier<SqlSelect> fresh, List<DataType> declared) {
        List<String> names = ColumnNames.of(fresh.get());
        List<String> labels = null;
        if (names != null) {
            labels = new ArrayList<>();
            labels.add("matches");
            labels.addAll(names);
        }
        return RowProgram.compile(engine, table, alias, p -> {
            SqlSelect select = fresh.get();
            List<SqlNode> items = new ArrayList<>();
            items.add(select.getWhere() == null ? null : select.getWhere().accept(p));
            for (SqlNode item : select.getSelectList()) {
                items.add(item.accept(p));
            }
            return items;
        }, declared, labels);
    }
}
