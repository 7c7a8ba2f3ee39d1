package io.rustydb.sql.parser.dml;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT ... RETURNING items}, {@code UPDATE ... RETURNING items} or
 * {@code DELETE ... RETURNING items}: the data-modifying statement ({@link
 * org.apache.calcite.sql.SqlInsert}, {@link org.apache.calcite.sql.SqlUpdate}, {@link SqlUpdateFrom},
 * {@link org.apache.calcite.sql.SqlDelete} or {@link SqlDeleteUsing}), which has no RETURNING of its
 * own in Calcite, and the list to compute from each modified row, written like a select list ({@code *}, {@code t.*},
 * {@code expr [AS name]}).
 */
public final class SqlReturning extends SqlCall {
    public static final SqlOperator OPERATOR = new SqlSpecialOperator("RETURNING", SqlKind.OTHER);

    private SqlNode dml;
    private SqlNodeList returningList;

    public SqlReturning(SqlParserPos pos, SqlNode dml, SqlNodeList returningList) {
        super(pos);
        this.dml = dml;
        this.returningList = returningList;
    }

    /** The INSERT, UPDATE (possibly {@link SqlUpdateFrom}) or DELETE (possibly {@link SqlDeleteUsing}). */
    public SqlNode dml() {
        return dml;
    }

    /** The RETURNING items: expressions, {@code AS} calls for aliased ones, star identifiers. */
    public SqlNodeList returningList() {
        return returningList;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(dml, returningList);
    }

    @Override
    public void setOperand(int i, SqlNode operand) {
        switch (i) {
            case 0 -> dml = operand;
            case 1 -> returningList = (SqlNodeList) operand;
            default -> throw new IllegalArgumentException("operand " + i);
        }
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        dml.unparse(writer, 0, 0);
        writer.keyword("RETURNING");
        SqlWriter.Frame frame = writer.startList("", "");
        for (SqlNode item : returningList) {
            writer.sep(",");
            item.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
