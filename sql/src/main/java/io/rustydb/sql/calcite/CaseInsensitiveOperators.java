package io.rustydb.sql.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Function names are case-insensitive in PostgreSQL ({@code length}, {@code LENGTH}), while
 * table and column names follow the identifier rules; Calcite would match function names with
 * the catalog's case-sensitive matcher, so unquoted (lower-cased) calls like {@code left(s, 2)}
 * would find nothing.
 */
final class CaseInsensitiveOperators implements SqlOperatorTable {
    private final SqlOperatorTable delegate;

    CaseInsensitiveOperators(SqlOperatorTable delegate) {
        this.delegate = delegate;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, SqlNameMatchers.withCaseSensitive(false));
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return delegate.getOperatorList();
    }
}
