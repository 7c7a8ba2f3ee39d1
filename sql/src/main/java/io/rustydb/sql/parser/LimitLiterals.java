package io.rustydb.sql.parser;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL accepts an expression after LIMIT and OFFSET; Calcite's grammar only a number or a
 * parameter. Clients that inline parameters (pgjdbc's simple query mode sends
 * {@code LIMIT ('10'::int4)}) write a quoted integer cast to an integer type: this rewrites that
 * form to the plain number, padded with blanks so every character position stays where it was.
 */
final class LimitLiterals {
    private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8", "int", "integer", "bigint",
            "smallint", "numeric");

    private LimitLiterals() {
    }

    static String rewrite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("limit") && !lower.contains("offset")) {
            return text;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokenizeCode(text);
        StringBuilder out = null;
        for (int i = 0; i + 5 < tokens.size(); i++) {
            String word = tokens.get(i).text(text).toLowerCase(Locale.ROOT);
            if (!word.equals("limit") && !word.equals("offset")) {
                continue;
            }
            SqlLexer.Token open = tokens.get(i + 1);
            SqlLexer.Token literal = tokens.get(i + 2);
            SqlLexer.Token cast = tokens.get(i + 3);
            SqlLexer.Token type = tokens.get(i + 4);
            SqlLexer.Token close = tokens.get(i + 5);
            String digits = literal.kind() == SqlLexer.Kind.STRING ? unquote(literal.text(text)) : null;
            if (open.text(text).equals("(") && digits != null && cast.text(text).equals("::")
                    && INTEGER_TYPES.contains(type.text(text).toLowerCase(Locale.ROOT)) && close.text(text).equals(")")) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                int width = close.end() - open.start();
                out.replace(open.start(), close.end(), digits + " ".repeat(width - digits.length()));
            }
        }
        return out == null ? text : out.toString();
    }

    /** The digits of a plain quoted non-negative integer such as {@code '10'}, else null. */
    private static String unquote(String quoted) {
        if (quoted.length() < 3 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
            return null;
        }
        String body = quoted.substring(1, quoted.length() - 1);
        return body.chars().allMatch(SqlLexer::isDigitInt) ? body : null;
    }
}
