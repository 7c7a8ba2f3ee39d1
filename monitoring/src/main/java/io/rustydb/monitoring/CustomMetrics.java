package io.rustydb.monitoring;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kamon.Kamon;
import kamon.metric.Counter;
import kamon.metric.Gauge;
import kamon.metric.Histogram;
import kamon.metric.MeasurementUnit;
import kamon.tag.TagSet;

/**
 * Metrics defined by users (SQL {@code rustydb_record_metric} / {@code rustydb_set_metric}, the
 * REST API's {@code /admin/metrics}): a counter, gauge or histogram per name, registered on first
 * use or explicitly with help text and constant labels, exported with the built-in metrics.
 * Counters take whole non-negative increments (Kamon counters count in integers); histograms
 * keep values with three decimals. Bad names, types or values are 22023 errors.
 */
public final class CustomMetrics {
    /** Histogram bucket bounds of custom histograms. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500,
        1000, 2500, 5000, 10000};
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String[] RESERVED_SUFFIXES = {"_bucket", "_sum", "_count"};
    private static final double HISTOGRAM_SCALE = 1000;
    private static final double HISTOGRAM_MAX = 1e9;
    private static final kamon.metric.DynamicRange HISTOGRAM_RANGE = kamon.metric.DynamicRange.apply(1,
            (long) (HISTOGRAM_MAX * HISTOGRAM_SCALE), 3);

    /** One registered custom metric and its instrument. */
    private record Custom(String name, MetricType type, String help, Map<String, String> labels, Counter counter,
            Gauge gauge, Histogram histogram) {
    }

    /**
     * A registered custom metric as it is exported.
     *
     * @param help its {@code # HELP} text
     * @param labels its constant labels, sorted by name (empty if none)
     */
    public record Definition(String name, MetricType type, String help, Map<String, String> labels) {
    }

    private final MetricSpecs specs;
    private final Map<String, Custom> metrics = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;

    CustomMetrics(MetricSpecs specs) {
        this.specs = specs;
    }

