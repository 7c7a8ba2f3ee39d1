package io.rustydb.sql.parser.tx;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ROLLBACK [WORK | TRANSACTION]} or its PostgreSQL synonym {@code ABORT}. */
public final class SqlRollbackTransaction extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);

    public SqlRollbackTransaction(SqlParserPos pos) {
        super(pos);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ROLLBACK");
    }
}
