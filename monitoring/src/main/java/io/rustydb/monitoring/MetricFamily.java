package io.rustydb.monitoring;

import java.util.List;

/**
 * One metric and its current values, as plain data: what {@link NodeMetrics#snapshot()} returns
 * for the REST API's JSON and for SQL views.
 *
 * @param name exported name, e.g. {@code rustydb_queries_total}
 * @param type counter, gauge or histogram
 * @param help what it measures
 * @param samples one per label set
 */
public record MetricFamily(String name, MetricType type, String help, List<MetricSample> samples) {

    /** The sample without labels (the only one of most metrics), or null. */
    public MetricSample unlabelled() {
        for (MetricSample s : samples) {
            if (s.labels().isEmpty()) {
                return s;
            }
        }
        return null;
    }
}
