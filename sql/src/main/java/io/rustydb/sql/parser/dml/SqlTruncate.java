package io.rustydb.sql.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [*], ... [RESTART IDENTITY | CONTINUE IDENTITY]
 * [CASCADE | RESTRICT]}. ONLY and {@code *} concern table inheritance, which RustyDB does not
 * have, and are not kept.
 */
public final class SqlTruncate extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("TRUNCATE", SqlKind.TRUNCATE_TABLE);

    private final List<SqlIdentifier> tables;
    private final boolean restartIdentity;
    private final boolean cascade;

    public SqlTruncate(SqlParserPos pos, List<SqlIdentifier> tables, boolean restartIdentity, boolean cascade) {
        super(pos);
        this.tables = List.copyOf(tables);
        this.restartIdentity = restartIdentity;
        this.cascade = cascade;
    }

    /** The tables to empty, each possibly schema-qualified. */
    public List<SqlIdentifier> tables() {
        return tables;
    }

    /** Whether RESTART IDENTITY was given: sequences owned by the tables' columns start over. */
    public boolean restartIdentity() {
        return restartIdentity;
    }

    /** Whether CASCADE was given (RESTRICT is the default). */
    public boolean cascade() {
        return cascade;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.copyOf(tables);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("TRUNCATE TABLE");
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlIdentifier table : tables) {
            writer.sep(",");
            table.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (restartIdentity) {
            writer.keyword("RESTART IDENTITY");
        }
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }
}
