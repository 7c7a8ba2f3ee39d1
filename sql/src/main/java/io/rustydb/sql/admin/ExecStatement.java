package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Oracle's {@code EXEC procedure(name => value, ...)} (SQL*Plus's EXECUTE), recognised from the
 * statement text before the SQL grammar sees it, as PostgreSQL's {@code CALL} would be: arguments
 * are literals (strings, numbers, TRUE, FALSE, NULL), named with {@code =>} or positional. Only a
 * query string holding this one statement (an optional trailing semicolon allowed) is recognised.
 * SQL*Plus's long form {@code EXECUTE} is not: it is PostgreSQL's EXECUTE of a prepared statement,
 * {@code EXECUTE name (arguments)}.
 */
public record ExecStatement(String procedure, List<Argument> arguments) {
    private static final Pattern START = Pattern.compile("\\s*EXEC\\s+[A-Za-z_][A-Za-z0-9_$]*\\s*\\(.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** One argument: its name (lower case), or null when positional, and its value. */
    public record Argument(String name, Object value) {
    }

    /**
     * The statement if {@code sql} is an EXEC of a procedure with a parenthesised argument list.
     *
     * @throws RustyDbException 42601 if it starts as one but its arguments do not parse
     */
    public static Optional<ExecStatement> recognize(String sql) {
        if (!START.matcher(sql).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parser(sql).statement());
    }

    /** A hand-written scanner for the small EXEC grammar. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        ExecStatement statement() {
            skip();
            String keyword = identifier();
            if (!keyword.equals("exec")) {
                throw error("EXEC expected");
            }
            skip();
            String name = identifier();
            skip();
            expect('(');
            List<Argument> args = new ArrayList<>();
            skip();
            if (peek() == ')') {
                i++;
            } else {
                while (true) {
                    args.add(argument());
                    skip();
                    char c = peek();
                    i++;
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw error("',' or ')' expected in the arguments of " + name);
                    }
                }
            }
            skip();
            if (peek() == ';') {
                i++;
                skip();
            }
            if (i < s.length()) {
                throw error("unexpected text after EXEC " + name + "(...)");
            }
            return new ExecStatement(name, List.copyOf(args));
        }

        private Argument argument() {
            skip();
            int mark = i;
            if (Character.isLetter(peek()) || peek() == '_') {
                String word = identifier();
                skip();
                if (s.startsWith("=>", i)) {
                    i += 2;
                    skip();
                    return new Argument(word, literal());
                }
                i = mark;
            }
            return new Argument(null, literal());
        }

        private Object literal() {
            char c = peek();
            if (c == '\'') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw error("unterminated string literal");
                    }
                    char x = s.charAt(i++);
                    if (x == '\'') {
                        if (peek() == '\'') {
                            b.append('\'');
                            i++;
                            continue;
                        }
                        return b.toString();
                    }
                    b.append(x);
                }
            }
            if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e'
                        || s.charAt(i) == 'E')) {
                    i++;
                }
                String text = s.substring(start, i);
                try {
                    BigDecimal d = new BigDecimal(text);
                    return d.scale() <= 0 && d.precision() - d.scale() <= 18 ? (Object) d.longValueExact() : d;
                } catch (NumberFormatException | ArithmeticException e) {
                    throw error("invalid number " + text);
                }
            }
            if (Character.isLetter(c)) {
                String word = identifier();
                switch (word) {
                    case "true":
                        return Boolean.TRUE;
                    case "false":
                        return Boolean.FALSE;
                    case "null":
                        return null;
                    default:
                        throw error("EXEC arguments must be literals (strings, numbers, TRUE, FALSE, NULL), got " + word);
                }
            }
            throw error("EXEC arguments must be literals (strings, numbers, TRUE, FALSE, NULL)");
        }

        private String identifier() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                i++;
            }
            if (start == i) {
                throw error("identifier expected");
            }
            return s.substring(start, i).toLowerCase(Locale.ROOT);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            i++;
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private RustyDbException error(String message) {
            return new RustyDbException(ErrorCode.SYNTAX_ERROR, message + " at position " + (i + 1));
        }
    }
}
