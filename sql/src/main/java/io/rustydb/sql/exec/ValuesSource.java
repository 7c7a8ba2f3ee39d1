package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of an INSERT's VALUES list when every cell is a constant, a parameter or DEFAULT:
 * the common case, evaluated without compiling a query. Typed constants are checked against the
 * target columns at plan time, as PostgreSQL does.
 */
final class ValuesSource {
    private static final Object DEFAULT = new Object();

    /** A cell: a constant value, {@link #DEFAULT}, or a client parameter index. */
    private record Cell(Object constant, int parameter) {
    }

    private final List<Cell[]> rows;
    private final List<DataType> parameterTypes;

    private ValuesSource(List<Cell[]> rows, List<DataType> parameterTypes) {
        this.rows = rows;
        this.parameterTypes = parameterTypes;
    }

    /** The analyzed VALUES list, or null if {@code source} is anything else. */
    static ValuesSource of(SqlNode source, TableDef table, int[] targets, List<DataType> declared) {
        if (source.getKind() != SqlKind.VALUES) {
            return null;
        }
        List<DataType> paramTypes = new ArrayList<>(declared);
        List<Cell[]> rows = new ArrayList<>();
        for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
            List<SqlNode> cells = ((SqlCall) rowNode).getOperandList();
            if (cells.size() != targets.length) {
                throw new PositionedException(new RustyDbException(ErrorCode.SYNTAX_ERROR, cells.size() > targets.length
                        ? "INSERT has more expressions than target columns"
                        : "INSERT has more target columns than expressions"), rowNode);
            }
            Cell[] row = new Cell[cells.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(cells.get(i), table, targets[i], paramTypes);
                if (row[i] == null) {
                    return null;
                }
            }
            rows.add(row);
        }
        for (int i = 0; i < paramTypes.size(); i++) {
            if (paramTypes.get(i) == null) {
                paramTypes.set(i, DataType.TEXT);
            }
        }
        return new ValuesSource(rows, paramTypes);
    }

    private static Cell cell(SqlNode node, TableDef table, int column, List<DataType> paramTypes) {
        if (node.getKind() == SqlKind.DEFAULT) {
            return new Cell(DEFAULT, -1);
        }
        if (node instanceof SqlDynamicParam param) {
            int index = ParameterNodes.clientIndex(param);
            while (paramTypes.size() <= index) {
                paramTypes.add(null);
            }
            DataType declared = paramTypes.get(index);
            if (declared == null) {
                paramTypes.set(index, table.columns().get(column).type().type());
            } else {
                check(declared, table, column, node);
            }
            return new Cell(null, index);
        }
        boolean negate = false;
        if (node.getKind() == SqlKind.MINUS_PREFIX && ((SqlCall) node).operand(0) instanceof SqlNumericLiteral) {
            negate = true;
            node = ((SqlCall) node).operand(0);
        }
        if (node instanceof SqlNumericLiteral n) {
            BigDecimal value = n.getValueAs(BigDecimal.class);
            check(n.isExact() && value.scale() <= 0 ? DataType.INTEGER : DataType.NUMERIC, table, column, node);
            return new Cell(negate ? value.negate() : value, -1);
        }
        if (node instanceof SqlCharStringLiteral s) {
            return new Cell(s.getValueAs(String.class), -1);
        }
        if (node instanceof SqlLiteral literal) {
            if (literal.getTypeName() == SqlTypeName.NULL) {
                return new Cell(null, -1);
            }
            if (literal.getTypeName() == SqlTypeName.BOOLEAN) {
                check(DataType.BOOLEAN, table, column, node);
                return new Cell(literal.booleanValue(), -1);
            }
        }
        return null;
    }

    private static void check(DataType source, TableDef table, int column, SqlNode node) {
        try {
            Assignment.check(source, table.columns().get(column));
        } catch (RustyDbException e) {
            throw new PositionedException(e, node);
        }
    }

    List<DataType> parameterTypes() {
        return parameterTypes;
    }

    int rowCount() {
        return rows.size();
    }

    /** Row {@code r}'s values for the target columns (defaults where DEFAULT was written). */
    Object[] row(int r, List<Object> parameters, Object[] defaults, int[] targets) {
        Cell[] cells = rows.get(r);
        Object[] values = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Cell c = cells[i];
            values[i] = c.parameter() >= 0 ? parameters.get(c.parameter())
                    : c.constant() == DEFAULT ? defaults[targets[i]] : c.constant();
        }
        return values;
    }
}
