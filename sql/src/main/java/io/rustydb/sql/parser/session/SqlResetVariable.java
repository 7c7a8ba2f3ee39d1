package io.rustydb.sql.parser.session;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code RESET name} or {@code RESET ALL}: back to the value the session started with. */
public final class SqlResetVariable extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.SET_OPTION);

    private final String name;

    /** {@code name} is lower case, or {@code null} for RESET ALL. */
    public SqlResetVariable(SqlParserPos pos, String name) {
        super(pos);
        this.name = name;
    }

    /** The parameter name, lower case, or {@code null} for RESET ALL. */
    public String name() {
        return name;
    }

    public boolean all() {
        return name == null;
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
        writer.keyword("RESET");
        if (name == null) {
            writer.keyword("ALL");
        } else {
            writer.identifier(name, false);
        }
    }
}
