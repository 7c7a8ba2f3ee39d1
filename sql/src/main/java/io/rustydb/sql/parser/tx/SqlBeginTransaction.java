package io.rustydb.sql.parser.tx;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code BEGIN [WORK | TRANSACTION] [modes]} or {@code START TRANSACTION [modes]}. */
public final class SqlBeginTransaction extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);

    private final boolean startTransaction;
    private final TransactionModes modes;

    public SqlBeginTransaction(SqlParserPos pos, boolean startTransaction, TransactionModes modes) {
        super(pos);
        this.startTransaction = startTransaction;
        this.modes = modes;
    }

    /** Whether it was written {@code START TRANSACTION} rather than {@code BEGIN}. */
    public boolean startTransaction() {
        return startTransaction;
    }

    public TransactionModes modes() {
        return modes;
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
        writer.keyword(startTransaction ? "START TRANSACTION" : "BEGIN");
        modes.unparse(writer);
    }
}
