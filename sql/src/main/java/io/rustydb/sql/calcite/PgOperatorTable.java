package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Puts RustyDB's PostgreSQL functions ({@link PgOperators}) in front of Calcite's: where both
 * define a name (for example {@code left} with a negative length), only RustyDB's is offered.
 */
final class PgOperatorTable implements SqlOperatorTable {
    private final SqlOperatorTable delegate;

    PgOperatorTable(SqlOperatorTable delegate) {
        this.delegate = delegate;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (opName.isSimple() && (syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_ID)) {
            List<SqlFunction> ours = PgOperators.lookup(opName.getSimple());
            if (!ours.isEmpty()) {
                operatorList.addAll(ours);
                return;
            }
        }
        delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> list = new ArrayList<>(PgOperators.all());
        list.addAll(delegate.getOperatorList());
        return list;
    }
}
