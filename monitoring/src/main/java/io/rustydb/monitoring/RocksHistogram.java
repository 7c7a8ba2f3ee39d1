package io.rustydb.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.HistogramType;
import org.rocksdb.Statistics;

/**
 * The buckets of a RocksDB statistics histogram. RocksDB's Java API gives percentiles but not
 * bucket counts, so they are read from {@link Statistics#getHistogramString}, whose table lists
 * every non-empty bucket as {@code ( left, right ] count ...} (microseconds, cumulative since the
 * database opened).
 */
final class RocksHistogram {

    /** One non-empty bucket: {@code count} values in {@code (left, right]}. */
    record Bucket(long left, long right, long count) {
    }

    private RocksHistogram() {
    }

    static List<Bucket> read(Statistics statistics, HistogramType type) {
        return parse(statistics.getHistogramString(type));
    }

    /** The bucket lines of RocksDB's histogram text; lines of another shape are skipped. */
    static List<Bucket> parse(String text) {
        List<Bucket> buckets = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || (trimmed.charAt(0) != '[' && trimmed.charAt(0) != '(')) {
                continue;
            }
            int comma = trimmed.indexOf(',');
            int close = trimmed.indexOf(']');
            if (comma < 0 || close < comma) {
                continue;
            }
            try {
                long left = Long.parseLong(trimmed.substring(1, comma).trim());
                long right = Long.parseLong(trimmed.substring(comma + 1, close).trim());
                String rest = trimmed.substring(close + 1).trim();
                int space = rest.indexOf(' ');
                long count = Long.parseLong(space < 0 ? rest : rest.substring(0, space));
                buckets.add(new Bucket(left, right, count));
            } catch (NumberFormatException e) {
                // not a bucket line
            }
        }
        return buckets;
    }
}
