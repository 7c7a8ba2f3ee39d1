package io.rustydb.monitoring;

import java.util.List;
import java.util.Map;

/**
 * One time series of a metric: its labels and value. For a histogram, {@code value} is the number
 * of observations and {@code histogram} holds the buckets, sum and quantiles; it is null otherwise.
 */
public record MetricSample(Map<String, String> labels, double value, Histogram histogram) {

    /**
     * A histogram's state since the node started.
     *
     * @param count observations
     * @param sum sum of the observed values
     * @param buckets cumulative counts per upper bound, ascending (the implicit +Inf bucket is {@code count})
     * @param p50 median, NaN without observations (Kamon's HdrHistogram, 3 significant digits)
     * @param p95 95th percentile, likewise
     * @param p99 99th percentile, likewise
     */
    public record Histogram(long count, double sum, List<Bucket> buckets, double p50, double p95, double p99) {
    }

    /** Observations less than or equal to {@code upperBound}. */
    public record Bucket(double upperBound, long cumulativeCount) {
    }
}
