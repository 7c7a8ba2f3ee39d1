package io.rustydb.sql.parser.dml;

import java.util.ArrayList;
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
 * A query with a locking clause, {@code query FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE |
 * FOR KEY SHARE [OF table, ...] [NOWAIT | SKIP LOCKED]}, where {@code query} may end with ORDER BY,
 * LIMIT and OFFSET. Only a whole statement (or what EXPLAIN explains) can have one, and only one.
 */
public final class SqlSelectForUpdate extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("FOR UPDATE", SqlKind.OTHER);

    /** How strongly the returned rows are locked, weakest last. */
    public enum LockStrength {
        UPDATE("FOR UPDATE"),
        NO_KEY_UPDATE("FOR NO KEY UPDATE"),
        SHARE("FOR SHARE"),
        KEY_SHARE("FOR KEY SHARE");

        private final String sql;

        LockStrength(String sql) {
            this.sql = sql;
        }

        /** The clause as written, e.g. {@code FOR NO KEY UPDATE}. */
        public String sql() {
            return sql;
        }
    }

    /** What to do about a row another transaction has locked. */
    public enum WaitPolicy {
        /** Wait for the other transaction (the default). */
        WAIT,
        /** Fail at once with 55P03. */
        NOWAIT,
        /** Leave the row out of the result. */
        SKIP_LOCKED
    }

    private SqlNode query;
    private final LockStrength strength;
    private final List<SqlIdentifier> tables;
    private final WaitPolicy waitPolicy;

    public SqlSelectForUpdate(SqlParserPos pos, SqlNode query, LockStrength strength, List<SqlIdentifier> tables,
            WaitPolicy waitPolicy) {
        super(pos);
        this.query = query;
        this.strength = strength;
        this.tables = List.copyOf(tables);
        this.waitPolicy = waitPolicy;
    }

    /** The query whose rows are locked: a SqlSelect, or a SqlOrderBy for ORDER BY/LIMIT/OFFSET. */
    public SqlNode query() {
        return query;
    }

    public LockStrength strength() {
        return strength;
    }

    /** The tables (or aliases) named after OF; empty means every table in the FROM clause. */
    public List<SqlIdentifier> tables() {
        return tables;
    }

    public WaitPolicy waitPolicy() {
        return waitPolicy;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(query);
        operands.addAll(tables);
        return operands;
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        if (i != 0) {
            throw new IllegalArgumentException("only the query of a locking SELECT can be replaced");
        }
        query = operand;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        query.unparse(writer, 0, 0);
        writer.keyword(strength.sql());
        if (!tables.isEmpty()) {
            writer.keyword("OF");
            SqlWriter.Frame frame = writer.startList("", "");
            for (SqlIdentifier table : tables) {
                writer.sep(",");
                table.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        switch (waitPolicy) {
            case NOWAIT -> writer.keyword("NOWAIT");
            case SKIP_LOCKED -> writer.keyword("SKIP LOCKED");
            default -> {
            }
        }
    }
}
