package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What {@code DROP TABLE | INDEX | VIEW | SEQUENCE [IF EXISTS] name, ... [CASCADE | RESTRICT]}
 * have in common; the operator's name is the statement's keywords.
 */
public abstract class SqlDropObjects extends SqlDrop {
    private final List<SqlIdentifier> names;
    private final boolean cascade;

    protected SqlDropObjects(SqlOperator operator, SqlParserPos pos, boolean ifExists, List<SqlIdentifier> names,
            boolean cascade) {
        super(operator, pos, ifExists);
        this.names = List.copyOf(names);
        this.cascade = cascade;
    }

    /** The objects to drop, each possibly schema-qualified. */
    public List<SqlIdentifier> names() {
        return names;
    }

    public boolean ifExists() {
        return ifExists;
    }

    /** Whether CASCADE was given (RESTRICT is the default). */
    public boolean cascade() {
        return cascade;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.copyOf(names);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getOperator().getName());
        unparseModifiers(writer);
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlIdentifier name : names) {
            writer.sep(",");
            name.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }

    /** Keywords between the object type and IF EXISTS, e.g. CONCURRENTLY. */
    protected void unparseModifiers(SqlWriter writer) {
    }
}
