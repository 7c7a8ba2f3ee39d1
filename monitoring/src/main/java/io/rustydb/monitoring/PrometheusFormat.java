package io.rustydb.monitoring;

import java.util.List;
import java.util.Map;

/**
 * Renders metrics in the Prometheus text exposition format 0.0.4: {@code # HELP} and
 * {@code # TYPE} lines, then one line per series; histograms as cumulative {@code _bucket}
 * series with {@code le} labels, {@code _sum} and {@code _count}.
 */
public final class PrometheusFormat {
    /** The Content-Type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusFormat() {
    }

    /** The text of {@code families}, in their order. */
    public static String render(List<MetricFamily> families) {
        StringBuilder out = new StringBuilder(families.size() * 160);
        for (MetricFamily f : families) {
            out.append("# HELP ").append(f.name()).append(' ').append(escapeHelp(f.help())).append('\n');
            out.append("# TYPE ").append(f.name()).append(' ').append(f.type().prometheusName()).append('\n');
            for (MetricSample s : f.samples()) {
                if (s.histogram() == null) {
                    line(out, f.name(), s.labels(), null, s.value());
                    continue;
                }
                MetricSample.Histogram h = s.histogram();
                for (MetricSample.Bucket b : h.buckets()) {
                    line(out, f.name() + "_bucket", s.labels(), number(b.upperBound()), b.cumulativeCount());
                }
                line(out, f.name() + "_bucket", s.labels(), "+Inf", h.count());
                line(out, f.name() + "_sum", s.labels(), null, h.sum());
                line(out, f.name() + "_count", s.labels(), null, h.count());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, Map<String, String> labels, String le, double value) {
        out.append(name);
        if (!labels.isEmpty() || le != null) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> l : labels.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(MetricSpecs.sanitize(l.getKey())).append("=\"").append(escapeLabel(l.getValue())).append('"');
            }
            if (le != null) {
                if (!first) {
                    out.append(',');
                }
                out.append("le=\"").append(le).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    /** A sample value or bound: integers without a fraction, NaN and infinities as Prometheus spells them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
