package io.rustydb.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-written tokenizer for PostgreSQL's lexical rules: enough to split a query string
 * into statements, to normalize statement text and to name lexical errors the way PostgreSQL
 * does, without running the full parser. Whitespace is dropped; line comments and (nested) block
 * comments are kept as {@link Kind#COMMENT} tokens. An unterminated string, quoted identifier or
 * comment runs to the end of the text and is marked incomplete.
 */
final class SqlLexer {

    /** Token categories. */
    enum Kind {
        /** Unquoted identifier or keyword. */
        WORD,
        /** {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENTIFIER,
        /** {@code '...'}, {@code E'...'}, {@code N'...'}, {@code U&'...'} or {@code $tag$...$tag$}. */
        STRING,
        /** {@code B'...'} or {@code X'...'}. */
        BIT_STRING,
        NUMBER,
        /** {@code $n}. */
        PARAMETER,
        /** An operator such as {@code =}, {@code <=}, {@code ||} or {@code ::}. */
        OPERATOR,
        /** {@code ( ) [ ] , ; . :} and any other single character. */
        PUNCTUATION,
        /** A line comment or a block comment. */
        COMMENT
    }

    /**
     * A token: its kind, its {@code [start, end)} range in the text and whether it is complete
     * (false for a string, quoted identifier or comment that the text ends inside).
     */
    record Token(Kind kind, int start, int end, boolean complete) {
        String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
    private static final String SPECIAL_OPERATOR_CHARS = "~!@#%^&|`?";

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** All tokens of {@code sql}, comments included. */
    static List<Token> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return lexer.tokens;
    }

    /** The tokens of {@code sql} without comments. */
    static List<Token> tokenizeCode(String sql) {
        return tokenize(sql).stream().filter(t -> t.kind() != Kind.COMMENT).toList();
    }

    /** The first string, quoted identifier or comment the text ends inside, or {@code null}. */
    static Token firstIncomplete(String sql) {
        return tokenize(sql).stream().filter(t -> !t.complete()).findFirst().orElse(null);
    }

    private void run() {
        int length = sql.length();
        while (pos < length) {
            char c = sql.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                lineComment(start);
            } else if (c == '/' && peek(1) == '*') {
                blockComment(start);
            } else if (c == '\'') {
                quoted(start, start, '\'', false, Kind.STRING);
            } else if (c == '"') {
                quoted(start, start, '"', false, Kind.QUOTED_IDENTIFIER);
            } else if (c == '$') {
                dollar(start);
            } else if (isIdentifierStart(c)) {
                word(start, c);
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number(start);
            } else if (c == ':' && peek(1) == ':') {
                pos += 2;
                add(Kind.OPERATOR, start);
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                operator(start);
            } else {
                pos++;
                add(Kind.PUNCTUATION, start);
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void add(Kind kind, int start) {
        add(kind, start, true);
    }

    private void add(Kind kind, int start, boolean complete) {
        tokens.add(new Token(kind, start, pos, complete));
    }

    private void lineComment(int start) {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            pos++;
        }
        add(Kind.COMMENT, start);
    }

    private void blockComment(int start) {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    add(Kind.COMMENT, start);
                    return;
                }
            } else {
                pos++;
            }
        }
        add(Kind.COMMENT, start, false);
    }

    /** A quoted string or identifier whose opening quote is at {@code quoteAt}. */
    private void quoted(int start, int quoteAt, char quote, boolean backslashEscapes, Kind kind) {
        pos = quoteAt + 1;
        boolean complete = false;
        while (pos < sql.length() && !complete) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote && peek(1) == quote) {
                pos += 2;
            } else {
                complete = c == quote;
                pos++;
            }
        }
        pos = Math.min(pos, sql.length());
        add(kind, start, complete);
    }

    private void dollar(int start) {
        if (isDigit(peek(1))) {
            pos++;
            while (pos < sql.length() && isDigit(sql.charAt(pos))) {
                pos++;
            }
            add(Kind.PARAMETER, start);
            return;
        }
        int tagEnd = pos + 1;
        if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
            while (tagEnd < sql.length() && isTagPart(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (tagEnd < sql.length() && sql.charAt(tagEnd) == '$') {
            String tag = sql.substring(start, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            pos = close < 0 ? sql.length() : close + tag.length();
            add(Kind.STRING, start, close >= 0);
        } else {
            pos++;
            add(Kind.PUNCTUATION, start);
        }
    }

    private void word(int start, char c) {
        char next = peek(1);
        if (next == '\'' && "eEnNbBxX".indexOf(c) >= 0) {
            boolean bits = "bBxX".indexOf(c) >= 0;
            quoted(start, pos + 1, '\'', c == 'e' || c == 'E', bits ? Kind.BIT_STRING : Kind.STRING);
            return;
        }
        if ((c == 'u' || c == 'U') && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char quote = peek(2);
            quoted(start, pos + 2, quote, false, quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING);
            return;
        }
        pos++;
        while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
            pos++;
        }
        add(Kind.WORD, start);
    }

    private void number(int start) {
        digits();
        if (peek(0) == '.' && peek(1) != '.') {
            pos++;
            digits();
        }
        char e = peek(0);
        if (e == 'e' || e == 'E') {
            int exponent = isDigit(peek(1)) ? 1 : (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)) ? 2 : 0;
            if (exponent > 0) {
                pos += exponent;
                digits();
            }
        }
        add(Kind.NUMBER, start);
    }

    private void digits() {
        while (pos < sql.length() && isDigit(sql.charAt(pos))) {
            pos++;
        }
    }

    /** PostgreSQL's operator rule: a multi-character operator ends in + or - only if it has a special char. */
    private void operator(int start) {
        int end = pos;
        while (end < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0) {
            if (end > start && (sql.startsWith("--", end) || sql.startsWith("/*", end))) {
                break;
            }
            end++;
        }
        String op = sql.substring(start, end);
        boolean special = op.chars().anyMatch(ch -> SPECIAL_OPERATOR_CHARS.indexOf(ch) >= 0);
        while (!special && op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
            op = op.substring(0, op.length() - 1);
        }
        pos = start + op.length();
        add(Kind.OPERATOR, start);
    }

    static boolean isDigitInt(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigit(char c) {
        return isDigitInt(c);
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isIdentifierPart(char c) {
        return isTagPart(c) || c == '$';
    }
}
