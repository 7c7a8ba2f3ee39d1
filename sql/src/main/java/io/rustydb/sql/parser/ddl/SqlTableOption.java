package io.rustydb.sql.parser.ddl;

import io.rustydb.sql.parser.RustyDbParserUtil;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A storage parameter in {@code CREATE TABLE ... WITH (name = value, ...)}, e.g.
 * {@code fillfactor = 70}. A parameter written without a value means {@code true}.
 */
public final class SqlTableOption extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("TABLE_OPTION", SqlKind.OTHER);

    private final SqlIdentifier name;
    private final SqlNode value;

    public SqlTableOption(SqlParserPos pos, SqlIdentifier name, SqlNode value) {
        super(pos);
        this.name = name;
        this.value = value;
    }

    /** The parameter name, lower case, e.g. {@code fillfactor}. */
    public String name() {
        return RustyDbParserUtil.variableName(name);
    }

    /** The value as written (literal or identifier), or {@code null} if only the name was given. */
    public SqlNode value() {
        return value;
    }

    /** The value as text ({@code "70"}, {@code "on"}); {@code "true"} when no value was given. */
    public String valueText() {
        return value == null ? "true" : RustyDbParserUtil.valueText(value);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        if (value != null) {
            writer.keyword("=");
            value.unparse(writer, 0, 0);
        }
    }
}
