package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP TABLE [IF EXISTS] name, ... [CASCADE | RESTRICT]}. */
public final class SqlDropTable extends SqlDropObjects {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

    public SqlDropTable(SqlParserPos pos, boolean ifExists, List<SqlIdentifier> names, boolean cascade) {
        super(OPERATOR, pos, ifExists, names, cascade);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }
}
