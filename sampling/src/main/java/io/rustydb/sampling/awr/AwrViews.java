package io.rustydb.sampling.awr;

import io.rustydb.common.types.DataType;
import io.rustydb.sampling.ash.AshSample;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemView.Column;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWR's views, named as Oracle's: {@code dba_hist_snapshot}, {@code dba_hist_sqlstat} (the
 * {@code _delta} columns are the snapshot's interval, {@code _total} cumulative),
 * {@code dba_hist_active_sess_history} (the samples kept with the snapshots),
 * {@code dba_hist_system_event} (cumulative wait totals at each snapshot) and
 * {@code dba_hist_baseline}.
 */
public final class AwrViews implements SystemViewProvider {
    private final AwrService awr;

    public AwrViews(AwrService awr) {
        this.awr = awr;
    }

    private AwrState state() {
        try {
            return awr.state().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the AWR", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the AWR did not answer: " + e, e);
        }
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(
                SystemView.of("dba_hist_snapshot", List.of(
                        new Column("snap_id", DataType.BIGINT),
                        new Column("instance_name", DataType.VARCHAR),
                        new Column("startup_time", DataType.TIMESTAMP),
                        new Column("begin_interval_time", DataType.TIMESTAMP),
                        new Column("end_interval_time", DataType.TIMESTAMP),
                        new Column("snap_trigger", DataType.VARCHAR),
                        new Column("version", DataType.VARCHAR),
                        new Column("queries", DataType.BIGINT),
                        new Column("commits", DataType.BIGINT),
                        new Column("rollbacks", DataType.BIGINT),
                        new Column("deadlocks", DataType.BIGINT),
                        new Column("db_time_ms", DataType.DOUBLE),
                        new Column("sessions", DataType.INTEGER),
                        new Column("ash_samples", DataType.INTEGER),
                        new Column("in_baseline", DataType.BOOLEAN)), this::snapshots),
                SystemView.of("dba_hist_sqlstat", List.of(
                        new Column("snap_id", DataType.BIGINT),
                        new Column("sql_id", DataType.VARCHAR),
                        new Column("executions_delta", DataType.BIGINT),
                        new Column("executions_total", DataType.BIGINT),
                        new Column("elapsed_time_delta_ms", DataType.DOUBLE),
                        new Column("elapsed_time_total_ms", DataType.DOUBLE),
                        new Column("cpu_time_delta_ms", DataType.DOUBLE),
                        new Column("iowait_delta_ms", DataType.DOUBLE),
                        new Column("buffer_gets_delta", DataType.BIGINT),
                        new Column("disk_reads_delta", DataType.BIGINT),
                        new Column("rows_processed_delta", DataType.BIGINT),
                        new Column("rows_examined_delta", DataType.BIGINT),
                        new Column("errors_delta", DataType.BIGINT),
                        new Column("sql_text", DataType.TEXT)), this::sqlstat),
                SystemView.of("dba_hist_active_sess_history", List.of(
                        new Column("snap_id", DataType.BIGINT),
                        new Column("sample_id", DataType.BIGINT),
                        new Column("sample_time", DataType.TIMESTAMP),
                        new Column("sample_weight_ms", DataType.BIGINT),
                        new Column("session_id", DataType.INTEGER),
                        new Column("user_name", DataType.VARCHAR),
                        new Column("program", DataType.VARCHAR),
                        new Column("sql_id", DataType.VARCHAR),
                        new Column("session_state", DataType.VARCHAR),
                        new Column("wait_class", DataType.VARCHAR),
                        new Column("event", DataType.VARCHAR),
                        new Column("blocking_session", DataType.INTEGER),
                        new Column("current_obj", DataType.VARCHAR)), this::ash),
                SystemView.of("dba_hist_system_event", List.of(
                        new Column("snap_id", DataType.BIGINT),
                        new Column("wait_class", DataType.VARCHAR),
                        new Column("event_name", DataType.VARCHAR),
                        new Column("total_waits", DataType.BIGINT),
                        new Column("total_timeouts", DataType.BIGINT),
                        new Column("time_waited_ms", DataType.DOUBLE)), this::systemEvents),
                SystemView.of("dba_hist_baseline", List.of(
                        new Column("baseline_name", DataType.VARCHAR),
                        new Column("baseline_type", DataType.VARCHAR),
                        new Column("start_snap_id", DataType.BIGINT),
                        new Column("end_snap_id", DataType.BIGINT),
                        new Column("description", DataType.TEXT),
                        new Column("creation_time", DataType.TIMESTAMP),
                        new Column("expiration_time", DataType.TIMESTAMP)), this::baselines));
    }

    private List<Object[]> snapshots() {
        AwrState state = state();
        List<Object[]> rows = new ArrayList<>();
        for (AwrSnapshot s : state.snapshots()) {
            rows.add(new Object[] {s.snapshotId(), s.instance(), s.startupMillis(), s.beginMillis(), s.endMillis(),
                    s.trigger(), s.version(), s.system().queries(), s.system().commits(), s.system().rollbacks(),
                    s.system().deadlocks(), s.system().dbTimeNanos() / 1e6, s.system().sessions(), s.ash().size(),
                    state.inBaseline(s.snapshotId())});
        }
        return rows;
    }

    private List<Object[]> sqlstat() {
        List<Object[]> rows = new ArrayList<>();
        for (AwrSnapshot s : state().snapshots()) {
            for (AwrSnapshot.SqlStat q : s.sql()) {
                rows.add(new Object[] {s.snapshotId(), q.sqlId(), q.executions(), q.executionsTotal(),
                        q.elapsedNanos() / 1e6, q.elapsedNanosTotal() / 1e6, q.cpuNanos() < 0 ? null : q.cpuNanos() / 1e6,
                        q.ioWaitNanos() < 0 ? null : q.ioWaitNanos() / 1e6, q.bufferGets(), q.physicalReads(),
                        q.rowsReturned() + q.rowsAffected(), q.rowsExamined(), q.errors(), q.sqlText()});
            }
        }
        return rows;
    }

    private List<Object[]> ash() {
        List<Object[]> rows = new ArrayList<>();
        for (AwrSnapshot s : state().snapshots()) {
            for (AshSample a : s.ash()) {
                rows.add(new Object[] {s.snapshotId(), a.sampleId(), a.sampleTimeMillis(), a.weightMillis(),
                        a.sessionId(), a.user(), a.program(), a.sqlId(), a.sessionState(), a.waitClass().label(),
                        a.waitEvent() == null ? null : a.waitEvent().label(),
                        a.blockingSession() == 0 ? null : a.blockingSession(), a.currentObject()});
            }
        }
        return rows;
    }

    private List<Object[]> systemEvents() {
        List<Object[]> rows = new ArrayList<>();
        for (AwrSnapshot s : state().snapshots()) {
            for (AwrSnapshot.WaitStat w : s.waits()) {
                rows.add(new Object[] {s.snapshotId(), w.waitClass(), w.event(), w.waits(), w.timeouts(),
                        w.waitNanos() / 1e6});
            }
        }
        return rows;
    }

    private List<Object[]> baselines() {
        List<Object[]> rows = new ArrayList<>();
        for (Baseline b : state().baselines().values()) {
            rows.add(new Object[] {b.name(), b.type(), b.startSnapshotId(), b.endSnapshotId(), b.description(),
                    b.createdMillis(), b.expiresMillis()});
        }
        return rows;
    }
}
