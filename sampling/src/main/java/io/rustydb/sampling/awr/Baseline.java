package io.rustydb.sampling.awr;

/**
 * A named range of snapshots kept as a reference for comparisons: its snapshots are not purged
 * while the baseline exists. It expires {@code rustydb.awr.baseline_retention_days} after creation.
 *
 * @param type {@code STATIC} (the only kind: a fixed range of snapshots)
 */
public record Baseline(String name, long startSnapshotId, long endSnapshotId, String description, String type,
        long createdMillis, long expiresMillis) {

    public boolean contains(long snapshotId) {
        return snapshotId >= startSnapshotId && snapshotId <= endSnapshotId;
    }
}
