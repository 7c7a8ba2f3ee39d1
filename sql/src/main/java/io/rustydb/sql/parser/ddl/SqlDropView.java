package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP VIEW [IF EXISTS] name, ... [CASCADE | RESTRICT]}. */
public final class SqlDropView extends SqlDropObjects {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

    public SqlDropView(SqlParserPos pos, boolean ifExists, List<SqlIdentifier> names, boolean cascade) {
        super(OPERATOR, pos, ifExists, names, cascade);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
