package io.rustydb.sql.admin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle's {@code ALTER SYSTEM KILL SESSION 'id' [IMMEDIATE]}, recognised from the statement text
 * before the SQL grammar sees it (the grammar has no ALTER SYSTEM). Only a query string holding
 * this one statement (an optional trailing semicolon allowed) is recognised.
 */
public record KillSessionStatement(String sessionId, boolean immediate) {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*ALTER\\s+SYSTEM\\s+KILL\\s+SESSION\\s+'((?:[^']|'')*)'(\\s+IMMEDIATE)?\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The statement if {@code sql} is exactly one ALTER SYSTEM KILL SESSION. */
    public static Optional<KillSessionStatement> recognize(String sql) {
        Matcher m = SYNTAX.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KillSessionStatement(m.group(1).replace("''", "'"), m.group(2) != null));
    }
}
