package io.rustydb.actors;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.sql.admin.LockWaits;
import java.time.Instant;

/**
 * One session as {@code v$session} and {@code GET /api/v1/sessions} show it, read at one moment
 * from the state the session publishes and from the node's lock waits.
 *
 * @param state {@code ACTIVE}, {@code IDLE}, {@code IDLE_IN_TRANSACTION} or {@code IDLE_IN_TRANSACTION_ABORTED}
 * @param sqlId the running statement's sql_id, or the last one's when idle; null before the first
 * @param currentQuery the running statement's text, or the last one's when idle
 * @param queryStart when that statement started
 * @param transactionStart when the open transaction started (an autocommit statement runs in one
 *     of its own, started with it); null outside a transaction
 * @param stateChange when {@code state} last changed
 * @param blockingSession the session holding the lock this one waits for; null when not waiting
 *     (or when the holder is the engine's own work)
 * @param waitEvent {@link LockWaits#ROW_LOCK} or {@link LockWaits#TABLE_LOCK} while waiting for a
 *     lock, else null
 * @param waitTimeMs how long it has been waiting for that lock, in milliseconds; null when not waiting
 */
public record SessionSnapshot(int sessionId, String userName, String database, String applicationName,
        String clientAddress, String state, String sqlId, String currentQuery, Instant connectedAt,
        Instant queryStart, Instant transactionStart, Instant stateChange, Integer blockingSession,
        String waitEvent, Long waitTimeMs) {

    /** The session's published state, with its lock wait if it has one (null otherwise). */
    public static SessionSnapshot of(SessionState s, LockWaits.LockWait wait) {
        SessionStatus status = s.status();
        long transactionStart = s.transactionStartMillis();
        long statementStart = s.statementStartMillis();
        if (transactionStart == 0 && status == SessionStatus.ACTIVE) {
            // an autocommit statement runs in a transaction of its own
            transactionStart = statementStart;
        }
        return new SessionSnapshot(s.sessionId(), s.user(), s.database(), s.applicationName(), s.clientAddress(),
                status.name(), s.sqlId(), s.sqlText(), s.loginTime(), instant(statementStart),
                instant(transactionStart), instant(s.stateChangeMillis()),
                wait == null ? null : wait.blockingSession(), wait == null ? null : wait.event(),
                wait == null ? null : wait.waitMillis());
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
