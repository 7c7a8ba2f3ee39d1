package io.rustydb.sql.parser.session;

import io.rustydb.sql.parser.RustyDbParserUtil;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SET [SESSION | LOCAL] name {= | TO} {value [, ...] | DEFAULT}}. The PostgreSQL special
 * forms are normalized to a plain variable: {@code SET TIME ZONE x} sets {@code timezone},
 * {@code SET NAMES x} sets {@code client_encoding}, {@code SET SCHEMA x} sets
 * {@code search_path}. An empty value list means DEFAULT.
 */
public final class SqlSetVariable extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.SET_OPTION);

    private final boolean local;
    private final String name;
    private final List<SqlNode> values;

    public SqlSetVariable(SqlParserPos pos, boolean local, String name, List<SqlNode> values) {
        super(pos);
        this.local = local;
        this.name = name;
        this.values = List.copyOf(values);
    }

    /** Whether {@code SET LOCAL} was used (the setting ends with the current transaction). */
    public boolean local() {
        return local;
    }

    /** The parameter name, lower case, e.g. {@code datestyle} or {@code myapp.setting}. */
    public String name() {
        return name;
    }

    /** Whether the parameter is reset to its default ({@code = DEFAULT}, {@code TIME ZONE LOCAL}). */
    public boolean isDefault() {
        return values.isEmpty();
    }

    /**
     * The values as written: string and numeric literals, and identifiers for bare words
     * ({@code ISO}, {@code on}, {@code "$user"}); use {@link org.apache.calcite.sql.SqlIdentifier#isComponentQuoted}
     * to tell quoted identifiers apart.
     */
    public List<SqlNode> valueNodes() {
        return values;
    }

    /** Each value as text: {@code 'x'} gives {@code x}, {@code ISO} gives {@code iso}, {@code -1} gives {@code -1}. */
    public List<String> values() {
        return values.stream().map(RustyDbParserUtil::valueText).toList();
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return values;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(local ? "SET LOCAL" : "SET");
        writer.identifier(name, false);
        writer.keyword("=");
        if (values.isEmpty()) {
            writer.keyword("DEFAULT");
            return;
        }
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlNode value : values) {
            writer.sep(",");
            value.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
