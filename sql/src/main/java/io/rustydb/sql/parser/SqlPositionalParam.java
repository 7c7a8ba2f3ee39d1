package io.rustydb.sql.parser;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A PostgreSQL positional parameter {@code $n}. Its Calcite index is {@code n - 1}, so every
 * occurrence of the same {@code $n} becomes the same {@code RexDynamicParam} and binds one value.
 */
public final class SqlPositionalParam extends SqlDynamicParam {

    /** {@code number} is the 1-based number written after the {@code $}. */
    public SqlPositionalParam(int number, SqlParserPos pos) {
        super(number - 1, pos);
    }

    /** The 1-based parameter number. */
    public int number() {
        return getIndex() + 1;
    }

    @Override
    public SqlNode clone(SqlParserPos pos) {
        return new SqlPositionalParam(number(), pos);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.literal("$" + number());
    }

    /**
     * The highest {@code $n} in {@code node}, i.e. the number of parameters a client must bind;
     * 0 if there is none.
     */
    public static int maxNumber(SqlNode node) {
        int[] max = {0};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                if (param instanceof SqlPositionalParam positional) {
                    max[0] = Math.max(max[0], positional.number());
                }
                return null;
            }
        });
        return max[0];
    }
}
