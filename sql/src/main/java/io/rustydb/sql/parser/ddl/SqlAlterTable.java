package io.rustydb.sql.parser.ddl;

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
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action}, with exactly one {@link AlterTableAction}:
 * add or drop a column, rename the table or a column, add a primary key, unique or foreign key
 * constraint. (ONLY concerns inheritance and is not kept.)
 */
public final class SqlAlterTable extends SqlDdl {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    private final boolean ifExists;
    private final SqlIdentifier name;
    private final AlterTableAction action;

    public SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, AlterTableAction action) {
        super(OPERATOR, pos);
        this.ifExists = ifExists;
        this.name = name;
        this.action = action;
    }

    /** Whether IF EXISTS was given: a missing table is a notice, not an error. */
    public boolean ifExists() {
        return ifExists;
    }

    /** The table, possibly schema-qualified. */
    public SqlIdentifier name() {
        return name;
    }

    public AlterTableAction action() {
        return action;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        action.unparse(writer);
    }
}
