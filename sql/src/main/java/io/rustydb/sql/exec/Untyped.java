package io.rustydb.sql.exec;

import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.calcite.TypeMapping;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's 'unknown' type: a string literal, NULL or untyped parameter stored into a column
 * takes the column's type (so {@code '2024-01-01'} becomes a date and {@code 'abc'} into an
 * integer fails with 22P02), rather than being text that the column would refuse with 42804.
 */
final class Untyped {
    private Untyped() {
    }

    /** {@code expression}, cast to the column's type if it is untyped. */
    static SqlNode asColumn(SqlNode expression, ColumnType column) {
        boolean untyped = expression instanceof SqlCharStringLiteral || expression instanceof SqlDynamicParam
                || (expression instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL);
        return untyped
                ? SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, expression, TypeMapping.typeSpec(column))
                : expression;
    }

    /** Casts every untyped cell of a VALUES list to its target column's type, in place. */
    static SqlNode valuesAsColumns(SqlNode source, ColumnType[] targets) {
        if (source.getKind() != SqlKind.VALUES) {
            return source;
        }
        for (SqlNode row : ((SqlBasicCall) source).getOperandList()) {
            SqlBasicCall cells = (SqlBasicCall) row;
            for (int i = 0; i < cells.operandCount() && i < targets.length; i++) {
                cells.setOperand(i, asColumn(cells.operand(i), targets[i]));
            }
        }
        return source;
    }
}
