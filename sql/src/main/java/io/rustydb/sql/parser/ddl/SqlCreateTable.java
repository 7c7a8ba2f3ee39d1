package io.rustydb.sql.parser.ddl;

import java.util.ArrayList;
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
 * {@code CREATE TABLE [IF NOT EXISTS] name (column, ..., [table constraint, ...])
 * [WITH (option = value, ...)] [TABLESPACE name]}. The parser has already checked that there is
 * at most one primary key, that column names are distinct and that constraints name existing
 * columns.
 */
public final class SqlCreateTable extends SqlCreate {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final List<SqlColumnDeclaration> columns;
    private final List<SqlTableConstraint> constraints;
    private final List<SqlTableOption> options;
    private final SqlIdentifier tablespace;

    public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
            List<SqlColumnDeclaration> columns, List<SqlTableConstraint> constraints,
            List<SqlTableOption> options, SqlIdentifier tablespace) {
        super(OPERATOR, pos, false, ifNotExists);
        this.name = name;
        this.columns = List.copyOf(columns);
        this.constraints = List.copyOf(constraints);
        this.options = List.copyOf(options);
        this.tablespace = tablespace;
    }

    /** The table name, possibly schema-qualified. */
    public SqlIdentifier name() {
        return name;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public List<SqlColumnDeclaration> columns() {
        return columns;
    }

    public List<SqlTableConstraint> constraints() {
        return constraints;
    }

    public List<SqlTableOption> options() {
        return options;
    }

    /** The TABLESPACE name, or {@code null} if none was given. */
    public String tablespace() {
        return tablespace == null ? null : tablespace.getSimple();
    }

    /**
     * The primary-key column names, from the table constraint or the column marked PRIMARY KEY;
     * empty if the table has no primary key.
     */
    public List<String> primaryKey() {
        for (SqlTableConstraint constraint : constraints) {
            if (constraint.type() == SqlTableConstraint.Type.PRIMARY_KEY) {
                return constraint.columnNames();
            }
        }
        for (SqlColumnDeclaration column : columns) {
            if (column.primaryKey()) {
                return List.of(column.nameString());
            }
        }
        return List.of();
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.of(name, new SqlNodeList(elements(), SqlParserPos.ZERO),
                new SqlNodeList(options, SqlParserPos.ZERO), tablespace);
    }

    private List<SqlNode> elements() {
        List<SqlNode> elements = new ArrayList<>(columns);
        elements.addAll(constraints);
        return elements;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode element : elements()) {
            writer.sep(",");
            element.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (!options.isEmpty()) {
            writer.keyword("WITH");
            SqlWriter.Frame optionFrame = writer.startList("(", ")");
            for (SqlTableOption option : options) {
                writer.sep(",");
                option.unparse(writer, 0, 0);
            }
            writer.endList(optionFrame);
        }
        if (tablespace != null) {
            writer.keyword("TABLESPACE");
            tablespace.unparse(writer, 0, 0);
        }
    }
}
