package io.rustydb.monitoring.statements;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Settings of the statement statistics, the query profiler and the slow-query log.
 *
 * @param maxStatements {@code rustydb.monitoring.sql_statistics_max}: statements kept; beyond it the
 *     least recently seen go
 * @param profileInterval {@code rustydb.monitoring.sql_profile_interval}: a statement's execution is
 *     profiled (plan instrumented per operator) the first time it runs, after a catalog change, and
 *     then at most once per this interval; zero profiles every execution
 * @param slowQueryLog {@code rustydb.logging.slow_query_log}: log statements slower than the threshold
 * @param slowQueryThresholdMs {@code rustydb.logging.slow_query_threshold_ms}: the slow-query threshold,
 *     also what {@code /api/v1/stats/queries} calls slow
 * @param slowQueryLogPlan {@code rustydb.logging.slow_query_log_plan}: include the plan in the log entry
 * @param cpuTime {@code rustydb.monitoring.sql_cpu_time}: measure every execution's CPU time (one
 *     read of the thread's CPU clock per call, a system call); profiled executions always are
 */
public record StatementStatsSettings(int maxStatements, Duration profileInterval, boolean slowQueryLog,
        long slowQueryThresholdMs, boolean slowQueryLogPlan, boolean cpuTime) {

    /** Validates the values; a bad one is an {@link IllegalArgumentException} naming its key. */
    public StatementStatsSettings {
        if (maxStatements < 1) {
            throw new IllegalArgumentException("rustydb.monitoring.sql_statistics_max must be at least 1: "
                    + maxStatements);
        }
        if (profileInterval.isNegative()) {
            throw new IllegalArgumentException("rustydb.monitoring.sql_profile_interval must not be negative: "
                    + profileInterval);
        }
        if (slowQueryThresholdMs < 0) {
            throw new IllegalArgumentException("rustydb.logging.slow_query_threshold_ms must not be negative: "
                    + slowQueryThresholdMs);
        }
    }

    /** Reads the settings from a resolved config that includes this module's reference.conf. */
    public static StatementStatsSettings create(Config config) {
        return new StatementStatsSettings(config.getInt("rustydb.monitoring.sql_statistics_max"),
                config.getDuration("rustydb.monitoring.sql_profile_interval"),
                config.getBoolean("rustydb.logging.slow_query_log"),
                config.getLong("rustydb.logging.slow_query_threshold_ms"),
                config.getBoolean("rustydb.logging.slow_query_log_plan"),
                config.getBoolean("rustydb.monitoring.sql_cpu_time"));
    }

    /** The defaults of reference.conf, for engines started without a node configuration (tests, tools). */
    public static StatementStatsSettings defaults() {
        return new StatementStatsSettings(1000, Duration.ofSeconds(60), true, 1000, true, false);
    }
}
