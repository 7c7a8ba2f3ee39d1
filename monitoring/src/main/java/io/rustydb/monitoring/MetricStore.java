package io.rustydb.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kamon.metric.Distribution;
import kamon.metric.Instrument;
import kamon.metric.MeasurementUnit;
import kamon.metric.Metric;
import kamon.metric.MetricSnapshot;
import kamon.metric.PeriodSnapshot;
import kamon.tag.Tag;
import kamon.tag.TagSet;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The metrics since the node started, built from Kamon's period snapshots: Kamon resets counters
 * and histograms at every tick, so counters are summed here, histograms merged and gauges keep
 * their last value. Thread-safe (the tick thread adds, scrapes read).
 */
final class MetricStore {

    private enum Kind { COUNTER, GAUGE, DISTRIBUTION }

    private static final class Family {
        final String kamonName;
        final Kind kind;
        final String description;
        final MeasurementUnit unit;
        final Map<TagSet, Series> series = new LinkedHashMap<>();

        Family(String kamonName, Kind kind, String description, MeasurementUnit unit) {
            this.kamonName = kamonName;
            this.kind = kind;
            this.description = description;
            this.unit = unit;
        }
    }

    private static final class Series {
        long total;
        double last;
        Distribution distribution;
    }

    private final Map<String, Family> families = new TreeMap<>();
    private long ticks;

    /** Folds one Kamon period snapshot in. */
    synchronized void add(PeriodSnapshot snapshot) {
        for (MetricSnapshot<? extends Metric.Settings, Object> m
                : CollectionConverters.asJava(snapshot.counters())) {
            Family f = family(m.name(), Kind.COUNTER, m.description(), m.settings().unit());
            for (Instrument.Snapshot<Object> i : CollectionConverters.asJava(m.instruments())) {
                f.series.computeIfAbsent(i.tags(), t -> new Series()).total += ((Number) i.value()).longValue();
            }
        }
        for (MetricSnapshot<? extends Metric.Settings, Object> m
                : CollectionConverters.asJava(snapshot.gauges())) {
            Family f = family(m.name(), Kind.GAUGE, m.description(), m.settings().unit());
            for (Instrument.Snapshot<Object> i : CollectionConverters.asJava(m.instruments())) {
                f.series.computeIfAbsent(i.tags(), t -> new Series()).last = ((Number) i.value()).doubleValue();
            }
        }
        addDistributions(CollectionConverters.asJava(snapshot.histograms()));
        addDistributions(CollectionConverters.asJava(snapshot.timers()));
        addDistributions(CollectionConverters.asJava(snapshot.rangeSamplers()));
        ticks++;
    }

    private void addDistributions(List<? extends MetricSnapshot<? extends Metric.Settings, Distribution>> all) {
        for (MetricSnapshot<? extends Metric.Settings, Distribution> m : all) {
            Family f = family(m.name(), Kind.DISTRIBUTION, m.description(), m.settings().unit());
            for (Instrument.Snapshot<Distribution> i : CollectionConverters.asJava(m.instruments())) {
                Series s = f.series.computeIfAbsent(i.tags(), t -> new Series());
                Distribution d = i.value();
                if (s.distribution == null) {
                    s.distribution = d;
                } else if (d.count() > 0) {
                    s.distribution = Distribution.merge(s.distribution, d);
                }
            }
        }
    }

    private Family family(String name, Kind kind, String description, MeasurementUnit unit) {
        return families.computeIfAbsent(name, n -> new Family(n, kind, description, unit));
    }

    /** Kamon ticks folded in so far. */
    synchronized long ticks() {
        return ticks;
    }

    /** The summed value of a counter without tags, or -1 if Kamon has not reported it yet. */
    synchronized long counter(String kamonName) {
        return counter(kamonName, TagSet.Empty());
    }

