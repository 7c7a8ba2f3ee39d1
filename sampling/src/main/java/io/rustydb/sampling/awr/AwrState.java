package io.rustydb.sampling.awr;

import io.rustydb.common.serialization.KryoSerializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repository's state: its snapshots in id order, its baselines by name and the next snapshot
 * id. Immutable: {@link #apply} returns the next state.
 */
public record AwrState(long nextSnapshotId, List<AwrSnapshot> snapshots, Map<String, Baseline> baselines)
        implements KryoSerializable {

    public AwrState {
        snapshots = Collections.unmodifiableList(new ArrayList<>(snapshots));
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    public static AwrState empty() {
        return new AwrState(1, List.of(), Map.of());
    }

    /** The state after {@code event}. */
    public AwrState apply(AwrEvent event) {
        if (event instanceof AwrEvent.SnapshotTaken taken) {
            List<AwrSnapshot> next = new ArrayList<>(snapshots);
            next.add(taken.snapshot());
            return new AwrState(Math.max(nextSnapshotId, taken.snapshot().snapshotId() + 1), next, baselines);
        }
        if (event instanceof AwrEvent.SnapshotsPurged purged) {
            Set<Long> ids = new HashSet<>(purged.snapshotIds());
            List<AwrSnapshot> next = new ArrayList<>(snapshots);
            next.removeIf(s -> ids.contains(s.snapshotId()));
            return new AwrState(nextSnapshotId, next, baselines);
        }
        if (event instanceof AwrEvent.BaselineCreated created) {
            Map<String, Baseline> next = new LinkedHashMap<>(baselines);
            next.put(created.baseline().name(), created.baseline());
            return new AwrState(nextSnapshotId, snapshots, next);
        }
        if (event instanceof AwrEvent.BaselineDropped dropped) {
            Map<String, Baseline> next = new LinkedHashMap<>(baselines);
            next.remove(dropped.name());
            return new AwrState(nextSnapshotId, snapshots, next);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    public Optional<AwrSnapshot> snapshot(long id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(snapshots.get(i));
    }

    /** The newest snapshot, if any. */
    public Optional<AwrSnapshot> latest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    public Optional<Baseline> baseline(String name) {
        return Optional.ofNullable(baselines.get(name));
    }

    /**
     * The snapshots from {@code startId} to {@code endId}, both included, in order.
     *
     * @throws AwrException INVALID if the range is reversed or empty, NOT_FOUND if an end is unknown
     */
    public List<AwrSnapshot> range(long startId, long endId) {
        if (startId >= endId) {
            throw AwrException.invalid("start_snapshot_id (" + startId + ") must be lower than end_snapshot_id ("
                    + endId + ")");
        }
        int from = indexOf(startId);
        if (from < 0) {
            throw AwrException.notFound("snapshot " + startId + " does not exist");
        }
        int to = indexOf(endId);
        if (to < 0) {
            throw AwrException.notFound("snapshot " + endId + " does not exist");
        }
        return snapshots.subList(from, to + 1);
    }

    /** Ids of the snapshots taken before {@code cutoffMillis} that no baseline holds. */
    public List<Long> purgeable(long cutoffMillis) {
        List<Long> out = new ArrayList<>();
        for (AwrSnapshot s : snapshots) {
            if (s.endMillis() < cutoffMillis && !inBaseline(s.snapshotId())) {
                out.add(s.snapshotId());
            }
        }
        return out;
    }

    /** The baselines that expired by {@code nowMillis}. */
    public List<String> expiredBaselines(long nowMillis) {
        List<String> out = new ArrayList<>();
        baselines.values().forEach(b -> {
            if (b.expiresMillis() <= nowMillis) {
                out.add(b.name());
            }
        });
        return out;
    }

    public boolean inBaseline(long snapshotId) {
        for (Baseline b : baselines.values()) {
            if (b.contains(snapshotId)) {
                return true;
            }
        }
        return false;
    }

    private int indexOf(long id) {
        int lo = 0;
        int hi = snapshots.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = snapshots.get(mid).snapshotId();
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
