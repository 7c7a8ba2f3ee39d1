package io.rustydb.sql.parser.ddl;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.RustyDbParserUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table
 * [USING btree | hash] (column [ASC | DESC] [NULLS FIRST | LAST], ...)}. Index keys are plain
 * columns: expressions are refused while parsing, as are access methods other than btree and hash.
 */
public final class SqlCreateIndex extends SqlCreate {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);
    public static final String BTREE = "btree";
    public static final String HASH = "hash";

    private final boolean unique;
    private final boolean concurrently;
    private final SqlIdentifier name;
    private final SqlIdentifier table;
    private final String method;
    private final List<IndexColumn> columns;

    public SqlCreateIndex(SqlParserPos pos, boolean unique, boolean concurrently, boolean ifNotExists,
            SqlIdentifier name, SqlIdentifier table, String method, List<IndexColumn> columns) {
        super(OPERATOR, pos, false, ifNotExists);
        this.unique = unique;
        this.concurrently = concurrently;
        this.name = name;
        this.table = table;
        this.method = method;
        this.columns = List.copyOf(columns);
    }

    /** The access method named after USING: btree or hash; {@code null} means btree. */
    public static String method(SqlIdentifier method) {
        if (method == null) {
            return BTREE;
        }
        String name = method.getSimple().toLowerCase(Locale.ROOT);
        return switch (name) {
            case BTREE, HASH -> name;
            case "gist", "gin", "spgist", "brin" -> throw RustyDbParserUtil.notSupported(method.getParserPosition(),
                    "index access method \"" + name + "\"");
            default -> throw RustyDbParserUtil.error(method.getParserPosition(), new RustyDbException(
                    ErrorCode.UNDEFINED_OBJECT, "access method \"" + method.getSimple() + "\" does not exist"));
        };
    }

    /** An index key; only a plain column name is accepted. {@code nullsFirst} null means the default. */
    public static IndexColumn column(SqlNode key, boolean descending, Boolean nullsFirst) {
        if (!(key instanceof SqlIdentifier id) || !id.isSimple()) {
            throw RustyDbParserUtil.featureNotSupported(key.getParserPosition(), "index expressions are not supported");
        }
        return new IndexColumn(id, descending, nullsFirst == null ? descending : nullsFirst);
    }

    public boolean unique() {
        return unique;
    }

    /** Whether CONCURRENTLY was given: build without blocking writes. */
    public boolean concurrently() {
        return concurrently;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    /** The index name, or {@code null} when PostgreSQL would choose one (table_col_idx). */
    public SqlIdentifier name() {
        return name;
    }

    /** The indexed table, possibly schema-qualified. */
    public SqlIdentifier table() {
        return table;
    }

    /** {@link #BTREE} or {@link #HASH}. */
    public String method() {
        return method;
    }

    public List<IndexColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::name).toList();
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        operands.add(table);
        columns.forEach(c -> operands.add(c.column()));
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
        if (concurrently) {
            writer.keyword("CONCURRENTLY");
        }
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        if (name != null) {
            name.unparse(writer, 0, 0);
        }
        writer.keyword("ON");
        table.unparse(writer, 0, 0);
        if (!method.equals(BTREE)) {
            writer.keyword("USING");
            writer.keyword(method.toUpperCase(Locale.ROOT));
        }
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (IndexColumn column : columns) {
            writer.sep(",");
            column.column().unparse(writer, 0, 0);
            if (column.descending()) {
                writer.keyword("DESC");
            }
            if (column.nullsFirst() != column.descending()) {
                writer.keyword(column.nullsFirst() ? "NULLS FIRST" : "NULLS LAST");
            }
        }
        writer.endList(frame);
    }
}
