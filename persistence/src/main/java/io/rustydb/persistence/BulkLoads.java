package io.rustydb.persistence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.TransactionDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's bulk loads ({@link BulkLoad}): their durable markers, what other transactions may
 * see of them, and their removal after a crash.
 *
 * <p>Visibility: a load's keys are written outside its transaction, so the engine hides them. A
 * read by another transaction of a loaded object with a snapshot taken before the load started
 * sees the object as it was. A read with a later snapshot waits until the load's transaction
 * ends (as a PostgreSQL reader waits behind TRUNCATE's lock); if its snapshot was taken before
 * that end it would see part of the load, so the read takes a fresh snapshot when the statement
 * has read nothing yet under READ COMMITTED, and fails with 40001 otherwise. An ended load is
 * remembered until every transaction that began before its end has finished.
 */
final class BulkLoads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoads.class);
    private static final String MARKER_PREFIX = "bulk-load/";
    private static final int DELETE_BATCH = 10_000;
    private static final long PROGRESS_KEYS = 1_000_000;
    private static final long POLL_MILLIS = 100;

    private final TransactionDB db;
    private final ColumnFamilyHandle markers;
    private final WriteOptions unlogged = new WriteOptions().setDisableWAL(true);
    private final WriteOptions logged = new WriteOptions();
    private final WriteOptions synced = new WriteOptions().setSync(true);
    private final AtomicLong nextMarker = new AtomicLong(System.currentTimeMillis() * 1000);
    /** Running loads and ended ones some transaction may still read around; copy on write. */
    private volatile List<BulkLoad> loads = List.of();

    BulkLoads(TransactionDB db, ColumnFamilyHandle markers) {
        this.db = db;
        this.markers = markers;
    }

    WriteOptions unlogged() {
        return unlogged;
    }

    /** True when no load needs checking: the common case, one volatile read. */
    boolean idle() {
        return loads.isEmpty();
    }

    /**
     * Starts a load of {@code objectIds} for {@code owner}, or returns {@code null} if one of the
     * objects already holds committed keys.
     */
    BulkLoad start(RocksStorageTransaction owner, Tablespace tablespace, int[] objectIds) {
        for (int id : objectIds) {
            if (hasKeys(tablespace.handle(), KeyCodec.objectPrefix(id), KeyCodec.objectPrefixEnd(id))) {
                return null;
            }
        }
        byte[] markerKey = (MARKER_PREFIX + Long.toHexString(nextMarker.incrementAndGet()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            // durable before any key of the load can reach an SST file
            db.put(markers, synced, markerKey, describe(tablespace, objectIds));
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
        BulkLoad load = new BulkLoad(this, db, owner, tablespace, objectIds, markerKey,
                db.getLatestSequenceNumber());
        synchronized (this) {
            List<BulkLoad> next = new ArrayList<>(loads);
            next.add(load);
            loads = List.copyOf(next);
        }
        LOG.info("Bulk load started into objects {} of tablespace {}", Arrays.toString(objectIds),
                tablespace.name());
        return load;
    }

    /** The load has committed or been removed: readers waiting for it may go on. */
    synchronized void ended(BulkLoad load, long endSequence, long endTicket) {
        load.endTicket = endTicket;
        load.endSequence = endSequence;
        notifyAll();
    }

    /** Forgets ended loads no active transaction can still read around. */
    synchronized void prune(long oldestActiveTicket) {
        List<BulkLoad> kept = new ArrayList<>();
        for (BulkLoad load : loads) {
            if (load.endSequence < 0 || load.endTicket >= oldestActiveTicket) {
                kept.add(load);
            }
        }
        if (kept.size() != loads.size()) {
            loads = List.copyOf(kept);
        }
    }

    /**
     * Checks a read of {@code [from, to)} by {@code reader} with a snapshot at
     * {@code snapshotSequence}, waiting for running loads it overlaps.
     *
     * @return true if the reader must take a fresh snapshot and check again
     * @throws RustyDbException 40001 if the snapshot would see part of a load and cannot be
     *         replaced; 55P03 if the wait exceeded {@code waitMillis} (negative: no limit)
     */
    boolean beforeRead(RocksStorageTransaction reader, ColumnFamilyHandle handle, byte[] from, byte[] to,
            long snapshotSequence, boolean mayRetakeSnapshot, long waitMillis) {
        for (BulkLoad load : loads) {
            if (load.owner == reader || snapshotSequence <= load.startSequence || !load.overlaps(handle, from, to)) {
                continue;
            }
            long end = awaitEnd(load, waitMillis, reader);
            if (snapshotSequence < end) {
                if (mayRetakeSnapshot) {
                    return true;
                }
                throw new RustyDbException(ErrorCode.SERIALIZATION_FAILURE,
                        "a bulk load (COPY) into table data this transaction reads")
                        .withHint("The transaction might succeed if retried.");
            }
        }
        return false;
    }

    /** Waits until no other transaction's load overlapping {@code [from, to)} is running. */
    void beforeLock(RocksStorageTransaction locker, ColumnFamilyHandle handle, byte[] from, byte[] to,
            long waitMillis) {
        for (BulkLoad load : loads) {
            if (load.owner != locker && load.endSequence < 0 && load.overlaps(handle, from, to)) {
                awaitEnd(load, waitMillis, locker);
            }
        }
    }

    /**
     * Waits for {@code load} to end; {@code waiter}'s session meanwhile waits on the table, as
     * behind PostgreSQL's lock on a table being truncated and loaded ("enq: TM - contention").
     */
    private synchronized long awaitEnd(BulkLoad load, long waitMillis, RocksStorageTransaction waiter) {
        if (load.endSequence >= 0) {
            return load.endSequence;
        }
        SessionState session = waiter.session();
        if (session != null) {
            int loader = load.owner.owner();
            session.beginWait(WaitEvent.TABLE_LOCK_CONTENTION, () -> loader, load.objectIds[0]);
        }
        boolean timedOut = false;
        try {
            long deadline = waitMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + waitMillis;
            while (load.endSequence < 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    timedOut = true;
                    throw new RustyDbException(ErrorCode.LOCK_NOT_AVAILABLE,
                            "a table being loaded by COPY in another transaction");
                }
                try {
                    wait(Math.min(left, POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RustyDbException(ErrorCode.QUERY_CANCELED);
                }
            }
            return load.endSequence;
        } finally {
            if (session != null) {
                session.endWait(timedOut);
            }
        }
    }

    /**
     * Removes every key of the objects: a range deletion where RocksDB allows it, else key by
     * key in batches, with progress in the log. Written to the WAL before the marker goes.
     */
    void removeObjects(Tablespace tablespace, int[] objectIds, long expectedKeys) {
        ColumnFamilyHandle handle = tablespace.handle();
        long removed = 0;
        for (int id : objectIds) {
            byte[] from = KeyCodec.objectPrefix(id);
            byte[] to = KeyCodec.objectPrefixEnd(id);
            removed += deleteKeys(handle, from, to, expectedKeys, removed);
            try {
                db.compactRange(handle, from, to);
            } catch (RocksDBException e) {
                LOG.warn("Compacting the removed bulk load of object {} failed: {}", id, e.getMessage());
            }
        }
        LOG.info("Bulk load into objects {} of tablespace {} removed ({} keys)", Arrays.toString(objectIds),
                tablespace.name(), removed);
    }

    private long deleteKeys(ColumnFamilyHandle handle, byte[] from, byte[] to, long expected, long before) {
        long deleted = 0;
        try (ReadOptions options = new ReadOptions();
                Slice lowerBound = new Slice(from);
                Slice upperBound = to == null ? null : new Slice(to)) {
            options.setIterateLowerBound(lowerBound);
            if (upperBound != null) {
                options.setIterateUpperBound(upperBound);
            }
            try (RocksIterator it = db.newIterator(handle, options); WriteBatch batch = new WriteBatch()) {
                for (it.seek(from); it.isValid(); it.next()) {
                    batch.delete(handle, it.key());
                    if (batch.count() == DELETE_BATCH) {
                        db.write(logged, batch);
                        batch.clear();
                    }
                    if (++deleted % PROGRESS_KEYS == 0) {
                        if (expected > 0) {
                            LOG.info("Removing bulk load: {} of {} keys", before + deleted, expected);
                        } else {
                            LOG.info("Removing bulk load: {} keys so far", before + deleted);
                        }
                    }
                }
                it.status();
                if (batch.count() > 0) {
                    db.write(logged, batch);
                }
            }
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
        return deleted;
    }

    /** Durably removes a load's marker: its keys are committed, or removed. */
    void removeMarker(byte[] markerKey) {
        try {
            db.delete(markers, synced, markerKey);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
    }

    /**
     * At startup: removes the keys of every load whose transaction had not committed when the
     * node stopped, then its marker.
     */
    void recover(Map<String, Tablespace> tablespaces) {
        byte[] prefix = MARKER_PREFIX.getBytes(StandardCharsets.UTF_8);
        List<byte[][]> found = new ArrayList<>();
        try (RocksIterator it = db.newIterator(markers)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                found.add(new byte[][] {it.key(), it.value()});
            }
        }
        for (byte[][] marker : found) {
            String[] parts = new String(marker[1], StandardCharsets.UTF_8).split("\n");
            Tablespace tablespace = tablespaces.get(parts[0].toUpperCase(java.util.Locale.ROOT));
            if (tablespace != null && parts.length > 1 && !parts[1].isEmpty()) {
                int[] ids = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
                LOG.warn("Removing a bulk load (COPY) into objects {} of tablespace {} whose transaction did not"
                        + " commit before the node stopped", Arrays.toString(ids), tablespace.name());
                removeObjects(tablespace, ids, -1);
            }
            removeMarker(marker[0]);
        }
    }

    private boolean hasKeys(ColumnFamilyHandle handle, byte[] from, byte[] to) {
        try (ReadOptions options = new ReadOptions();
                Slice upperBound = to == null ? null : new Slice(to)) {
            if (upperBound != null) {
                options.setIterateUpperBound(upperBound);
            }
            try (RocksIterator it = db.newIterator(handle, options)) {
                it.seek(from);
                return it.isValid();
            }
        }
    }

    private static byte[] describe(Tablespace tablespace, int[] objectIds) {
        StringBuilder text = new StringBuilder(tablespace.name()).append('\n');
        for (int i = 0; i < objectIds.length; i++) {
            text.append(i == 0 ? "" : ",").append(objectIds[i]);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        unlogged.close();
        logged.close();
        synced.close();
    }
}
