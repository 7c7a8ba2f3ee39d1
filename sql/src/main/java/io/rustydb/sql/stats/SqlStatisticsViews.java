package io.rustydb.sql.stats;

import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.statements.SqlStatSnapshot;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.sql.sysview.SystemView;
import io.rustydb.sql.sysview.SystemViewProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code v$sql_statistics} and {@code v$sql} (the same rows under Oracle's name): one row per
 * statement the node keeps statistics for; and {@code v$sql_statistics_info}: how many it keeps,
 * its maximum and how many it evicted. Times are numeric milliseconds to the microsecond (so that
 * {@code ROUND(avg_time_ms, 2)} works as in the guides), timestamps UTC.
 */
public final class SqlStatisticsViews implements SystemViewProvider {
    private static final List<SystemView.Column> COLUMNS = List.of(
            new SystemView.Column("sql_id", DataType.VARCHAR),
            new SystemView.Column("sql_text", DataType.TEXT),
            new SystemView.Column("executions", DataType.BIGINT),
            new SystemView.Column("errors", DataType.BIGINT),
            new SystemView.Column("total_time_ms", DataType.NUMERIC),
            new SystemView.Column("avg_time_ms", DataType.NUMERIC),
            new SystemView.Column("min_time_ms", DataType.NUMERIC),
            new SystemView.Column("max_time_ms", DataType.NUMERIC),
            new SystemView.Column("p50_time_ms", DataType.NUMERIC),
            new SystemView.Column("p95_time_ms", DataType.NUMERIC),
            new SystemView.Column("p99_time_ms", DataType.NUMERIC),
            new SystemView.Column("rows_returned", DataType.BIGINT),
            new SystemView.Column("rows_affected", DataType.BIGINT),
            new SystemView.Column("rows_examined", DataType.BIGINT),
            new SystemView.Column("cache_hits", DataType.BIGINT),
            new SystemView.Column("cache_misses", DataType.BIGINT),
            new SystemView.Column("bytes_read", DataType.BIGINT),
            new SystemView.Column("lock_time_ms", DataType.NUMERIC),
            new SystemView.Column("lock_waits", DataType.BIGINT),
            new SystemView.Column("commit_time_ms", DataType.NUMERIC),
            new SystemView.Column("first_seen", DataType.TIMESTAMP),
            new SystemView.Column("last_seen", DataType.TIMESTAMP),
            new SystemView.Column("last_profiled", DataType.TIMESTAMP));

    private final SqlStatistics store;

    public SqlStatisticsViews(SqlStatistics store) {
        this.store = store;
    }

    @Override
    public List<SystemView> systemViews() {
        return List.of(SystemView.of("v$sql_statistics", COLUMNS, this::rows),
                SystemView.of("v$sql", COLUMNS, this::rows),
                SystemView.of("v$sql_statistics_info", List.of(
                        new SystemView.Column("statements", DataType.BIGINT),
                        new SystemView.Column("max_statements", DataType.BIGINT),
                        new SystemView.Column("evictions", DataType.BIGINT),
                        new SystemView.Column("enabled", DataType.BOOLEAN)),
                        () -> List.<Object[]>of(new Object[] {(long) store.size(),
                                (long) store.settings().maxStatements(), store.evictions(), store.enabled()})));
    }

    private List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (SqlStatSnapshot s : store.snapshot()) {
            rows.add(new Object[] {s.sqlId(), s.sqlText(), s.executions(), s.errors(), ms(s.totalTimeMs()),
                    ms(s.avgTimeMs()), ms(s.minTimeMs()), ms(s.maxTimeMs()), ms(s.p50TimeMs()), ms(s.p95TimeMs()),
                    ms(s.p99TimeMs()), s.rowsReturned(), s.rowsAffected(), s.rowsExamined(), s.cacheHits(),
                    s.cacheMisses(), s.bytesRead(), ms(s.lockTimeMs()), s.lockWaits(), ms(s.commitTimeMs()),
                    s.firstSeenMillis(), s.lastSeenMillis(), s.lastProfiledMillis() == 0 ? null : s.lastProfiledMillis()});
        }
        return rows;
    }

    /** Milliseconds to the microsecond; null for NaN (nothing timed yet). */
    private static BigDecimal ms(double millis) {
        return Double.isNaN(millis) ? null : BigDecimal.valueOf(millis).setScale(3, RoundingMode.HALF_UP);
    }
}
