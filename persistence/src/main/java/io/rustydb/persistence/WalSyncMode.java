package io.rustydb.persistence;

import java.util.Locale;

/**
 * When a commit waits for its WAL record to reach disk, after PostgreSQL's
 * {@code synchronous_commit}. RustyDB is single-node per tablespace today, so every "on"-like
 * spelling means a local fsync.
 */
public enum WalSyncMode {
    /** fsync the WAL before a commit returns: no committed transaction is lost on a crash. */
    LOCAL,
    /** Write the WAL but do not fsync per commit: an OS crash may lose the last commits. */
    OFF;

    private static final String VALID = "local, on, remote_write, remote_apply, off";

    /**
     * Parses a {@code synchronous_commit} spelling, case-insensitively: {@code local}, {@code on},
     * {@code remote_write}, {@code remote_apply} give {@link #LOCAL}; {@code off} gives {@link #OFF}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static WalSyncMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "local", "on", "remote_write", "remote_apply" -> LOCAL;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException(
                    "invalid WAL sync mode \"" + value + "\"; valid values are: " + VALID);
        };
    }

    /** Whether each commit fsyncs the WAL ({@code WriteOptions.setSync}). */
    boolean syncPerCommit() {
        return this == LOCAL;
    }
}
