package io.rustydb.persistence.journal;

import com.typesafe.config.Config;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RecordFamily;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.SelectedSnapshot;
import org.apache.pekko.persistence.SnapshotMetadata;
import org.apache.pekko.persistence.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.serialization.Snapshot;
import org.apache.pekko.persistence.snapshot.japi.SnapshotStore;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.Future;
import scala.util.Try;

/**
 * The Pekko Persistence snapshot store on the node's RocksDB (plugin id
 * {@code rustydb.persistence.snapshot-store}): snapshots live in the {@code snapshots} column
 * family under persistence id, sequence number and timestamp (see {@link JournalKeys}), so the
 * newest one matching a criteria is the first of a backward range scan. Saving a snapshot replaces
 * any other with the same sequence number. Every call runs on the plugin's own dispatcher and a
 * save completes after its batch is in the fsynced WAL. If the newest matching snapshot cannot be
 * read, the next older one is tried, as Pekko's local snapshot store does.
 */
public final class RocksSnapshotStore extends SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(RocksSnapshotStore.class);
    private static final byte VERSION = 1;

    private final Serialization serialization;
    private final JournalStorage binding;

    /** Called by Pekko with the plugin's configuration. */
    public RocksSnapshotStore(Config config) {
        serialization = SerializationExtension.get(context().system());
        binding = JournalStorage.get(context().system());
    }

    @Override
    public Future<Optional<SelectedSnapshot>> doLoadAsync(String persistenceId, SnapshotSelectionCriteria criteria) {
        try {
            return Futures.successful(load(persistenceId, criteria));
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    private Optional<SelectedSnapshot> load(String persistenceId, SnapshotSelectionCriteria criteria) {
        if (criteria.minSequenceNr() > criteria.maxSequenceNr()) {
            return Optional.empty();
        }
        RecordFamily family = binding.storage().snapshotFamily();
        RuntimeException failure = null;
        try (KvIterator it = family.scan(JournalKeys.snapshot(persistenceId, Math.max(0, criteria.minSequenceNr()), 0),
                JournalKeys.snapshotsThrough(persistenceId, criteria.maxSequenceNr()), true)) {
            while (it.next()) {
                byte[] key = it.key();
                long timestamp = JournalKeys.snapshotTimestamp(key);
                if (timestamp < criteria.minTimestamp() || timestamp > criteria.maxTimestamp()) {
                    continue;
                }
                SnapshotMetadata metadata = new SnapshotMetadata(persistenceId, JournalKeys.snapshotSequenceNr(key),
                        timestamp);
                try {
                    return Optional.of(SelectedSnapshot.create(metadata, read(it.value())));
                } catch (RuntimeException e) {
                    LOG.error("Snapshot {} of {} cannot be read; trying an older one", metadata.sequenceNr(),
                            persistenceId, e);
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }

    private Object read(byte[] value) {
        if (value.length == 0 || value[0] != VERSION) {
            throw new IllegalStateException("unknown snapshot record version " + (value.length == 0 ? "(empty)"
                    : Byte.toString(value[0])));
        }
        Try<Snapshot> snapshot = serialization.deserialize(Arrays.copyOfRange(value, 1, value.length),
                Snapshot.class);
        if (snapshot.isFailure()) {
            throw new IllegalStateException(snapshot.failed().get().toString(), snapshot.failed().get());
        }
        return snapshot.get().data();
    }

    @Override
    public Future<Void> doSaveAsync(SnapshotMetadata metadata, Object snapshot) {
        try {
            Try<byte[]> bytes = serialization.serialize(new Snapshot(snapshot));
            if (bytes.isFailure()) {
                return Futures.failed(bytes.failed().get());
            }
            byte[] value = new byte[bytes.get().length + 1];
            value[0] = VERSION;
            System.arraycopy(bytes.get(), 0, value, 1, bytes.get().length);
            RecordFamily family = binding.storage().snapshotFamily();
            try (RecordFamily.Batch batch = family.batch()) {
                deleteMatching(family, batch, metadata.persistenceId(), metadata.sequenceNr(), metadata.sequenceNr(),
                        0, Long.MAX_VALUE);
                batch.put(JournalKeys.snapshot(metadata.persistenceId(), metadata.sequenceNr(), metadata.timestamp()),
                        value).commit();
            }
            return Futures.successful(null);
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    /** Deletes the snapshot with the metadata's sequence number (and timestamp, unless it is 0). */
    @Override
    public Future<Void> doDeleteAsync(SnapshotMetadata metadata) {
        long timestamp = metadata.timestamp();
        return delete(metadata.persistenceId(), metadata.sequenceNr(), metadata.sequenceNr(),
                timestamp == 0 ? 0 : timestamp, timestamp == 0 ? Long.MAX_VALUE : timestamp);
    }

    @Override
    public Future<Void> doDeleteAsync(String persistenceId, SnapshotSelectionCriteria criteria) {
        return delete(persistenceId, criteria.minSequenceNr(), criteria.maxSequenceNr(), criteria.minTimestamp(),
                criteria.maxTimestamp());
    }

    private Future<Void> delete(String persistenceId, long minSequenceNr, long maxSequenceNr, long minTimestamp,
            long maxTimestamp) {
        try {
            RecordFamily family = binding.storage().snapshotFamily();
            try (RecordFamily.Batch batch = family.batch()) {
                deleteMatching(family, batch, persistenceId, minSequenceNr, maxSequenceNr, minTimestamp, maxTimestamp);
                if (batch.size() > 0) {
                    batch.commit();
                }
            }
            return Futures.successful(null);
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    private static void deleteMatching(RecordFamily family, RecordFamily.Batch batch, String persistenceId,
            long minSequenceNr, long maxSequenceNr, long minTimestamp, long maxTimestamp) {
        if (minSequenceNr > maxSequenceNr) {
            return;
        }
        try (KvIterator it = family.scan(JournalKeys.snapshot(persistenceId, Math.max(0, minSequenceNr), 0),
                JournalKeys.snapshotsThrough(persistenceId, maxSequenceNr), false)) {
            while (it.next()) {
                long timestamp = JournalKeys.snapshotTimestamp(it.key());
                if (timestamp >= minTimestamp && timestamp <= maxTimestamp) {
                    batch.delete(it.key());
                }
            }
        }
    }
}
