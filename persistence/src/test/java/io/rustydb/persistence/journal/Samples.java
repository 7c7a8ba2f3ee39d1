package io.rustydb.persistence.journal;

import io.rustydb.common.serialization.KryoSerializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Event and state shapes for the serializer tests. They have evolved since the bytes in
 * {@code src/test/resources/kryo/*-v1.hex} were written: {@code SampleTaken.note},
 * {@code Metric.unit}, {@code Level.MEDIUM} and {@code Counter.version} were added after.
 */
final class Samples {
    private Samples() {
    }

    enum Level { LOW, MEDIUM, HIGH }

    record Metric(String name, String unit, double value) {
    }

    record SampleTaken(long snapshotId, String note, Instant at, List<Metric> metrics, Map<String, Long> waits,
            Level level) implements KryoSerializable {
    }

    /** As it was when the v1 bytes were written; read as {@link SampleTaken} to show that a root may lose fields. */
    record SampleTakenWithoutWaits(long snapshotId, Level level) implements KryoSerializable {
    }

    /** A plain class (not a record) with mutable fields. */
    static final class Counter implements KryoSerializable {
        String name;
        int version;
        long count;

        Counter() {
        }

        Counter(String name, long count, int version) {
            this.name = name;
            this.count = count;
            this.version = version;
        }
    }

    /** Everything the serializer has to carry: collections of several kinds, nulls, nested records. */
    record Everything(int i, long l, double d, boolean b, char c, String s, String missing, byte[] bytes,
            java.math.BigDecimal decimal, java.util.UUID uuid, java.time.Duration duration, Instant at,
            List<Metric> immutableList, List<String> streamed, List<String> withNull, List<Integer> arrayList,
            Map<String, Integer> immutableMap, Map<String, Integer> ordered, java.util.Set<Level> levels,
            java.util.Optional<String> optional, Counter counter) implements KryoSerializable {
    }
}
