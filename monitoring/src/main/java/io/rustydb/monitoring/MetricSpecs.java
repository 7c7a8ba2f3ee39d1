package io.rustydb.monitoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kamon.metric.MeasurementUnit;

/**
 * The export rules of every Kamon metric by its Kamon name: the built-in and custom metrics
 * register theirs; any other Kamon metric (the JVM metrics of kamon-system-metrics) is exported
 * under Prometheus' conventions, as Kamon's own reporter would name it: dots become underscores,
 * times are converted to seconds and information to bytes with a {@code _seconds} or
 * {@code _bytes} suffix, and counters end in {@code _total}.
 */
final class MetricSpecs {
    private static final double[] SECONDS_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double[] BYTES_BUCKETS = {1024, 16384, 262144, 4194304, 67108864, 1073741824,
        17179869184.0};
    private static final double[] PLAIN_BUCKETS = {1, 10, 100, 1000, 10000, 100000, 1000000};

    private final Map<String, MetricSpec> byKamonName = new ConcurrentHashMap<>();
    /** Kamon names that are not exported on their own (the sum counters of histograms). */
    private final Map<String, Boolean> hidden = new ConcurrentHashMap<>();

    /** Registers the rule of a metric; its exported name must be unique. */
    void register(String kamonName, MetricSpec spec) {
        byKamonName.put(kamonName, spec);
        if (spec.sumCounter() != null) {
            hidden.put(spec.sumCounter(), Boolean.TRUE);
        }
    }

    boolean isRegistered(String kamonName) {
        return byKamonName.containsKey(kamonName);
    }

    MetricSpec registered(String kamonName) {
        return byKamonName.get(kamonName);
    }

    /** The rule for a metric as Kamon reports it; null for a metric not exported on its own. */
    MetricSpec resolve(String kamonName, String description, MeasurementUnit unit, MetricType type) {
        MetricSpec spec = byKamonName.get(kamonName);
        if (spec != null) {
            return spec;
        }
        if (hidden.containsKey(kamonName)) {
            return null;
        }
        String name = sanitize(kamonName);
        String dimension = unit.dimension().name();
        double factor = 1;
        double[] buckets = PLAIN_BUCKETS;
        if (dimension.equals("time")) {
            factor = unit.magnitude().scaleFactor();
            name = suffixed(name, "_seconds");
            buckets = SECONDS_BUCKETS;
        } else if (dimension.equals("information")) {
            factor = unit.magnitude().scaleFactor();
            name = suffixed(name, "_bytes");
            buckets = BYTES_BUCKETS;
        }
        String help = description == null || description.isEmpty() ? "Kamon metric " + kamonName : description;
        return switch (type) {
            case COUNTER -> new MetricSpec(suffixed(name, "_total"), type, help, factor, new double[0], null, 1);
            case GAUGE -> new MetricSpec(notReserved(name), type, help, factor, new double[0], null, 1);
            case HISTOGRAM -> new MetricSpec(notReserved(name), type, help, factor, buckets, null, 1);
        };
    }

    /**
     * A gauge or histogram name that does not end like a counter or a histogram series
     * ({@code _total}, {@code _count}, {@code _sum}, {@code _bucket}), which Prometheus would
     * misread: Kamon's {@code jvm.threads.total} becomes {@code jvm_threads_total_value}.
     */
    private static String notReserved(String name) {
        for (String suffix : new String[] {"_total", "_count", "_sum", "_bucket"}) {
            if (name.endsWith(suffix)) {
                return name + "_value";
            }
        }
        return name;
    }

    private static String suffixed(String name, String suffix) {
        return name.endsWith(suffix) ? name : name + suffix;
    }

    /** A valid Prometheus metric name: characters outside {@code [a-zA-Z0-9_:]} become underscores. */
    static String sanitize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (i > 0 && c >= '0' && c <= '9');
            b.append(ok ? c : '_');
        }
        return b.toString();
    }
}
