package io.rustydb.sql.parser.ddl;

import io.rustydb.sql.parser.GenericOption;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name RESTART [[WITH] n]}, plus any other sequence options
 * written (kept so the command can refuse them precisely).
 */
public final class SqlAlterSequence extends SqlDdl {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

    private final boolean ifExists;
    private final SqlIdentifier name;
    private final boolean restart;
    private final Long restartWith;
    private final List<GenericOption> otherOptions;

    public SqlAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean restart,
            Long restartWith, List<GenericOption> otherOptions) {
        super(OPERATOR, pos);
        this.ifExists = ifExists;
        this.name = name;
        this.restart = restart;
        this.restartWith = restartWith;
        this.otherOptions = List.copyOf(otherOptions);
    }

    public boolean ifExists() {
        return ifExists;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** Whether RESTART was given. */
    public boolean restart() {
        return restart;
    }

    /** RESTART WITH's value, or null for the sequence's START value. */
    public Long restartWith() {
        return restartWith;
    }

    /** Options other than RESTART (INCREMENT, MINVALUE, ...). */
    public List<GenericOption> otherOptions() {
        return otherOptions;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER SEQUENCE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (restart) {
            writer.keyword("RESTART");
            if (restartWith != null) {
                writer.keyword("WITH");
                writer.literal(Long.toString(restartWith));
            }
        }
    }
}
