import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.monitoring.statements.SqlStatistics;
import io.rustydb.monitoring.statements.StatementStatsSettings;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.StatementPlan;
import io.rustydb.sql.stats.StatementExecution;
import io.rustydb.sql.stats.StatementMeter;
import io.rustydb.sql.stats.StatementMonitor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-statement cost of RustyDB's metrics and statement statistics in isolation: what one
 * autocommit statement adds on the session's thread, on THREADS threads at once so that the
 * instruments are contended as under pgbench (every thread runs the same statement, as pgbench
 * select-only does), against the same loop with both disabled. Three variants:
 * <ul>
 *   <li>off: metrics and statement statistics disabled (rustydb.monitoring.metrics_enabled = false);</li>
 *   <li>metrics: two System.nanoTime() calls, the query counter, the duration histogram and its
 *       sum counter, the commit counter;</li>
 *   <li>metrics + statements: also what DefaultSqlSession does for the statement store: the
 *       portal's measuring state, the entry lookup by sql_id and the profile check, the thread's
 *       counters and RocksDB PerfContext read before and after (6 JNI calls), the row counting,
 *       and the record into the entry (its monitor, counters and HdrHistogram).</li>
 * </ul>
 * Measured in CPU time of the looping threads, so that other load on the machine inflates it less
 * than wall time. Run by bench/metrics-hot-path.sh.
 */
public final class QueryMetricsCost {
    private static volatile long sink;

    /** A plan that does nothing: the loop measures the instruments, not a statement. */
    private static final StatementPlan PLAN = new StatementPlan() {
        @Override
        public List<ResultColumn> columns() {
            return List.of();
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }

        @Override
        public Execution start(StatementContext context, List<Object> parameters) {
            throw new UnsupportedOperationException();
        }
    };

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "2"));
        long iterations = Long.parseLong(System.getenv().getOrDefault("ITERATIONS", "20000000"));
        Path dir = Files.createTempDirectory("rustydb-hot-path");
        try (StorageEngine storage = StorageEngine.open(new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF,
                Duration.ofSeconds(5)))) {
            QueryMetrics enabled = QueryMetrics.enabled();
            StatementMonitor statements = new StatementMonitor(SqlStatistics.create(StatementStatsSettings.defaults()),
                    storage);
            StatementMonitor none = StatementMonitor.disabled();
            for (int round = 1; round <= 3; round++) {
                double all = run(enabled, statements, threads, iterations);
                double metrics = run(enabled, none, threads, iterations);
                double off = run(QueryMetrics.DISABLED, none, threads, iterations);
                System.out.printf("round %d: off %.1f, metrics %.1f (+%.1f), metrics + statements %.1f (+%.1f)"
                        + " ns CPU/statement%n", round, off, metrics, metrics - off, all, all - off);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Nanoseconds of CPU time per statement, averaged over the threads. */
    private static double run(QueryMetrics metrics, StatementMonitor monitor, int threads, long iterations)
            throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                StatementMeter meter = monitor.meter();
                boolean measuring = monitor.measuring();
                long local = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (long i = 0; i < iterations; i++) {
                    StatementExecution execution = new StatementExecution(); // one per portal
                    if (measuring) {
                        monitor.starting(execution, "30xgcgf59b5yq",
                                "select abalance from pgbench_accounts where aid = $1", PLAN, 1);
                        meter.enter(execution.profiling());
                    }
                    long begin = System.nanoTime();
                    local += begin & 1;
                    if (measuring) {
                        execution.sample().rowsReturned += 1;
                        meter.exit(execution.sample());
                    }
                    long elapsed = System.nanoTime() - begin + 40_000;
                    metrics.completed(elapsed);
                    metrics.committed(40_000);
                    if (measuring) {
                        monitor.completed(execution, PLAN, elapsed, 0);
                    }
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                sink += local;
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        return cpu.get() / (double) iterations / threads;
    }
}
