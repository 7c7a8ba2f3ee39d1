package io.rustydb.common.session;

import java.util.Locale;

/**
 * The events a session waits on, each set exactly around the call that blocks. Names follow
 * Oracle's where the meaning is the same, so a DBA's ASH queries read as they would there.
 */
public enum WaitEvent {
    /** A point read (primary key or index lookup) that missed the block cache and reads a file. */
    DB_FILE_SEQUENTIAL_READ("db file sequential read", WaitClass.USER_IO),
    /** A table or index scan that missed the block cache and reads a file. */
    DB_FILE_SCATTERED_READ("db file scattered read", WaitClass.USER_IO),
    /** COMMIT waiting for its WAL write and fsync. */
    LOG_FILE_SYNC("log file sync", WaitClass.COMMIT),
    /** Waiting for a row lock another transaction holds. */
    ROW_LOCK_CONTENTION("enq: TX - row lock contention", WaitClass.APPLICATION),
    /** Waiting for a table lock (DDL, or a bulk load, holds the table). */
    TABLE_LOCK_CONTENTION("enq: TM - contention", WaitClass.APPLICATION),
    /** A write held back by RocksDB because flushes or compactions are behind. */
    WRITE_STALL("write stall", WaitClass.CONFIGURATION),
    /** Sending results to a client that does not read them fast enough. */
    CLIENT_WRITE("SQL*Net more data to client", WaitClass.NETWORK),
    /** In the middle of a statement (COPY FROM STDIN), waiting for the client's next message. */
    CLIENT_MORE_DATA("SQL*Net more data from client", WaitClass.NETWORK),
    /** Between statements, waiting for the client's next message. */
    CLIENT_READ("SQL*Net message from client", WaitClass.IDLE);

    private final String label;
    private final WaitClass waitClass;
    private final String apiName;

    WaitEvent(String label, WaitClass waitClass) {
        this.label = label;
        this.waitClass = waitClass;
        this.apiName = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** Oracle's spelling, as in the v$ views. */
    public String label() {
        return label;
    }

    public WaitClass waitClass() {
        return waitClass;
    }

    /** The REST API's spelling ({@code db_file_sequential_read}). */
    public String apiName() {
        return apiName;
    }

    public boolean idle() {
        return waitClass == WaitClass.IDLE;
    }

    /** The event with this Oracle label or API name (case-insensitive), or null. */
    public static WaitEvent parse(String name) {
        for (WaitEvent e : values()) {
            if (e.label.equalsIgnoreCase(name) || e.apiName.equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }
}
