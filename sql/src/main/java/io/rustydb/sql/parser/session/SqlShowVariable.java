package io.rustydb.sql.parser.session;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SHOW name} or {@code SHOW ALL}. {@code SHOW TIME ZONE} asks for {@code timezone} and
 * {@code SHOW TRANSACTION ISOLATION LEVEL} for {@code transaction_isolation}.
 */
public final class SqlShowVariable extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW", SqlKind.OTHER);

    private final String name;

    /** {@code name} is lower case, or {@code null} for SHOW ALL. */
    public SqlShowVariable(SqlParserPos pos, String name) {
        super(pos);
        this.name = name;
    }

    /** The parameter name, lower case, or {@code null} for SHOW ALL. */
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
        writer.keyword("SHOW");
        if (name == null) {
            writer.keyword("ALL");
        } else {
            writer.identifier(name, false);
        }
    }
}
