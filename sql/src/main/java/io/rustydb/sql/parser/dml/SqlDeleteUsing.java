package io.rustydb.sql.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code DELETE FROM t [AS a] USING from_list [WHERE cond]}: the DELETE (Calcite's
 * {@link SqlDelete}, whose grammar has no USING) and the USING clause, a table reference or a join
 * as in a SELECT's FROM. A target row is deleted, once, if it joins with at least one row of
 * {@code using} that satisfies the WHERE condition.
 */
public final class SqlDeleteUsing extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("DELETE USING", SqlKind.OTHER);

    private final SqlDelete delete;
    private SqlNode using;

    public SqlDeleteUsing(SqlParserPos pos, SqlDelete delete, SqlNode using) {
        super(pos);
        this.delete = delete;
        this.using = using;
    }

    /** The DELETE without its USING clause: target, alias and WHERE condition. */
    public SqlDelete delete() {
        return delete;
    }

    /** The USING clause. */
    public SqlNode using() {
        return using;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(delete, using);
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        if (i != 1) {
            throw new IllegalArgumentException("only the USING clause of DELETE ... USING can be replaced");
        }
        using = operand;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "DELETE FROM", "");
        delete.getTargetTable().unparse(writer, 0, 0);
        SqlIdentifier alias = delete.getAlias();
        if (alias != null) {
            writer.keyword("AS");
            alias.unparse(writer, 0, 0);
        }
        writer.sep("USING");
        SqlWriter.Frame usingFrame = writer.startList(SqlWriter.FrameTypeEnum.FROM_LIST);
        using.unparse(writer, 0, 0);
        writer.endList(usingFrame);
        if (delete.getCondition() != null) {
            writer.sep("WHERE");
            delete.getCondition().unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
