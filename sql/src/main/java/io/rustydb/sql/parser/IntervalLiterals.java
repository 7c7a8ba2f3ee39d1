package io.rustydb.sql.parser;

import io.rustydb.sql.parser.type.PgIntervalTypeNameSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's {@code interval} in SQL text made readable by Calcite's grammar, which reserves the
 * word for its qualified literals: a literal without a unit qualifier ({@code INTERVAL '7 days'},
 * {@code INTERVAL '1 month 2 days'}) becomes {@code CAST('7 days' AS pg_intvl)}, and the word
 * used as a type name ({@code x::interval}, {@code CAST(x AS interval)}, a column's type) becomes
 * {@link PgIntervalTypeNameSpec#WORD}, both yielding PostgreSQL's interval (months, days,
 * microseconds). A qualified SQL-standard literal ({@code INTERVAL '2' DAY}) is left to the grammar.
 */
final class IntervalLiterals {
    private static final Set<String> QUALIFIERS = Set.of("year", "years", "month", "months", "day", "days", "hour",
            "hours", "minute", "minutes", "second", "seconds");

    private IntervalLiterals() {
    }

    static String rewrite(String text) {
        if (!text.toLowerCase(Locale.ROOT).contains("interval")) {
            return text;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokenizeCode(text);
        StringBuilder out = new StringBuilder(text);
        for (int i = tokens.size() - 2; i >= 0; i--) {
            SqlLexer.Token first = tokens.get(i);
            SqlLexer.Token second = tokens.get(i + 1);
            SqlLexer.Token next = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
            if (isWord(text, first, "interval") && isPlainString(text, second)
                    && (next == null || !QUALIFIERS.contains(next.text(text).toLowerCase(Locale.ROOT)))) {
                out.replace(first.start(), second.end(), "CAST(" + second.text(text) + " AS "
                        + PgIntervalTypeNameSpec.WORD + ")");
            } else if (isWord(text, second, "interval") && !isPlainString(text, next)
                    && (next == null || !QUALIFIERS.contains(next.text(text).toLowerCase(Locale.ROOT)))) {
                out.replace(second.start(), second.end(), PgIntervalTypeNameSpec.WORD);
            }
        }
        return out.toString();
    }

    private static boolean isWord(String text, SqlLexer.Token t, String word) {
        return t.kind() == SqlLexer.Kind.WORD && t.text(text).equalsIgnoreCase(word);
    }

    private static boolean isPlainString(String text, SqlLexer.Token t) {
        return t != null && t.kind() == SqlLexer.Kind.STRING && t.complete() && text.charAt(t.start()) == '\'';
    }
}