    /** The summed value of a counter series, or -1 if Kamon has not reported it yet. */
    synchronized long counter(String kamonName, TagSet tags) {
        Family f = families.get(kamonName);
        if (f == null || f.kind != Kind.COUNTER) {
            return -1;
        }
        Series s = f.series.get(tags);
        return s == null ? -1 : s.total;
    }

    /** Every metric in the exported form, sorted by Kamon name. */
    synchronized List<MetricFamily> export(MetricSpecs specs) {
        Map<String, MetricFamily> out = new TreeMap<>();
        for (Family f : families.values()) {
            MetricType type = f.kind == Kind.COUNTER ? MetricType.COUNTER
                    : f.kind == Kind.GAUGE ? MetricType.GAUGE : MetricType.HISTOGRAM;
            MetricSpec spec = specs.resolve(f.kamonName, f.description, f.unit, type);
            if (spec == null || spec.type() != type || f.series.isEmpty()) {
                continue;
            }
            List<MetricSample> samples = new ArrayList<>(f.series.size());
            for (Map.Entry<TagSet, Series> e : f.series.entrySet()) {
                Map<String, String> labels = labels(e.getKey());
                Series s = e.getValue();
                switch (f.kind) {
                    case COUNTER -> samples.add(new MetricSample(labels, s.total * spec.factor(), null));
                    case GAUGE -> samples.add(new MetricSample(labels, s.last * spec.factor(), null));
                    default -> {
                        MetricSample.Histogram h = histogram(spec, s.distribution, sum(spec, e.getKey()));
                        samples.add(new MetricSample(labels, h.count(), h));
                    }
                }
            }
            out.put(spec.name(), new MetricFamily(spec.name(), spec.type(), spec.help(),
                    Collections.unmodifiableList(samples)));
        }
        return List.copyOf(out.values());
    }

    /** The exact sum of a histogram from its sum counter, or NaN to use the distribution's own. */
    private double sum(MetricSpec spec, TagSet tags) {
        if (spec.sumCounter() == null) {
            return Double.NaN;
        }
        Family f = families.get(spec.sumCounter());
        Series s = f == null ? null : f.series.get(tags);
        return s == null ? 0 : s.total * spec.sumFactor();
    }

    private static MetricSample.Histogram histogram(MetricSpec spec, Distribution d, double exactSum) {
        double[] bounds = spec.buckets();
        long[] cumulative = new long[bounds.length];
        long count = 0;
        double sum = 0;
        double p50 = Double.NaN;
        double p95 = Double.NaN;
        double p99 = Double.NaN;
        if (d != null && d.count() > 0) {
            count = d.count();
            sum = d.sum() * spec.factor();
            scala.collection.Iterator<Distribution.Bucket> it = d.bucketsIterator();
            while (it.hasNext()) {
                Distribution.Bucket b = it.next();
                double value = b.value() * spec.factor();
                for (int i = bounds.length - 1; i >= 0 && value <= bounds[i]; i--) {
                    cumulative[i] += b.frequency();
                }
            }
            p50 = d.percentile(50.0).value() * spec.factor();
            p95 = d.percentile(95.0).value() * spec.factor();
            p99 = d.percentile(99.0).value() * spec.factor();
        }
        List<MetricSample.Bucket> buckets = new ArrayList<>(bounds.length);
        for (int i = 0; i < bounds.length; i++) {
            buckets.add(new MetricSample.Bucket(bounds[i], cumulative[i]));
        }
        return new MetricSample.Histogram(count, Double.isNaN(exactSum) ? sum : exactSum,
                Collections.unmodifiableList(buckets), p50, p95, p99);
    }

    private static Map<String, String> labels(TagSet tags) {
        if (tags.isEmpty()) {
            return Map.of();
        }
        Map<String, String> labels = new TreeMap<>();
        scala.collection.Iterator<Tag> it = tags.iterator();
        while (it.hasNext()) {
            Tag t = it.next();
            labels.put(t.key(), String.valueOf(Tag.unwrapValue(t)));
        }
        return Collections.unmodifiableMap(labels);
    }
}
