package io.rustydb.sql.exec;

import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.calcite.ExecutionContext;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One statement's execution environment: the engine, the session's transaction, its clock,
 * time zone, cancellation flag, statement_timeout deadline (0 for none) and
 * the session running it.
 */
public record StatementContext(EngineContext engine, StorageTransaction transaction, AtomicBoolean cancelFlag,
        long startMillis, long deadlineMillis, TimeZone timeZone, SessionControl session)
        implements io.rustydb.sql.catalog.TableLocks.Waiter {

    /** Throws 57014 if the statement was cancelled or ran past statement_timeout. */
    public void checkCancelled() {
        dataContext(null).checkCancelled();
    }

    @Override
    public void checkInterrupted() {
        checkCancelled();
    }

    @Override
    public void waiting(int tableId, java.util.function.IntSupplier blocker) {
        if (session != null) {
            session.state().beginWait(io.rustydb.common.session.WaitEvent.TABLE_LOCK_CONTENTION, blocker, tableId);
        }
    }

    @Override
    public void doneWaiting(boolean timedOut) {
        if (session != null) {
            session.state().endWait(timedOut);
        }
    }

    /** Sends a notice to the client (NoticeResponse). */
    public void notice(String severity, String sqlState, String message) {
        session.notice(severity, sqlState, message);
    }

    /** A Calcite data context for one run of a compiled query with these slot values. */
    public ExecutionContext dataContext(Object[] slotValues) {
        return new ExecutionContext(engine.planner().rootSchema(), engine.planner().typeFactory(), transaction,
                slotValues, cancelFlag, startMillis, timeZone, deadlineMillis,
                session == null ? null : session.userName(), session == null ? null : session.databaseName())
                .withSequences(session == null ? null : session.sequences())
                .withSession(session, engine.admin());
    }
}
