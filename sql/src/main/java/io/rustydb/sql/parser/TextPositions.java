package io.rustydb.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Converts the parser's line/column positions to offsets in the text, counting lines as JavaCC does. */
final class TextPositions {
    private TextPositions() {
    }

    /**
     * The 0-based char index of 1-based {@code line}/{@code column} in {@code text}; a line break
     * is {@code \n}, {@code \r\n} or a lone {@code \r}, and a tab counts as one column.
     */
    static int index(String text, int line, int column) {
        int currentLine = 1;
        int i = 0;
        while (currentLine < line && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                currentLine++;
            }
        }
        return Math.min(i + Math.max(column, 1) - 1, text.length());
    }

    static int start(String text, SqlParserPos pos) {
        return index(text, pos.getLineNum(), pos.getColumnNum());
    }

    /** The index just after the last character {@code pos} covers. */
    static int end(String text, SqlParserPos pos) {
        return Math.min(index(text, pos.getEndLineNum(), pos.getEndColumnNum()) + 1, text.length());
    }

    /** PostgreSQL's 1-based position (in characters, not UTF-16 units) of char index {@code index}. */
    static int position(String text, int index) {
        return text.codePointCount(0, Math.min(index, text.length())) + 1;
    }
}
