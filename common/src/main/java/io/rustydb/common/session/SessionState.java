package io.rustydb.common.session;

import java.time.Instant;

/**
 * The state one session publishes for observers (v$session, the ASH sampler). The session's own
 * thread is the only writer; readers on other threads see each field through {@code volatile}
 * without messaging the session. Identity fields are fixed at login.
 */
public final class SessionState {
    private final int sessionId;
    private final String user;
    private final String database;
    private final String clientAddress;
    private final Instant loginTime;

    private volatile String applicationName = "";
    private volatile SessionStatus status = SessionStatus.IDLE;
    private volatile String sqlText;
    private volatile String sqlId;
    /** Wall-clock millis when the current (or last) statement started, 0 before the first. */
    private volatile long statementStartMillis;
    /** Wall-clock millis when the current transaction started, 0 outside a transaction. */
    private volatile long transactionStartMillis;
    /** Wall-clock millis of the last status change. */
    private volatile long stateChangeMillis;
    /** Isolation level of the current transaction (SQL name), null outside a transaction. */
    private volatile String transactionIsolation;

    public SessionState(int sessionId, String user, String database, String clientAddress, Instant loginTime) {
        this.sessionId = sessionId;
        this.user = user;
        this.database = database;
        this.clientAddress = clientAddress;
        this.loginTime = loginTime;
        this.stateChangeMillis = loginTime.toEpochMilli();
    }

    public int sessionId() {
        return sessionId;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant loginTime() {
        return loginTime;
    }

    public String applicationName() {
        return applicationName;
    }

    public void applicationName(String name) {
        this.applicationName = name == null ? "" : name;
    }

    public SessionStatus status() {
        return status;
    }

    public String sqlText() {
        return sqlText;
    }

    public String sqlId() {
        return sqlId;
    }

    public long statementStartMillis() {
        return statementStartMillis;
    }

    public long transactionStartMillis() {
        return transactionStartMillis;
    }

    public long stateChangeMillis() {
        return stateChangeMillis;
    }

    /** The SQL name of the current transaction's isolation level, null outside a transaction. */
    public String transactionIsolation() {
        return transactionIsolation;
    }

    public void transactionIsolation(String level) {
        this.transactionIsolation = level;
    }

    /** Marks the start of a statement: the session becomes ACTIVE on it. */
    public void statementStarted(String text, String id) {
        long now = System.currentTimeMillis();
        this.sqlText = text;
        this.sqlId = id;
        this.statementStartMillis = now;
        this.stateChangeMillis = now;
        this.status = SessionStatus.ACTIVE;
    }

    /** Records the session's state once it waits for the client again. */
    public void becameIdle(SessionStatus idleStatus) {
        if (idleStatus == SessionStatus.ACTIVE) {
            throw new IllegalArgumentException("not an idle status: " + idleStatus);
        }
        this.stateChangeMillis = System.currentTimeMillis();
        this.status = idleStatus;
    }

    public void transactionStarted() {
        this.transactionStartMillis = System.currentTimeMillis();
    }

    public void transactionEnded() {
        this.transactionStartMillis = 0;
    }
}
