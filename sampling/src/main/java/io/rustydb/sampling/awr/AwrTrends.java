package io.rustydb.sampling.awr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * A metric over time: one data point per snapshot interval (the metric between a snapshot and the
 * one before it; a restart in between counts from the restart), with their min, max, mean and
 * population standard deviation.
 */
public final class AwrTrends {
    private static final Map<String, ToDoubleBiFunction<AwrSnapshot, AwrSnapshot>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("queries_per_second", (p, q) -> perSecond(p, q, delta(p, q, s -> s.system().queries())));
        METRICS.put("transactions_per_second", (p, q) -> perSecond(p, q,
                delta(p, q, s -> s.system().commits()) + delta(p, q, s -> s.system().rollbacks())));
        METRICS.put("commits_per_second", (p, q) -> perSecond(p, q, delta(p, q, s -> s.system().commits())));
        METRICS.put("rollbacks_per_second", (p, q) -> perSecond(p, q, delta(p, q, s -> s.system().rollbacks())));
        METRICS.put("errors_per_second", (p, q) -> perSecond(p, q, delta(p, q, s -> s.system().queryErrors())));
        METRICS.put("db_time_ms_per_second", (p, q) -> perSecond(p, q, delta(p, q, s -> s.system().dbTimeNanos()) / 1e6));
        METRICS.put("avg_query_time_ms", (p, q) -> {
            long n = delta(p, q, s -> s.system().queries());
            return n == 0 ? Double.NaN : delta(p, q, s -> s.system().dbTimeNanos()) / 1e6 / n;
        });
        METRICS.put("deadlocks", (p, q) -> delta(p, q, s -> s.system().deadlocks()));
        METRICS.put("logical_reads_per_second", (p, q) -> q.bufferPool() == null || p.bufferPool() == null ? Double.NaN
                : perSecond(p, q, delta(p, q, s -> s.bufferPool().hits() + s.bufferPool().misses())));
        METRICS.put("physical_reads_per_second", (p, q) -> q.bufferPool() == null || p.bufferPool() == null
                ? Double.NaN : perSecond(p, q, delta(p, q, s -> s.bufferPool().misses())));
        METRICS.put("buffer_pool_hit_ratio", (p, q) -> {
            if (q.bufferPool() == null || p.bufferPool() == null) {
                return Double.NaN;
            }
            long hits = delta(p, q, s -> s.bufferPool().hits());
            long all = hits + delta(p, q, s -> s.bufferPool().misses());
            return all == 0 ? Double.NaN : (double) hits / all;
        });
        METRICS.put("sessions", (p, q) -> q.system().sessions());
    }

    private AwrTrends() {
    }

    public record Point(String timestamp, double value, long snapshotId) {
    }

    public record Statistics(Double min, Double max, Double avg, Double stddev) {
    }

    public record TimeRange(String start, String end) {
    }

    public record Trend(String metric, TimeRange timeRange, List<Point> dataPoints, Statistics statistics) {
    }

    public static List<String> metrics() {
        return List.copyOf(METRICS.keySet());
    }

    /**
     * The trend of {@code metric} over the snapshots taken in the {@code days} before {@code nowMillis}.
     *
     * @throws AwrException INVALID for an unknown metric or a days value that is not positive
     */
    public static Trend of(List<AwrSnapshot> snapshots, String metric, double days, long nowMillis) {
        ToDoubleBiFunction<AwrSnapshot, AwrSnapshot> f = metric == null ? null : METRICS.get(metric);
        if (f == null) {
            throw AwrException.invalid("unknown metric '" + metric + "'; one of " + metrics());
        }
        if (!(days > 0) || days > 3650) {
            throw AwrException.invalid("days must be a number greater than 0 and at most 3650, got " + days);
        }
        long start = nowMillis - Math.round(days * 86_400_000);
        List<Point> points = new ArrayList<>();
        for (int i = 1; i < snapshots.size(); i++) {
            AwrSnapshot q = snapshots.get(i);
            if (q.endMillis() < start) {
                continue;
            }
            double v = f.applyAsDouble(snapshots.get(i - 1), q);
            if (!Double.isNaN(v)) {
                points.add(new Point(Instant.ofEpochMilli(q.endMillis()).toString(), round(v), q.snapshotId()));
            }
        }
        Statistics stats = new Statistics(null, null, null, null);
        if (!points.isEmpty()) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (Point p : points) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
                sum += p.value();
            }
            double avg = sum / points.size();
            double squares = 0;
            for (Point p : points) {
                squares += (p.value() - avg) * (p.value() - avg);
            }
            stats = new Statistics(round(min), round(max), round(avg), round(Math.sqrt(squares / points.size())));
        }
        return new Trend(metric, new TimeRange(Instant.ofEpochMilli(start).toString(),
                Instant.ofEpochMilli(nowMillis).toString()), points, stats);
    }

    private static long delta(AwrSnapshot p, AwrSnapshot q, java.util.function.ToLongFunction<AwrSnapshot> counter) {
        return Deltas.of(List.of(p, q), counter);
    }

    private static double perSecond(AwrSnapshot p, AwrSnapshot q, double value) {
        long ms = q.endMillis() - p.endMillis();
        return ms <= 0 ? Double.NaN : value * 1000.0 / ms;
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
