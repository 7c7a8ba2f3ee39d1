package io.rustydb.sql.stats;

import io.rustydb.monitoring.statements.ExecutionSample;
import io.rustydb.monitoring.statements.PlanNode;
import io.rustydb.monitoring.statements.QueryProfile;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.monitoring.statements.StatementStatsSettings;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.ThreadIo;
import io.rustydb.sql.exec.ExplainAnalyze;
import io.rustydb.sql.exec.StatementPlan;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine does for each statement execution besides running it: measure it (a
 * {@link StatementMeter} per session), record it into the node's {@link SqlStatistics}, profile
 * it when its statistics entry says a profile is due, and write the slow-query log. Thread-safe;
 * one per engine.
 */
public final class StatementMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(StatementMonitor.class);

    private final SqlStatistics store;
    private final ThreadIo io;
    private final boolean slowLog;
    private final long slowNanos;
    private final boolean slowLogPlan;

    /**
     * @param store the node's statement statistics (a disabled store still carries the slow-query
     *     log's settings)
     * @param storage the storage whose per-thread block read counters are read, or null for none
     */
    public StatementMonitor(SqlStatistics store, StorageEngine storage) {
        this.store = store;
        this.io = store.enabled() && storage != null ? new ThreadIo(storage) : null;
        StatementStatsSettings settings = store.settings();
        this.slowLog = settings.slowQueryLog();
        this.slowNanos = TimeUnit.MILLISECONDS.toNanos(settings.slowQueryThresholdMs());
        this.slowLogPlan = settings.slowQueryLogPlan();
    }

    /** No statistics, no slow-query log (an engine started without a node's configuration). */
    public static StatementMonitor disabled() {
        StatementStatsSettings defaults = StatementStatsSettings.defaults();
        return new StatementMonitor(SqlStatistics.disabled(new StatementStatsSettings(defaults.maxStatements(),
                defaults.profileInterval(), false, defaults.slowQueryThresholdMs(), false, false)), null);
    }

    public SqlStatistics store() {
        return store;
    }

    /** Whether executions are measured at all (statistics or the slow-query log are on). */
    public boolean measuring() {
        return store.enabled() || slowLog;
    }

    /** A meter for one session. */
    public StatementMeter meter() {
        return new StatementMeter(io, store.settings().cpuTime());
    }

    /**
     * Before an execution of {@code plan} starts: clears {@code execution}, finds the statement's
     * entry and, if a profile is due, prepares the profiled run (compiling an instrumented plan
     * where the plan has operators to instrument). A profile that cannot be prepared is given up,
     * never the statement.
     */
    public void starting(StatementExecution execution, String sqlId, String normalizedText, StatementPlan plan,
            long catalogVersion) {
        ExecutionSample sample = execution.sample();
        sample.reset();
        sample.startMillis = System.currentTimeMillis();
        execution.sqlId = sqlId;
        execution.text = normalizedText;
        execution.run = null;
        execution.profiling = false;
        execution.entry = store.entry(sqlId, normalizedText, sample.startMillis);
        if (execution.entry == null || !execution.entry.claimProfile(System.nanoTime(), catalogVersion)) {
            return;
        }
        try {
            execution.run = plan.instrument();
            execution.profiling = true;
            if (execution.run == null) {
                ExplainAnalyze.beginStep();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot profile statement {}: {}", sqlId, e.toString());
            execution.entry.profileAbandoned();
        }
    }

    /**
     * The execution completed: records it, keeps its profile if it was profiled, and logs it if it
     * was slow.
     *
     * @param rowsAffected rows the statement wrote (from its command tag), 0 for a statement that writes none
     */
    public void completed(StatementExecution execution, StatementPlan plan, long elapsedNanos, long rowsAffected) {
        ExecutionSample sample = execution.sample();
        sample.elapsedNanos = elapsedNanos;
        sample.rowsAffected = rowsAffected;
        PlanNode measured = null;
        SqlStatistics.Entry entry = current(execution);
        if (entry != null) {
            entry.record(sample);
            if (execution.profiling) {
                measured = profile(execution, plan);
                if (measured != null) {
                    entry.profiled(QueryProfile.of(entry.sqlId(), entry.text(), measured, sample));
                } else {
                    entry.profileAbandoned();
                }
            }
        }
        if (slowLog && elapsedNanos > slowNanos) {
            SlowQueryLog.log(execution.sqlId, execution.text, sample, plan.modifiesData(),
                    slowLogPlan ? (measured != null ? measured : plan.planTree()) : null, plan.indexSuggestion());
        }
        execution.run = null;
    }

    /**
     * The execution failed after it started running ({@code elapsedNanos}): recorded as an error,
     * logged if slow; its profile is given up.
     */
    public void failed(StatementExecution execution, StatementPlan plan, long elapsedNanos) {
        ExecutionSample sample = execution.sample();
        sample.elapsedNanos = elapsedNanos;
        sample.failed = true;
        SqlStatistics.Entry entry = current(execution);
        if (entry != null) {
            entry.record(sample);
            if (execution.profiling) {
                entry.profileAbandoned();
            }
        }
        if (slowLog && elapsedNanos > slowNanos) {
            SlowQueryLog.log(execution.sqlId, execution.text, sample, plan.modifiesData(),
                    slowLogPlan ? plan.planTree() : null, plan.indexSuggestion());
        }
        execution.run = null;
    }

    /** The execution never ran (it failed before, or was re-planned): a profile claimed for it is given up. */
    public void notRun(StatementExecution execution) {
        if (execution.profiling && execution.entry != null) {
            execution.entry.profileAbandoned();
        }
        execution.profiling = false;
        execution.run = null;
    }

    /** The execution's entry, looked up again if the store evicted it while the statement ran. */
    private SqlStatistics.Entry current(StatementExecution execution) {
        SqlStatistics.Entry entry = execution.entry;
        if (entry != null && entry.evicted()) {
            entry = store.entry(execution.sqlId, execution.text, execution.sample().startMillis);
            execution.entry = entry;
        }
        return entry;
    }

    private static PlanNode profile(StatementExecution execution, StatementPlan plan) {
        try {
            if (execution.run != null) {
                return execution.run.measured();
            }
            ExecutionSample s = execution.sample();
            return ExplainAnalyze.measuredStep(plan.planTree(),
                    plan.modifiesData() ? s.rowsAffected : s.rowsReturned, s.elapsedNanos);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the profile of a statement: {}", e.toString());
            return null;
        }
    }
}
