package io.rustydb.sql.parser;

import io.rustydb.sql.parser.SqlLexer.Kind;
import io.rustydb.sql.parser.SqlLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lexical normalization of statement text, as {@code pg_stat_statements} shows it: literals become
 * {@code $n} placeholders (numbered after the highest {@code $k} already in the text), comments go,
 * unquoted words are lower-cased and tokens are re-spaced in one canonical way. Statements that
 * differ only in literals, case, spacing or comments therefore normalize to the same text, and so
 * to the same {@link SqlId}.
 *
 * <p>Literals are numbers (a leading minus is part of the literal where it cannot be a binary
 * operator), strings in every PostgreSQL form, and typed literals {@code DATE '...'},
 * {@code TIME '...'} and {@code TIMESTAMP '...'}. Kept as written, so the normalized text still
 * parses: the string of an {@code INTERVAL '...' unit} literal and the numbers of a type modifier
 * such as {@code varchar(10)} or {@code numeric(10, 2)}.
 */
public final class SqlNormalizer {

    /** What a replaced literal was. */
    public enum LiteralKind { INTEGER, DECIMAL, FLOAT, STRING, BIT_STRING, DATE, TIME, TIMESTAMP }

    /**
     * A literal replaced by a placeholder.
     *
     * @param text the literal exactly as written, e.g. {@code -1.5}, {@code 'it''s'}, {@code DATE '2024-01-31'}
     * @param value its value as text: the number with its sign, or the string content unescaped
     * @param kind what kind of literal it is
     * @param position the 1-based char index of {@code text} in the original string
     *     ({@code original.substring(position - 1).startsWith(text)})
     * @param number the placeholder that replaced it: {@code $number}
     */
    public record Literal(String text, String value, LiteralKind kind, int position, int number) {
    }

    /** The normalized text and the literals taken out of it, in order. */
    public record Normalized(String text, List<Literal> literals) {
        /** The Oracle-style sql_id of the normalized text. */
        public String sqlId() {
            return SqlId.of(text);
        }
    }

    /** Words after which a unary minus starts a negative literal ({@code WHERE a = -1} has {@code =}). */
    private static final Set<String> BEFORE_OPERAND = Set.of("all", "and", "any", "between", "by",
            "case", "default", "distinct", "else", "escape", "fetch", "first", "having", "ilike", "in",
            "is", "like", "limit", "next", "not", "offset", "on", "or", "returning", "select", "set",
            "some", "then", "to", "values", "when", "where", "with");

    /** Words that keep a space before {@code (}; other words are function or type names, {@code f(x)}. */
    private static final Set<String> SPACE_BEFORE_PAREN = Set.of("all", "and", "any", "as", "between",
            "by", "case", "check", "default", "distinct", "else", "except", "exists", "filter", "from",
            "group", "having", "ilike", "in", "intersect", "is", "join", "key", "lateral", "like", "limit",
            "not", "offset", "on", "or", "over", "recursive", "references", "returning", "select", "set",
            "some", "table", "then", "union", "unique", "using", "values", "when", "where", "with",
            "within");

    private static final Set<String> TYPED_LITERAL_WORDS = Set.of("date", "time", "timestamp");

    /** Type names whose parenthesized numbers are a type modifier, not literals. */
    private static final Set<String> MODIFIED_TYPES = Set.of("bit", "bpchar", "char", "character",
            "dec", "decimal", "float", "interval", "nchar", "numeric", "time", "timestamp", "varbit",
            "varchar", "varying");

    /** A token of the output: its text, category and start in the original string. */
    private record Piece(String text, Kind kind, int start) {
    }

    private final String sql;
    private final List<Piece> pieces = new ArrayList<>();
    private final List<Literal> literals = new ArrayList<>();
    /** For each open parenthesis, whether it holds a type modifier. */
    private final Deque<Boolean> parentheses = new ArrayDeque<>();
    private int nextNumber;

    private SqlNormalizer(String sql) {
        this.sql = sql;
    }

    public static Normalized normalize(String sql) {
        return new SqlNormalizer(sql).run();
    }

    private Normalized run() {
        List<Token> tokens = SqlLexer.tokenizeCode(sql);
        nextNumber = 1 + tokens.stream()
                .filter(t -> t.kind() == Kind.PARAMETER)
                .mapToInt(t -> parameterNumber(t.text(sql)))
                .max().orElse(0);
        for (Token token : tokens) {
            String text = token.text(sql);
            switch (token.kind()) {
                case STRING, BIT_STRING -> string(token, text);
                case NUMBER -> number(token, text);
                case WORD -> pieces.add(new Piece(text.toLowerCase(Locale.ROOT), Kind.WORD, token.start()));
                default -> {
                    trackParentheses(text);
                    pieces.add(new Piece(text, token.kind(), token.start()));
                }
            }
        }
        return new Normalized(render(), List.copyOf(literals));
    }

