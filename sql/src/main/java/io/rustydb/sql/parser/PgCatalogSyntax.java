package io.rustydb.sql.parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL-only syntax that catalog queries (psql's backslash commands, pgjdbc's
 * DatabaseMetaData) use, rewritten to what RustyDB's grammar parses, before parsing:
 * {@code a OPERATOR(pg_catalog.~) b} becomes {@code a ~ b}, {@code pg_catalog.unnest(a)} the
 * keyword {@code unnest(a)}; {@code COLLATE pg_catalog.default}
 * (the default collation, which changes nothing) goes; a reserved word after a dot
 * ({@code m.member}) is quoted; a cast to {@code type[]} becomes one to {@code type ARRAY}; a field selected from a
 * parenthesized composite, {@code (expr).name}, becomes {@code pg_catalog.rustydb_field((expr), 'name')}.
 * The first three keep every character position.
 */
final class PgCatalogSyntax {
    /** Words Calcite reserves that PostgreSQL allows as column names after a qualifier or AS. */
    private static final Set<String> RESERVED_AFTER_DOT = Set.of("member", "cardinality", "position", "value", "year",
            "month", "day", "hour", "minute", "second", "language", "name", "type", "element");

    private PgCatalogSyntax() {
    }

    static String rewrite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("operator(") && !lower.contains("collate") && !lower.contains("[]")
                && !lower.contains("pg_catalog.unnest")
                && !lower.contains(").") && !containsReservedAfterDot(lower) && !lower.contains("cardinality")) {
            return text;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokenizeCode(text);
        StringBuilder out = new StringBuilder(text);
        Deque<Integer> opens = new ArrayDeque<>();
        // Edits are collected first, then applied right to left so earlier offsets stay valid.
        List<int[]> edits = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token t = tokens.get(i);
            String word = t.text(text).toLowerCase(Locale.ROOT);
            if (t.kind() == SqlLexer.Kind.WORD && word.equals("operator") && i + 5 < tokens.size()
                    && tokens.get(i + 1).text(text).equals("(")
                    && tokens.get(i + 2).text(text).equalsIgnoreCase("pg_catalog")
                    && tokens.get(i + 3).text(text).equals(".")
                    && tokens.get(i + 5).text(text).equals(")")) {
                String op = tokens.get(i + 4).text(text);
                int start = t.start();
                int end = tokens.get(i + 5).end();
                edits.add(new int[] {start, end});
                replacements.add(op + " ".repeat(end - start - op.length()));
                i += 5;
            } else if (t.kind() == SqlLexer.Kind.WORD && word.equals("collate") && i + 3 < tokens.size()
                    && tokens.get(i + 1).text(text).equalsIgnoreCase("pg_catalog")
                    && tokens.get(i + 2).text(text).equals(".")
                    && tokens.get(i + 3).text(text).equalsIgnoreCase("default")) {
                int end = tokens.get(i + 3).end();
                edits.add(new int[] {t.start(), end});
                replacements.add(" ".repeat(end - t.start()));
                i += 3;
            } else if (t.kind() == SqlLexer.Kind.WORD && word.equals("pg_catalog") && i + 3 < tokens.size()
                    && tokens.get(i + 1).text(text).equals(".")
                    && tokens.get(i + 2).text(text).equalsIgnoreCase("unnest")
                    && tokens.get(i + 3).text(text).equals("(")) {
                int end = tokens.get(i + 2).end();
                edits.add(new int[] {t.start(), end});
                replacements.add(" ".repeat(end - t.start() - "unnest".length()) + "unnest");
                i += 2;
            } else if (t.text(text).equals("(")) {
                opens.push(i);
            } else if (t.text(text).equals(")")) {
                Integer open = opens.isEmpty() ? null : opens.pop();
                if (open != null && i + 2 < tokens.size() && tokens.get(i + 1).text(text).equals(".")
                        && tokens.get(i + 1).start() == t.end() && tokens.get(i + 2).kind() == SqlLexer.Kind.WORD
                        && startsOperand(tokens, open, text)) {
                    SqlLexer.Token field = tokens.get(i + 2);
                    int start = tokens.get(open).start();
                    edits.add(new int[] {start, field.end()});
                    replacements.add("pg_catalog.rustydb_field(" + text.substring(start, t.end()) + ", '"
                            + field.text(text).toLowerCase(Locale.ROOT) + "')");
                    i += 2;
                }
            } else if (t.text(text).equals("[") && i + 1 < tokens.size() && tokens.get(i + 1).text(text).equals("]")
                    && castTarget(tokens, i - 1, text)) {
                edits.add(new int[] {t.start(), tokens.get(i + 1).end()});
                replacements.add(" ARRAY");
                i += 1;
            } else if ((t.text(text).equals(".") || word.equals("as")) && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == SqlLexer.Kind.WORD
                    && RESERVED_AFTER_DOT.contains(tokens.get(i + 1).text(text).toLowerCase(Locale.ROOT))) {
                SqlLexer.Token name = tokens.get(i + 1);
                edits.add(new int[] {name.start(), name.end()});
                replacements.add('"' + name.text(text).toLowerCase(Locale.ROOT) + '"');
                i += 1;
            }
        }
        if (edits.isEmpty()) {
            return text;
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < edits.size(); k++) {
            order.add(k);
        }
        order.sort((a, b) -> Integer.compare(edits.get(b)[0], edits.get(a)[0]));
        int limit = Integer.MAX_VALUE;
        for (int k : order) {
            int[] e = edits.get(k);
            if (e[1] <= limit) {
                out.replace(e[0], e[1], replacements.get(k));
                limit = e[0];
            }
        }
        return out.toString();
    }

    /** True if the token at {@code i} is the (possibly schema-qualified) type name of a {@code ::} cast. */
    private static boolean castTarget(List<SqlLexer.Token> tokens, int i, String text) {
        if (i < 1 || tokens.get(i).kind() != SqlLexer.Kind.WORD) {
            return false;
        }
        if (tokens.get(i - 1).text(text).equals("::")) {
            return true;
        }
        return i >= 3 && tokens.get(i - 1).text(text).equals(".") && tokens.get(i - 3).text(text).equals("::");
    }

    /** An opening parenthesis that starts an operand (not a function's argument list). */
    private static boolean startsOperand(List<SqlLexer.Token> tokens, int open, String text) {
        if (open == 0) {
            return true;
        }
        SqlLexer.Token before = tokens.get(open - 1);
        return before.kind() != SqlLexer.Kind.WORD && before.kind() != SqlLexer.Kind.QUOTED_IDENTIFIER
                || Set.of("select", "where", "and", "or", "not", "on", "by", "when", "then", "else", "case")
                        .contains(before.text(text).toLowerCase(Locale.ROOT));
    }

    private static boolean containsReservedAfterDot(String lower) {
        for (String word : RESERVED_AFTER_DOT) {
            if (lower.contains("." + word)) {
                return true;
            }
        }
        return false;
    }
}
