package io.rustydb.actors;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code v$session}: the node's open sessions, one row per client connection, with the same
 * fields as {@code GET /api/v1/sessions} (both read {@link SessionRegistry#snapshot()}).
 * Timestamps are UTC.
 */
public final class SessionViews implements SystemViewProvider {
    private final SessionRegistry registry;

    public SessionViews(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(SystemView.of("v$session", List.of(
                new SystemView.Column("session_id", DataType.INTEGER),
                new SystemView.Column("user_name", DataType.VARCHAR),
                new SystemView.Column("database", DataType.VARCHAR),
                new SystemView.Column("application_name", DataType.VARCHAR),
                new SystemView.Column("client_address", DataType.VARCHAR),
                new SystemView.Column("state", DataType.VARCHAR),
                new SystemView.Column("sql_id", DataType.VARCHAR),
                new SystemView.Column("current_query", DataType.TEXT),
                new SystemView.Column("connected_at", DataType.TIMESTAMP),
                new SystemView.Column("query_start", DataType.TIMESTAMP),
                new SystemView.Column("transaction_start", DataType.TIMESTAMP),
                new SystemView.Column("state_change", DataType.TIMESTAMP),
                new SystemView.Column("blocking_session", DataType.INTEGER),
                new SystemView.Column("wait_class", DataType.VARCHAR),
                new SystemView.Column("wait_event", DataType.VARCHAR),
                new SystemView.Column("wait_time_ms", DataType.BIGINT),
                new SystemView.Column("sql_plan_hash_value", DataType.BIGINT),
                new SystemView.Column("current_obj#", DataType.INTEGER),
                new SystemView.Column("current_object", DataType.VARCHAR),
                new SystemView.Column("tablespace", DataType.VARCHAR),
                new SystemView.Column("cpu_time_ms", DataType.DOUBLE),
                new SystemView.Column("db_time_ms", DataType.DOUBLE)), this::rows));
    }

    private List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (SessionSnapshot s : registry.snapshot()) {
            rows.add(new Object[] {s.sessionId(), s.userName(), s.database(), s.applicationName(), s.clientAddress(),
                s.state(), s.sqlId(), s.currentQuery(), millis(s.connectedAt()), millis(s.queryStart()),
                millis(s.transactionStart()), millis(s.stateChange()), s.blockingSession(), s.waitClassName(),
                s.waitEventName(), s.waitTimeMs(), s.planHash() == 0 ? null : s.planHash(),
                s.currentObjectId() == 0 ? null : s.currentObjectId(), s.currentObject(), s.tablespace(),
                s.cpuTimeMs(), s.dbTimeMs()});
        }
        return rows;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
