package io.rustydb.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * PostgreSQL's labels for result columns: the alias, else the column name, else the function
 * name, else {@code ?column?}. Calcite's own labels ({@code EXPR$0}) are never shown to clients.
 */
public final class ColumnNames {
    private static final String UNNAMED = "?column?";

    private ColumnNames() {
    }

    /** Labels per select item, or null when the select list has a {@code *} (Calcite's labels apply). */
    public static List<String> of(SqlNode query) {
        SqlNode node = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        if (!(node instanceof SqlSelect select)) {
            return null;
        }
        return of(select.getSelectList());
    }

    /** Labels for a select list (or RETURNING list), or null when it has a {@code *}. */
    public static List<String> of(SqlNodeList items) {
        List<String> names = new ArrayList<>();
        for (SqlNode item : items) {
            if (item instanceof SqlIdentifier id && id.isStar()) {
                return null;
            }
            names.add(label(item));
        }
        return names;
    }

    private static String label(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
        }
        if (item instanceof SqlIdentifier id) {
            return id.names.get(id.names.size() - 1);
        }
        if (item instanceof org.apache.calcite.sql.SqlIntervalLiteral) {
            return "interval";
        }
        if (item.getKind() == SqlKind.CASE) {
            return "case";
        }
        if (item instanceof SqlBasicCall call) {
            if (call.getKind() == SqlKind.CAST) {
                SqlNode operand = call.operand(0);
                if (operand instanceof org.apache.calcite.sql.SqlLiteral
                        && call.operand(1) instanceof org.apache.calcite.sql.SqlDataTypeSpec spec
                        && io.rustydb.sql.parser.type.PgIntervalTypeNameSpec.isIntervalSpec(spec.getTypeNameSpec())) {
                    // a constant cast is named after its type: '1 day'::interval, INTERVAL '1 day'
                    return "interval";
                }
                return operand instanceof SqlIdentifier || operand instanceof SqlBasicCall ? label(operand) : UNNAMED;
            }
            if (call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION
                    || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_STAR
                    || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_ID) {
                return call.getOperator().getName().toLowerCase(Locale.ROOT);
            }
        }
        return UNNAMED;
    }
}
