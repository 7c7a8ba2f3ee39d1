package io.rustydb.sampling.ash;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.common.session.WaitTotals;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemView.Column;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code v$active_session_history} (the ring buffer, Oracle's columns), {@code v$system_wait_events}
 * (every wait finished on the node since startup) and {@code v$session_event} (the same per live
 * session). Wait times there are measured around each wait, not estimated from samples.
 */
public final class AshViews implements SystemViewProvider {
    private final ActiveSessionHistory history;
    private final WaitTotals totals;
    private final Supplier<Collection<SessionState>> sessions;

    public AshViews(ActiveSessionHistory history, WaitTotals totals, Supplier<Collection<SessionState>> sessions) {
        this.history = history;
        this.totals = totals;
        this.sessions = sessions;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(
                SystemView.of("v$active_session_history", List.of(
                        new Column("sample_id", DataType.BIGINT),
                        new Column("sample_time", DataType.TIMESTAMP),
                        new Column("sample_weight_ms", DataType.BIGINT),
                        new Column("session_id", DataType.INTEGER),
                        new Column("session_serial#", DataType.BIGINT),
                        new Column("user_name", DataType.VARCHAR),
                        new Column("program", DataType.VARCHAR),
                        new Column("machine", DataType.VARCHAR),
                        new Column("sql_id", DataType.VARCHAR),
                        new Column("sql_text", DataType.TEXT),
                        new Column("sql_exec_id", DataType.BIGINT),
                        new Column("sql_plan_hash_value", DataType.BIGINT),
                        new Column("session_state", DataType.VARCHAR),
                        new Column("wait_class", DataType.VARCHAR),
                        new Column("event", DataType.VARCHAR),
                        new Column("time_waited", DataType.BIGINT),
                        new Column("blocking_session", DataType.INTEGER),
                        new Column("current_obj", DataType.VARCHAR),
                        new Column("tablespace_name", DataType.VARCHAR),
                        new Column("cpu_time_ms", DataType.DOUBLE),
                        new Column("db_time_ms", DataType.DOUBLE)), this::samples),
                SystemView.of("v$system_wait_events", List.of(
                        new Column("wait_class", DataType.VARCHAR),
                        new Column("wait_event", DataType.VARCHAR),
                        new Column("wait_count", DataType.BIGINT),
                        new Column("timeouts", DataType.BIGINT),
                        new Column("total_wait_time_ms", DataType.DOUBLE),
                        new Column("avg_wait_time_ms", DataType.DOUBLE)), this::systemEvents),
                SystemView.of("v$session_event", List.of(
                        new Column("session_id", DataType.INTEGER),
                        new Column("wait_class", DataType.VARCHAR),
                        new Column("event", DataType.VARCHAR),
                        new Column("total_waits", DataType.BIGINT),
                        new Column("time_waited_ms", DataType.DOUBLE),
                        new Column("average_wait_ms", DataType.DOUBLE),
                        new Column("max_wait_ms", DataType.DOUBLE)), this::sessionEvents));
    }

    private List<Object[]> samples() {
        List<Object[]> rows = new ArrayList<>();
        for (AshSample s : history.buffer().select(x -> true)) {
            rows.add(new Object[] {s.sampleId(), s.sampleTimeMillis(), s.weightMillis(), s.sessionId(),
                    s.sessionSerial(), s.user(), s.program(), s.clientAddress(), s.sqlId(), s.sqlText(),
                    s.sqlExecId(), s.planHash() == 0 ? null : s.planHash(), s.sessionState(), s.waitClass().label(),
                    s.waitEvent() == null ? null : s.waitEvent().label(),
                    s.onCpu() ? 0L : s.timeWaitedMicros(),
                    s.blockingSession() == 0 ? null : s.blockingSession(), s.currentObject(), s.tablespace(),
                    s.cpuNanos() < 0 ? null : s.cpuNanos() / 1e6, s.dbNanos() < 0 ? null : s.dbNanos() / 1e6});
        }
        return rows;
    }

    private List<Object[]> systemEvents() {
        List<Object[]> rows = new ArrayList<>();
        for (WaitEvent e : WaitEvent.values()) {
            long count = totals.count(e);
            double millis = totals.nanos(e) / 1e6;
            rows.add(new Object[] {e.waitClass().label(), e.label(), count, totals.timeouts(e), millis,
                    count == 0 ? null : millis / count});
        }
        return rows;
    }

    private List<Object[]> sessionEvents() {
        List<Object[]> rows = new ArrayList<>();
        for (SessionState s : sessions.get()) {
            for (WaitEvent e : WaitEvent.values()) {
                long count = s.waitCount(e);
                if (count > 0) {
                    double millis = s.waitNanos(e) / 1e6;
                    rows.add(new Object[] {s.sessionId(), e.waitClass().label(), e.label(), count, millis,
                            millis / count, s.maxWaitNanos(e) / 1e6});
                }
            }
        }
        return rows;
    }
}
