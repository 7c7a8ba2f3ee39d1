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

/** A table-level {@code [CONSTRAINT name] PRIMARY KEY (a, b)} or {@code UNIQUE (a, b)}. */
public final class SqlTableConstraint extends SqlCall {
    /** What the constraint enforces. */
    public enum Type {
        PRIMARY_KEY(new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY)),
        UNIQUE(new SqlSpecialOperator("UNIQUE", SqlKind.UNIQUE));

        private final SqlOperator operator;

        Type(SqlOperator operator) {
            this.operator = operator;
        }
    }

    private final SqlIdentifier name;
    private final Type type;
    private final SqlNodeList columns;

    public SqlTableConstraint(SqlParserPos pos, SqlIdentifier name, Type type, SqlNodeList columns) {
        super(pos);
        this.name = name;
        this.type = type;
        this.columns = columns;
    }

    /** The constraint name, or {@code null} if none was given. */
    public SqlIdentifier name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public SqlNodeList columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(c -> ((SqlIdentifier) c).getSimple()).toList();
    }

    @Override
    public SqlOperator getOperator() {
        return type.operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (name != null) {
            writer.keyword("CONSTRAINT");
            name.unparse(writer, 0, 0);
        }
        writer.keyword(type.operator.getName());
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
