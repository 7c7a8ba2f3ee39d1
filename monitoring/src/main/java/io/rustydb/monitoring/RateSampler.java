package io.rustydb.monitoring;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import kamon.metric.Gauge;
import kamon.metric.Metric;
import kamon.tag.TagSet;

/**
 * The per-second gauges: the growth of a counter over the rate window divided by the window's
 * measured length. It reads the counters as the store has summed them from Kamon's snapshots, so
 * the rate and the counter agree; a gauge appears once a full window has been seen.
 */
final class RateSampler implements MetricSource {
    private final MetricStore store;
    private final long windowNanos;
    private final Rate[] rates;

    RateSampler(MetricStore store, Duration window) {
        this.store = store;
        this.windowNanos = window.toNanos();
        this.rates = new Rate[] {
            new Rate("rustydb_queries_total", TagSet.Empty(), BuiltinMetrics.QUERIES_PER_SECOND),
            new Rate("rustydb_transactions_total", TagSet.of("status", "committed"),
                    BuiltinMetrics.TRANSACTIONS_PER_SECOND),
            new Rate("rustydb_disk_reads_total", TagSet.Empty(), BuiltinMetrics.DISK_READS_PER_SECOND),
            new Rate("rustydb_disk_writes_total", TagSet.Empty(), BuiltinMetrics.DISK_WRITES_PER_SECOND),
        };
    }

    @Override
    public void sample() {
        long now = System.nanoTime();
        for (Rate r : rates) {
            r.sample(now);
        }
    }

    private final class Rate {
        private final String counter;
        private final TagSet tags;
        private final Metric.Gauge metric;
        private final ArrayDeque<long[]> history = new ArrayDeque<>();
        private Gauge gauge;

        Rate(String counter, TagSet tags, Metric.Gauge metric) {
            this.counter = counter;
            this.tags = tags;
            this.metric = metric;
        }

        void sample(long now) {
            long value = store.counter(counter, tags);
            if (value < 0) {
                value = 0;
            }
            history.addLast(new long[] {now, value});
            // keep the newest sample at least a window old as the start of the window
            while (history.size() > 2) {
                Iterator<long[]> it = history.iterator();
                it.next();
                long[] second = it.next();
                if (now - second[0] >= windowNanos) {
                    history.removeFirst();
                } else {
                    break;
                }
            }
            long[] first = history.peekFirst();
            if (now - first[0] < windowNanos) {
                return;
            }
            if (gauge == null) {
                gauge = metric.withoutTags();
            }
            gauge.update((value - first[1]) * 1e9 / (now - first[0]));
        }
    }
}
