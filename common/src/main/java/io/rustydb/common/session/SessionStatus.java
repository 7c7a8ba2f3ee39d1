package io.rustydb.common.session;

/** What a session is doing, with PostgreSQL's {@code pg_stat_activity.state} spellings. */
public enum SessionStatus {
    IDLE("idle"),
    ACTIVE("active"),
    IDLE_IN_TRANSACTION("idle in transaction"),
    IDLE_IN_TRANSACTION_ABORTED("idle in transaction (aborted)");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
