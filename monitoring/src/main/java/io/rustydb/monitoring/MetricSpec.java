package io.rustydb.monitoring;

/**
 * How a Kamon metric is exported: its Prometheus name, type and help, the factor that turns the
 * recorded values into the exported unit, the histogram bucket bounds (in the exported unit) and,
 * for histograms, the Kamon counter that holds their exact sum (Kamon's own sum is rebuilt from its
 * buckets and so is approximate).
 *
 * @param name exported name
 * @param type exported type
 * @param help {@code # HELP} text
 * @param factor exported value = recorded value * factor
 * @param buckets upper bounds of the histogram buckets, ascending, in the exported unit; empty otherwise
 * @param sumCounter Kamon name of the counter holding a histogram's sum, or null to use Kamon's sum
 * @param sumFactor exported sum = that counter's value * sumFactor
 */
public record MetricSpec(String name, MetricType type, String help, double factor, double[] buckets,
        String sumCounter, double sumFactor) {

    static MetricSpec counter(String name, String help) {
        return new MetricSpec(name, MetricType.COUNTER, help, 1, new double[0], null, 1);
    }

    static MetricSpec gauge(String name, String help) {
        return new MetricSpec(name, MetricType.GAUGE, help, 1, new double[0], null, 1);
    }

    static MetricSpec histogram(String name, String help, double factor, double[] buckets, String sumCounter,
            double sumFactor) {
        return new MetricSpec(name, MetricType.HISTOGRAM, help, factor, buckets.clone(), sumCounter, sumFactor);
    }
}