    /** The custom metrics of this JVM (Kamon's registry is process-wide too). */
    public static CustomMetrics global() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final CustomMetrics INSTANCE = new CustomMetrics(BuiltinMetrics.specs());
    }

    /**
     * Registers a metric; registering the same name with the same type again is a no-op.
     *
     * @param type {@code counter}, {@code gauge} or {@code histogram}, any case
     * @param help its {@code # HELP} text; null or empty for a generic one
     * @param labels constant labels of its one series; may be empty
     * @throws RustyDbException 22023 for a bad name, type or label, or a name taken by another type
     */
    public synchronized MetricType register(String name, String type, String help, Map<String, String> labels) {
        checkAccepting();
        MetricType kind = parseType(type);
        checkName(name);
        Custom existing = metrics.get(name);
        if (existing != null) {
            if (existing.type() != kind) {
                throw invalid("metric \"" + name + "\" is already registered as a "
                        + existing.type().prometheusName() + ", not a " + kind.prometheusName());
            }
            return kind;
        }
        if (specs.isRegistered(name) || exportedNameTaken(name)) {
            throw invalid("metric name \"" + name + "\" is reserved by a built-in metric");
        }
        Map<String, String> checked = checkedLabels(labels);
        TagSet tags = checked.isEmpty() ? TagSet.Empty() : TagSet.from(new TreeMap<String, Object>(checked));
        String text = help == null || help.isBlank() ? "Custom " + kind.prometheusName() + " " + name : help;
        Custom created = switch (kind) {
            case COUNTER -> {
                specs.register(name, MetricSpec.counter(name, text));
                yield new Custom(name, kind, text, checked, Kamon.counter(name, text).withTags(tags), null, null);
            }
            case GAUGE -> {
                specs.register(name, MetricSpec.gauge(name, text));
                yield new Custom(name, kind, text, checked, null, Kamon.gauge(name, text).withTags(tags), null);
            }
            case HISTOGRAM -> {
                specs.register(name, MetricSpec.histogram(name, text, 1 / HISTOGRAM_SCALE, BUCKETS, null, 1));
                yield new Custom(name, kind, text, checked, null, null, Kamon.histogram(name, text,
                        MeasurementUnit.none(), HISTOGRAM_RANGE).withTags(tags));
            }
        };
        metrics.put(name, created);
        return kind;
    }

    /**
     * Registers a metric for the REST API, where registering is a declaration: the same
     * declaration again is a no-op, a different one a conflict.
     *
     * @return true if the metric was created, false if it already existed as declared
     * @throws RustyDbException 42710 if the name is taken by a built-in metric or registered with
     *     another type, other labels or (when {@code help} is given) another help text; 22023 for
     *     a bad name, type or label
     */
    public synchronized boolean define(String name, String type, String help, Map<String, String> labels) {
        checkAccepting();
        MetricType kind = parseType(type);
        checkName(name);
        Map<String, String> wanted = checkedLabels(labels);
        Custom existing = metrics.get(name);
        if (existing == null) {
            if (specs.isRegistered(name) || exportedNameTaken(name)) {
                throw new RustyDbException(ErrorCode.DUPLICATE_OBJECT, "metric \"" + name + "\" (a built-in metric)");
            }
            register(name, type, help, labels);
            return true;
        }
        boolean helpDiffers = help != null && !help.isBlank() && !help.equals(existing.help());
        if (existing.type() != kind || !existing.labels().equals(wanted) || helpDiffers) {
            throw new RustyDbException(ErrorCode.DUPLICATE_OBJECT, "metric \"" + name + "\" (a "
                    + existing.type().prometheusName() + " with labels " + existing.labels() + " and help \""
                    + existing.help() + "\")");
        }
        return false;
    }

    /** The registered custom metric {@code name}, if any. */
    public Optional<Definition> definition(String name) {
        Custom c = name == null ? null : metrics.get(name);
        return c == null ? Optional.empty() : Optional.of(new Definition(c.name(), c.type(), c.help(), c.labels()));
    }

    /**
     * {@code rustydb_record_metric}: adds {@code value} to a counter or records it in a histogram,
     * registering the metric on first use.
     */
    public void record(String name, String type, double value) {
        checkAccepting();
        MetricType kind = parseType(type);
        if (kind == MetricType.GAUGE) {
            throw invalid("rustydb_record_metric records counters and histograms; use rustydb_set_metric for"
                    + " gauge \"" + name + "\"");
        }
        Custom metric = lookup(name, kind);
        checkFinite(value);
        if (kind == MetricType.COUNTER) {
            if (value < 0 || value != Math.rint(value)) {
                throw invalid("counter \"" + name + "\" can only be incremented by a non-negative whole number,"
                        + " got " + PrometheusFormat.number(value));
            }
            metric.counter().increment((long) value);
        } else {
            if (value < 0 || value > HISTOGRAM_MAX) {
                throw invalid("histogram \"" + name + "\" records values from 0 to 1e9, got "
                        + PrometheusFormat.number(value));
            }
            metric.histogram().record(Math.round(value * HISTOGRAM_SCALE));
        }
    }

    /** {@code rustydb_set_metric}: sets a gauge, registering it on first use. */
    public void set(String name, String type, double value) {
        checkAccepting();
        MetricType kind = parseType(type);
        if (kind != MetricType.GAUGE) {
            throw invalid("rustydb_set_metric sets gauges; use rustydb_record_metric for " + kind.prometheusName()
                    + " \"" + name + "\"");
        }
        checkFinite(value);
        lookup(name, kind).gauge().update(value);
    }

    /** Metrics are off on this node: every call fails with 55000 from now on. */
    void refuse() {
        accepting = false;
    }

    private void checkAccepting() {
        if (!accepting) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "metrics are disabled (rustydb.monitoring.metrics_enabled = false)");
        }
    }

    /** The type of a registered custom metric, or null. */
    public MetricType typeOf(String name) {
        Custom c = metrics.get(name);
        return c == null ? null : c.type();
    }

    private Custom lookup(String name, MetricType kind) {
        Custom metric = metrics.get(name);
        if (metric == null) {
            register(name, kind.prometheusName(), null, Map.of());
            metric = metrics.get(name);
        }
        if (metric.type() != kind) {
            throw invalid("metric \"" + name + "\" is a " + metric.type().prometheusName() + ", not a "
                    + kind.prometheusName());
        }
        return metric;
    }

    private boolean exportedNameTaken(String name) {
        if (name.startsWith("rustydb_")) {
            for (String suffix : RESERVED_SUFFIXES) {
                if (name.endsWith(suffix) && specs.isRegistered(name.substring(0, name.length() - suffix.length()))) {
                    return true;
                }
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                Custom c = metrics.get(name.substring(0, name.length() - suffix.length()));
                if (c != null && c.type() == MetricType.HISTOGRAM) {
                    return true;
                }
            }
        }
        return false;
    }

    static MetricType parseType(String type) {
        if (type == null) {
            throw invalid("metric type must not be null");
        }
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "counter":
                return MetricType.COUNTER;
            case "gauge":
                return MetricType.GAUGE;
            case "histogram":
                return MetricType.HISTOGRAM;
            default:
                throw invalid("invalid metric type \"" + type + "\": expected counter, gauge or histogram");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("invalid metric name \"" + name + "\": it must match [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        if (name.startsWith("__")) {
            throw invalid("invalid metric name \"" + name + "\": names starting with __ are reserved");
        }
    }

    private static Map<String, String> checkedLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey() == null || !LABEL.matcher(e.getKey()).matches() || e.getKey().startsWith("__")
                    || e.getKey().equals("le")) {
                throw invalid("invalid label name \"" + e.getKey() + "\": it must match [a-zA-Z_][a-zA-Z0-9_]*"
                        + " and not be le or start with __");
            }
            if (e.getValue() == null) {
                throw invalid("label \"" + e.getKey() + "\" has no value");
            }
            checked.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(checked);
    }

    private static void checkFinite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw invalid("metric value must be a finite number, got " + PrometheusFormat.number(value));
        }
    }

    private static RustyDbException invalid(String message) {
        return new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
