package io.rustydb.sql.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code UPDATE t [AS a] SET ... FROM from_list [WHERE cond]}: the UPDATE (Calcite's
 * {@link SqlUpdate}, whose grammar has no FROM) and the FROM clause, a table reference or a join
 * as in a SELECT (a comma list is a {@link org.apache.calcite.sql.SqlJoin} of type COMMA). The
 * target row is updated once for each row of the join of the target with {@code from} that
 * satisfies the WHERE condition.
 */
public final class SqlUpdateFrom extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("UPDATE FROM", SqlKind.OTHER);

    private final SqlUpdate update;
    private SqlNode from;

    public SqlUpdateFrom(SqlParserPos pos, SqlUpdate update, SqlNode from) {
        super(pos);
        this.update = update;
        this.from = from;
    }

    /** The UPDATE without its FROM clause: target, alias, SET list and WHERE condition. */
    public SqlUpdate update() {
        return update;
    }

    /** The FROM clause. */
    public SqlNode from() {
        return from;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(update, from);
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        if (i != 1) {
            throw new IllegalArgumentException("only the FROM clause of UPDATE ... FROM can be replaced");
        }
        from = operand;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "UPDATE", "");
        update.getTargetTable().unparse(writer, 0, 0);
        SqlIdentifier alias = update.getAlias();
        if (alias != null) {
            writer.keyword("AS");
            alias.unparse(writer, 0, 0);
        }
        SqlWriter.Frame setFrame = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "SET", "");
        for (int i = 0; i < update.getTargetColumnList().size(); i++) {
            writer.sep(",");
            update.getTargetColumnList().get(i).unparse(writer, 0, 0);
            writer.keyword("=");
            update.getSourceExpressionList().get(i).unparse(writer, 0, 0);
        }
        writer.endList(setFrame);
        writer.sep("FROM");
        SqlWriter.Frame fromFrame = writer.startList(SqlWriter.FrameTypeEnum.FROM_LIST);
        from.unparse(writer, 0, 0);
        writer.endList(fromFrame);
        if (update.getCondition() != null) {
            writer.sep("WHERE");
            update.getCondition().unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
