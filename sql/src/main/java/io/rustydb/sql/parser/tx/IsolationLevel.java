package io.rustydb.sql.parser.tx;

import java.util.Locale;

/** A transaction isolation level, named as PostgreSQL shows it in {@code transaction_isolation}. */
public enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted"),
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private final String sqlName;

    IsolationLevel(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The lower-case SQL spelling, e.g. {@code read committed}. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The level named by {@code name} in any case, as a {@code SET default_transaction_isolation}
     * value would give it ({@code "repeatable read"}), or {@code null} if none matches.
     */
    public static IsolationLevel fromName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
        for (IsolationLevel level : values()) {
            if (level.sqlName.equals(normalized)) {
                return level;
            }
        }
        return null;
    }
}
