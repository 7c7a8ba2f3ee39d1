import io.rustydb.monitoring.QueryMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-statement cost of RustyDB's metrics in isolation: what one autocommit statement adds on
 * the session's thread (two System.nanoTime() calls, the query counter, the duration histogram and
 * its sum counter, the commit counter), on THREADS threads at once so that the instruments are
 * contended as under pgbench, against the same loop with the metrics disabled. Measured in CPU time
 * of the looping threads, so that other load on the machine inflates it less than wall time.
 * Run by bench/metrics-hot-path.sh.
 */
public final class QueryMetricsCost {
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "2"));
        long iterations = Long.parseLong(System.getenv().getOrDefault("ITERATIONS", "20000000"));
        QueryMetrics enabled = QueryMetrics.enabled();
        for (int round = 1; round <= 3; round++) {
            double on = run(enabled, threads, iterations);
            double off = run(QueryMetrics.DISABLED, threads, iterations);
            System.out.printf("round %d: metrics on %.1f ns CPU/statement, off %.1f ns CPU/statement, cost %.1f ns%n",
                    round, on, off, on - off);
        }
    }

    /** Nanoseconds of CPU time per statement, averaged over the threads. */
    private static double run(QueryMetrics metrics, int threads, long iterations) throws Exception {
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
                long local = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (long i = 0; i < iterations; i++) {
                    long begin = System.nanoTime();
                    local += begin & 1;
                    metrics.completed(System.nanoTime() - begin + 40_000);
                    metrics.committed(40_000);
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
