package io.rustydb.sql.admin;

import io.rustydb.sql.calcite.ExecutionContext;
import io.rustydb.sql.calcite.VolatileFunctions;
import io.rustydb.sql.exec.SessionControl;
import org.apache.calcite.DataContext;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL's server signalling functions: {@code pg_backend_pid()} (the session id, as in
 * {@code v$session} and the REST API), {@code pg_cancel_backend(pid)} (cancels that session's
 * running statement, as the protocol's CancelRequest does) and {@code pg_terminate_backend(pid)}
 * (ends its connection: FATAL 57P01, transaction rolled back, as {@code ALTER SYSTEM KILL SESSION}).
 * The last two return true once the session was told, and, as PostgreSQL, false with a WARNING
 * when no session has that id; null for a null pid. Volatile: evaluated on every call.
 */
public final class BackendFunctions {
    private static final SqlOperatorTable TABLE = SqlOperatorTables.of(
            VolatileFunctions.operator(BackendFunctions.class, "pg_backend_pid", SqlTypeName.INTEGER, true),
            VolatileFunctions.operator(BackendFunctions.class, "pg_cancel_backend", SqlTypeName.BOOLEAN, true,
                    SqlTypeName.INTEGER),
            VolatileFunctions.operator(BackendFunctions.class, "pg_terminate_backend", SqlTypeName.BOOLEAN, true,
                    SqlTypeName.INTEGER));

    private BackendFunctions() {
    }

    /** The operators to chain into the planner's operator table. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    // Runtime entry points called by the generated code.

    public static Integer pg_backend_pid(DataContext root) {
        SessionControl session = (SessionControl) root.get(ExecutionContext.SESSION);
        return session == null ? null : session.sessionId();
    }

    public static Boolean pg_cancel_backend(DataContext root, Object pid) {
        if (pid == null) {
            return null;
        }
        int target = ((Number) pid).intValue();
        return told(root, target, admin(root).cancel(target));
    }

    public static Boolean pg_terminate_backend(DataContext root, Object pid) {
        if (pid == null) {
            return null;
        }
        int target = ((Number) pid).intValue();
        return told(root, target, admin(root).terminate(target));
    }

    private static boolean told(DataContext root, int target, boolean found) {
        if (!found) {
            SessionControl session = (SessionControl) root.get(ExecutionContext.SESSION);
            if (session != null) {
                session.notice("WARNING", "01000", "PID " + target + " is not a PostgreSQL backend process");
            }
        }
        return found;
    }

    private static SessionAdmin admin(DataContext root) {
        Administration administration = (Administration) root.get(ExecutionContext.ADMINISTRATION);
        if (administration == null) {
            throw new IllegalStateException("no administration in this execution context");
        }
        return administration.sessions();
    }
}
