package io.rustydb.sql.parser.tx;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SET TRANSACTION modes} (the current transaction) or
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION modes} (the session defaults).
 */
public final class SqlSetTransaction extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("SET TRANSACTION", SqlKind.SET_OPTION);

    private final boolean sessionCharacteristics;
    private final TransactionModes modes;

    public SqlSetTransaction(SqlParserPos pos, boolean sessionCharacteristics, TransactionModes modes) {
        super(pos);
        this.sessionCharacteristics = sessionCharacteristics;
        this.modes = modes;
    }

    /** Whether this sets the session defaults rather than the current transaction. */
    public boolean sessionCharacteristics() {
        return sessionCharacteristics;
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
        writer.keyword(sessionCharacteristics ? "SET SESSION CHARACTERISTICS AS TRANSACTION" : "SET TRANSACTION");
        modes.unparse(writer);
    }
}
