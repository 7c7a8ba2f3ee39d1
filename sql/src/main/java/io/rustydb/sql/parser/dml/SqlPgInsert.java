package io.rustydb.sql.parser.dml;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Calcite's INSERT plus PostgreSQL's {@code OVERRIDING SYSTEM VALUE} (explicit values may fill
 * GENERATED ALWAYS identity columns) and {@code OVERRIDING USER VALUE} (explicit values for
 * identity columns are ignored in favour of the sequence).
 */
public final class SqlPgInsert extends SqlInsert {
    /** What an OVERRIDING clause asked for. */
    public enum Overriding { NONE, SYSTEM_VALUE, USER_VALUE }

    private final Overriding overriding;

    public SqlPgInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable, SqlNode source,
            SqlNodeList columnList, Overriding overriding) {
        super(pos, keywords, targetTable, source, columnList);
        this.overriding = overriding;
    }

    public Overriding overriding() {
        return overriding;
    }

    /** The OVERRIDING clause of {@code insert}, NONE for a plain Calcite INSERT. */
    public static Overriding of(SqlInsert insert) {
        return insert instanceof SqlPgInsert pg ? pg.overriding : Overriding.NONE;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (overriding == Overriding.NONE) {
            super.unparse(writer, leftPrec, rightPrec);
            return;
        }
        writer.startList(SqlWriter.FrameTypeEnum.SELECT);
        writer.sep("INSERT INTO");
        getTargetTable().unparse(writer, 0, 0);
        if (getTargetColumnList() != null) {
            getTargetColumnList().unparse(writer, leftPrec, rightPrec);
        }
        writer.keyword(overriding == Overriding.SYSTEM_VALUE ? "OVERRIDING SYSTEM VALUE" : "OVERRIDING USER VALUE");
        writer.newlineAndIndent();
        getSource().unparse(writer, 0, 0);
    }
}
