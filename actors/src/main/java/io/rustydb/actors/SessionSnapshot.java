package io.rustydb.actors;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.sql.admin.LockWaits;
import java.time.Instant;
import java.util.function.IntFunction;

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
 * @param waitEvent what the session waits on now (the same events as ASH: a block read that
 *     missed the cache, WAL sync, a row or table lock, a write stall, the client); null while it
 *     runs on CPU
 * @param waitTimeMs how long the current wait has lasted, in milliseconds; null when not waiting
 * @param currentObjectId the table or index the running (or last) statement read last, 0 if none
 * @param currentObject that object's name, null if none or dropped
 * @param tablespace that object's tablespace, null if none
 * @param planHash the running (or last) statement's plan hash, 0 if it had no plan
 * @param cpuTimeMs CPU time of the session's finished statements, null when not measured
 *     ({@code rustydb.ash.capture_resource_usage} off)
 * @param dbTimeMs elapsed time of the session's finished statements
 */
public record SessionSnapshot(int sessionId, String userName, String database, String applicationName,
        String clientAddress, String state, String sqlId, String currentQuery, Instant connectedAt,
        Instant queryStart, Instant transactionStart, Instant stateChange, Integer blockingSession,
        WaitEvent waitEvent, Long waitTimeMs, int currentObjectId, String currentObject, String tablespace,
        long planHash, Double cpuTimeMs, double dbTimeMs) {

    /**
     * The session's published state, with its lock wait if it has one (null otherwise); object
     * ids are named by {@code objectNames}.
     */
    public static SessionSnapshot of(SessionState s, LockWaits.LockWait lockWait, IntFunction<String> objectNames) {
        SessionStatus status = s.status();
        long transactionStart = s.transactionStartMillis();
        long statementStart = s.statementStartMillis();
        if (transactionStart == 0 && status == SessionStatus.ACTIVE) {
            // an autocommit statement runs in a transaction of its own
            transactionStart = statementStart;
        }
        WaitEvent event = null;
        Long waitMillis = null;
        Integer blocking = null;
        SessionState.Wait wait = s.currentWait();
        if (wait != null) {
            event = wait.event();
            waitMillis = Math.max(0, System.currentTimeMillis() - wait.startMillis());
            int blocker = wait.blockingSessionNow();
            blocking = blocker == 0 ? null : blocker;
        }
        if (lockWait != null) {
            // the lock tables name every holder; the first is the one v$session shows
            if (event == null) {
                event = LockWaits.TABLE_LOCK.equals(lockWait.event())
                        ? WaitEvent.TABLE_LOCK_CONTENTION : WaitEvent.ROW_LOCK_CONTENTION;
                waitMillis = lockWait.waitMillis();
            }
            if (lockWait.blockingSession() != null) {
                blocking = lockWait.blockingSession();
            }
        }
        int objectId = s.currentObject();
        String objectName = objectId == 0 || objectNames == null ? null : objectNames.apply(objectId);
        long cpu = s.cpuNanos();
        return new SessionSnapshot(s.sessionId(), s.user(), s.database(), s.applicationName(), s.clientAddress(),
                status.name(), s.sqlId(), s.sqlText(), s.loginTime(), instant(statementStart),
                instant(transactionStart), instant(s.stateChangeMillis()), blocking, event, waitMillis,
                objectId, objectName, objectId == 0 ? null : s.currentTablespace(), s.planHash(),
                SessionState.cpuMeasured() ? Double.valueOf(cpu / 1e6) : null, s.dbNanos() / 1e6);
    }

    /** The wait event's name as Oracle spells it, null when not waiting. */
    public String waitEventName() {
        return waitEvent == null ? null : waitEvent.label();
    }

    /** The current wait's class as Oracle spells it ({@code User I/O}, ...), null when not waiting. */
    public String waitClassName() {
        return waitEvent == null ? null : waitEvent.waitClass().label();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
