package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import java.util.List;

/**
 * {@code ALTER SYSTEM KILL SESSION 'id'}: ends another session's connection as
 * {@code pg_terminate_backend} does (FATAL 57P01 to its client, its transaction rolled back).
 * The session running the statement cannot kill itself (Oracle's ORA-00027); an unknown id is
 * 42704. Without IMMEDIATE as with it, the statement returns once the session was told to end.
 */
public final class KillSessionPlan extends UtilityPlan {
    private final KillSessionStatement statement;

    public KillSessionPlan(KillSessionStatement statement) {
        this.statement = statement;
    }

    @Override
    public String commandName() {
        return "ALTER SYSTEM";
    }

    @Override
    public List<String> explain() {
        return List.of("Kill Session " + statement.sessionId());
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        int target = SessionIds.parse(statement.sessionId());
        if (context.session() != null && target == context.session().sessionId()) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot kill the current session");
        }
        if (!context.engine().admin().sessions().terminate(target)) {
            throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "session " + target + " does not exist");
        }
        return Execution.completed("ALTER SYSTEM");
    }
}
