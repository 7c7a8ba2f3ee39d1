package io.rustydb.sampling.awr;

import io.rustydb.common.serialization.KryoSerializable;
import java.util.List;

/** What the workload repository persists. Past tense, immutable. */
public sealed interface AwrEvent extends KryoSerializable {

    /** A snapshot was captured. */
    record SnapshotTaken(AwrSnapshot snapshot) implements AwrEvent {
    }

    /** Snapshots past the retention and outside every baseline were purged. */
    record SnapshotsPurged(List<Long> snapshotIds, long purgedAtMillis) implements AwrEvent {
    }

    /** A baseline was created. */
    record BaselineCreated(Baseline baseline) implements AwrEvent {
    }

    /** A baseline was dropped, by request or because it expired. */
    record BaselineDropped(String name, boolean expired) implements AwrEvent {
    }
}
