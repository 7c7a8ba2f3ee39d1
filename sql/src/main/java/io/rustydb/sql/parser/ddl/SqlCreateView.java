package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [OR REPLACE] VIEW name [(col, ...)] AS query}. Besides the parsed query it keeps
 * the query's text exactly as the client wrote it, for the catalog to store.
 */
public final class SqlCreateView extends SqlCreate {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

    private final SqlIdentifier name;
    private final SqlNodeList columnList;
    private final SqlNode query;
    private final SqlParserPos queryTextPos;
    private final String queryText;

    public SqlCreateView(SqlParserPos pos, boolean replace, SqlIdentifier name, SqlNodeList columnList,
            SqlNode query, SqlParserPos queryTextPos, String queryText) {
        super(OPERATOR, pos, replace, false);
        this.name = name;
        this.columnList = columnList == null ? SqlNodeList.EMPTY : columnList;
        this.query = query;
        this.queryTextPos = queryTextPos;
        this.queryText = queryText;
    }

    /** This view with the query's source text, cut by the parser from the statement at {@link #queryTextPos()}. */
    public SqlCreateView withQueryText(String text) {
        return new SqlCreateView(getParserPosition(), getReplace(), name, columnList, query, queryTextPos, text);
    }

    /** Whether OR REPLACE was given. */
    public boolean orReplace() {
        return getReplace();
    }

    /** The view name, possibly schema-qualified. */
    public SqlIdentifier name() {
        return name;
    }

    /** The column names given after the view name; empty means the query's own column names. */
    public List<String> columnNames() {
        return columnList.stream().map(c -> ((SqlIdentifier) c).getSimple()).toList();
    }

    public SqlNode query() {
        return query;
    }

    /** Where the query's text is in the statement, from its first token to its last. */
    public SqlParserPos queryTextPos() {
        return queryTextPos;
    }

    /**
     * The query as written, e.g. {@code SELECT a, b FROM t WHERE a > 1}. Set by
     * {@link io.rustydb.sql.parser.RustyDbParser}; {@code null} when the node comes straight from
     * the generated parser.
     */
    public String queryText() {
        return queryText;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columnList, query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
        name.unparse(writer, 0, 0);
        if (columnList.size() > 0) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode column : columnList) {
                writer.sep(",");
                column.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        writer.keyword("AS");
        query.unparse(writer, 0, 0);
    }
}