    private static int parameterNumber(String text) {
        try {
            return Integer.parseInt(text.substring(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void string(Token token, String text) {
        Piece previous = last(0);
        String value = Strings.value(text);
        if (previous != null && previous.kind() == Kind.WORD && previous.text().equals("interval")) {
            pieces.add(new Piece(text, Kind.STRING, token.start()));
        } else if (previous != null && previous.kind() == Kind.WORD && TYPED_LITERAL_WORDS.contains(previous.text())) {
            pieces.remove(pieces.size() - 1);
            LiteralKind kind = LiteralKind.valueOf(previous.text().toUpperCase(Locale.ROOT));
            replace(previous.start(), token.end(), value, kind);
        } else {
            replace(token.start(), token.end(), value,
                    token.kind() == Kind.BIT_STRING ? LiteralKind.BIT_STRING : LiteralKind.STRING);
        }
    }

    private void trackParentheses(String text) {
        if (text.equals("(")) {
            Piece previous = last(0);
            parentheses.push(previous != null && previous.kind() == Kind.WORD
                    && MODIFIED_TYPES.contains(previous.text()));
        } else if (text.equals(")") && !parentheses.isEmpty()) {
            parentheses.pop();
        }
    }

    private void number(Token token, String text) {
        if (Boolean.TRUE.equals(parentheses.peek())) {
            pieces.add(new Piece(text, Kind.NUMBER, token.start()));
            return;
        }
        LiteralKind kind = text.indexOf('e') >= 0 || text.indexOf('E') >= 0 ? LiteralKind.FLOAT
                : text.indexOf('.') >= 0 ? LiteralKind.DECIMAL : LiteralKind.INTEGER;
        Piece sign = last(0);
        if (sign != null && sign.kind() == Kind.OPERATOR && (sign.text().equals("-") || sign.text().equals("+"))
                && startsOperand(last(1))) {
            pieces.remove(pieces.size() - 1);
            replace(sign.start(), token.end(), sign.text().equals("-") ? "-" + text : text, kind);
        } else {
            replace(token.start(), token.end(), text, kind);
        }
    }

    /** Whether an operand (rather than an operator) follows {@code previous}. */
    private static boolean startsOperand(Piece previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case OPERATOR -> true;
            case PUNCTUATION -> "(,[;".contains(previous.text());
            case WORD -> BEFORE_OPERAND.contains(previous.text());
            default -> false;
        };
    }

    private void replace(int start, int end, String value, LiteralKind kind) {
        int number = nextNumber++;
        literals.add(new Literal(sql.substring(start, end), value, kind, start + 1, number));
        pieces.add(new Piece("$" + number, Kind.PARAMETER, start));
    }

    private Piece last(int back) {
        int index = pieces.size() - 1 - back;
        return index >= 0 ? pieces.get(index) : null;
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        Piece previous = null;
        for (Piece piece : pieces) {
            if (previous != null && spaceBetween(previous, piece)) {
                out.append(' ');
            }
            out.append(piece.text());
            previous = piece;
        }
        return out.toString();
    }

    private static boolean spaceBetween(Piece previous, Piece next) {
        String text = next.text();
        if (text.equals(",") || text.equals(")") || text.equals("]") || text.equals(";")
                || text.equals(".") || text.equals("::")) {
            return false;
        }
        String before = previous.text();
        if (before.equals("(") || before.equals("[") || before.equals(".") || before.equals("::")) {
            return false;
        }
        if (text.equals("(") || text.equals("[")) {
            return !(previous.kind() == Kind.QUOTED_IDENTIFIER
                    || previous.kind() == Kind.WORD && !SPACE_BEFORE_PAREN.contains(before));
        }
        return true;
    }

    /** The values of string literals in their PostgreSQL forms. */
    private static final class Strings {
        private Strings() {
        }

        static String value(String literal) {
            char first = literal.charAt(0);
            if (first == '$') {
                int tagEnd = literal.indexOf('$', 1) + 1;
                int close = literal.length() - tagEnd;
                return close >= tagEnd ? literal.substring(tagEnd, close) : literal.substring(tagEnd);
            }
            int quote = literal.indexOf('\'');
            String body = literal.substring(quote + 1,
                    literal.length() > quote + 1 && literal.endsWith("'") ? literal.length() - 1 : literal.length());
            return first == 'e' || first == 'E' ? unescape(body) : body.replace("''", "'");
        }

        /** Backslash escapes of an {@code E'...'} string. */
        private static String unescape(String body) {
            StringBuilder out = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i++;
                } else if (c == '\\' && i + 1 < body.length()) {
                    char e = body.charAt(++i);
                    out.append(switch (e) {
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
