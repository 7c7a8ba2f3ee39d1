package io.rustydb.monitoring;

import java.util.Locale;

/** The kinds of metric RustyDB exports, with their Prometheus {@code # TYPE} names. */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM;

    /** {@code counter}, {@code gauge} or {@code histogram}. */
    public String prometheusName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
