package io.rustydb.sql.parser;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.impl.ParseException;
import io.rustydb.sql.parser.impl.RustyDbSqlParserImplConstants;
import io.rustydb.sql.parser.impl.TokenMgrError;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite parse failures into PostgreSQL-style errors ({@code syntax error at or near "x"},
 * {@code syntax error at end of input}, {@code unterminated quoted string at or near "'x"}),
 * positioned (1-based, in characters) in the whole query string. Calcite's own explanation, if
 * any, becomes the error's detail.
 */
final class SyntaxErrors {
    private final String sql;
    private final Segment segment;
    private final String text;

    private SyntaxErrors(String sql, Segment segment) {
        this.sql = sql;
        this.segment = segment;
        this.text = segment.text(sql);
    }

    /** A statement's place in the query string: {@code [start, end)} and the index of its {@code ;}, or -1. */
    record Segment(int start, int end, int terminator) {
        String text(String sql) {
            return sql.substring(start, end);
        }
    }

    static RustyDbException of(SqlParseException e, String sql, Segment segment) {
        return new SyntaxErrors(sql, segment).convert(e.getCause(), e.getPos());
    }

    static RustyDbException of(CalciteContextException e, String sql, Segment segment) {
        SqlParserPos pos = new SqlParserPos(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(),
                e.getEndPosColumn());
        return new SyntaxErrors(sql, segment).convert(e.getCause() == null ? e : e.getCause(), pos);
    }

    private RustyDbException convert(Throwable cause, SqlParserPos pos) {
        int index = pos == null ? text.length() : TextPositions.start(text, pos);
        if (cause instanceof RustyDbException error) {
            return pos == null ? error : error.withPosition(position(index));
        }
        SqlLexer.Token incomplete = SqlLexer.firstIncomplete(text);
        if (incomplete != null && index >= incomplete.start()) {
            return unterminated(incomplete);
        }
        if (cause instanceof ParseException parse) {
            if (index >= text.length() || isEndOfInput(parse)) {
                return endOfInput();
            }
            int end = Math.max(TextPositions.end(text, pos), index + 1);
            return atOrNear(text.substring(index, end), index);
        }
        RustyDbException error = atOrNear(index);
        if (!(cause instanceof TokenMgrError) && cause != null && cause.getMessage() != null) {
            error = error.withDetail(cause.getMessage());
        }
        return error;
    }

    private static boolean isEndOfInput(ParseException e) {
        return e.currentToken != null && e.currentToken.next != null
                && e.currentToken.next.kind == RustyDbSqlParserImplConstants.EOF;
    }

    /** The statement ended too early: at its {@code ;} if it has one, else at the end of the string. */
    private RustyDbException endOfInput() {
        if (segment.terminator() >= 0) {
            return new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \";\"")
                    .withPosition(TextPositions.position(sql, segment.terminator()));
        }
        return new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input")
                .withPosition(TextPositions.position(sql, sql.length()));
    }

    private RustyDbException unterminated(SqlLexer.Token token) {
        String image = token.text(text);
        char first = Character.toLowerCase(image.charAt(0));
        String what = switch (token.kind()) {
            case COMMENT -> "unterminated /* comment";
            case QUOTED_IDENTIFIER -> "unterminated quoted identifier";
            case BIT_STRING -> first == 'b' ? "unterminated bit string literal"
                    : "unterminated hexadecimal string literal";
            default -> first == '$' ? "unterminated dollar-quoted string" : "unterminated quoted string";
        };
        return new RustyDbException(ErrorCode.SYNTAX_ERROR, what + " at or near \"" + image + "\"")
                .withPosition(position(token.start()));
    }

    /** A syntax error at the token (as PostgreSQL would lex it) covering {@code index}. */
    private RustyDbException atOrNear(int index) {
        List<SqlLexer.Token> tokens = SqlLexer.tokenizeCode(text);
        if (index >= text.length()) {
            if (tokens.isEmpty()) {
                return endOfInput();
            }
            SqlLexer.Token last = tokens.get(tokens.size() - 1);
            return atOrNear(last.text(text), last.start());
        }
        for (SqlLexer.Token token : tokens) {
            if (token.start() <= index && index < token.end()) {
                return atOrNear(token.text(text), token.start());
            }
        }
        return atOrNear(text.substring(index, index + 1), index);
    }

    private RustyDbException atOrNear(String token, int index) {
        return new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + token + "\"")
                .withPosition(position(index));
    }

    /** The 1-based position in the whole query string of char index {@code index} in the statement. */
    private int position(int index) {
        return TextPositions.position(sql, segment.start() + index);
    }
}
