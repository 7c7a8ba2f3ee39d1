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
        long startMillis, long deadlineMillis, TimeZone timeZone, SessionControl session) {

    /** Throws 57014 if the statement was cancelled or ran past statement_timeout. */
    public void checkCancelled() {
        dataContext(null).checkCancelled();
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
