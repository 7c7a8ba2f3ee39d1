package io.rustydb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
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
 * {@code [CONSTRAINT name] FOREIGN KEY (a, ...) REFERENCES table [(b, ...)] [ON DELETE action]
 * [ON UPDATE action]}, as written in {@code ALTER TABLE ... ADD}. It is parsed so that executing
 * it can fail with a clear "not supported" (pgbench -I f adds such constraints).
 */
public final class SqlForeignKeyConstraint extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("FOREIGN KEY", SqlKind.FOREIGN_KEY);

    /** What happens to referencing rows when the referenced row is deleted or its key updated. */
    public enum Action {
        NO_ACTION("NO ACTION"),
        RESTRICT("RESTRICT"),
        CASCADE("CASCADE"),
        SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final SqlIdentifier referencedTable;
    private final SqlNodeList referencedColumns;
    private final Action onDelete;
    private final Action onUpdate;

    public SqlForeignKeyConstraint(SqlParserPos pos, SqlIdentifier name, SqlNodeList columns,
            SqlIdentifier referencedTable, SqlNodeList referencedColumns, Action onDelete, Action onUpdate) {
        super(pos);
        this.name = name;
        this.columns = columns;
        this.referencedTable = referencedTable;
        this.referencedColumns = referencedColumns == null ? SqlNodeList.EMPTY : referencedColumns;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    /** The constraint name, or {@code null} if none was given. */
    public SqlIdentifier name() {
        return name;
    }

    public List<String> columnNames() {
        return names(columns);
    }

    public SqlIdentifier referencedTable() {
        return referencedTable;
    }

    /** The referenced columns; empty means the referenced table's primary key. */
    public List<String> referencedColumnNames() {
        return names(referencedColumns);
    }

    public Action onDelete() {
        return onDelete;
    }

    public Action onUpdate() {
        return onUpdate;
    }

    private static List<String> names(SqlNodeList list) {
        return list.stream().map(c -> ((SqlIdentifier) c).getSimple()).toList();
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columns, referencedTable, referencedColumns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (name != null) {
            writer.keyword("CONSTRAINT");
            name.unparse(writer, 0, 0);
        }
        writer.keyword("FOREIGN KEY");
        list(writer, columns);
        writer.keyword("REFERENCES");
        referencedTable.unparse(writer, 0, 0);
        if (referencedColumns.size() > 0) {
            list(writer, referencedColumns);
        }
        if (onDelete != Action.NO_ACTION) {
            writer.keyword("ON DELETE " + onDelete.sql());
        }
        if (onUpdate != Action.NO_ACTION) {
            writer.keyword("ON UPDATE " + onUpdate.sql());
        }
    }

    private static void list(SqlWriter writer, SqlNodeList list) {
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : list) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
