package io.rustydb.sql.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One statement of a query string: its parse tree and its own text. Positions inside
 * {@code node} are relative to {@code text}; {@link #positionOf} turns one into the position a
 * client expects, relative to the whole query string.
 *
 * @param node the parsed statement
 * @param text the statement as the client wrote it, without the {@code ;} and surrounding blanks
 * @param offset the 0-based char index of {@code text} in the query string
 * @param position the 1-based character position of {@code text} in the query string
 */
public record ParsedSql(SqlNode node, String text, int offset, int position) {

    /** The 1-based character position in the whole query string of {@code pos} in this statement. */
    public int positionOf(SqlParserPos pos) {
        return position + TextPositions.position(text, TextPositions.start(text, pos)) - 1;
    }
}
