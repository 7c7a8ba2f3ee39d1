package io.rustydb.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocksHistogramTest {
    @Test
    void parsesTheBucketTableOfRocksDbsHistogramText() {
        String text = """
                Count: 2842 Average: 0.8413  StdDev: 0.78
                Min: 0  Median: 0.5104  Max: 29
                Percentiles: P50: 0.51 P75: 0.77 P99: 1.63 P99.9: 9.16 P99.99: 29.00
                ------------------------------------------------------
                [       0,       1 ]     2784  97.959%  97.959% ####################
                (       1,       2 ]       47   1.654%  99.613%\s
                (      22,      34 ]        1   0.035% 100.000%\s
                """;
        assertEquals(List.of(new RocksHistogram.Bucket(0, 1, 2784), new RocksHistogram.Bucket(1, 2, 47),
                new RocksHistogram.Bucket(22, 34, 1)), RocksHistogram.parse(text));
    }

    @Test
    void diskBucketsAreRocksDbBucketLimits() {
        // RocksDB's HistogramBucketMapper: 1, 2, then each limit 1.5 times the previous, rounded down to
        // two significant digits
        java.util.Set<Long> limits = new java.util.HashSet<>(List.of(1L, 2L));
        double value = 2;
        while ((value *= 1.5) < 1e13) {
            long limit = (long) value;
            long pow = 1;
            while (limit / 10 > 10) {
                limit /= 10;
                pow *= 10;
            }
            limits.add(limit * pow);
        }
        for (double ms : BuiltinMetrics.DISK_BUCKETS_MS) {
            long micros = Math.round(ms * 1000);
            assertEquals(true, limits.contains(micros), micros + " us is not a RocksDB bucket limit");
        }
    }
}
