package io.rustydb.persistence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.TransactionDB;
import org.rocksdb.WriteBatch;

/**
 * One transaction's bulk load into a set of objects (a table and its indexes) of one tablespace:
 * keys go straight into RocksDB in batches of at most {@link #BATCH_BYTES}, without the WAL, so
 * memory stays bounded whatever the size of the load. A durable marker names the objects until
 * the load commits; {@link BulkLoads} removes the objects' keys if the node stops before that.
 * The memtable is flushed before the owning transaction commits, so committed rows never depend
 * on the WAL they skipped.
 *
 * <p>Used by the owning transaction's thread only; {@link #endSequence} and {@link #endTicket}
 * are read by other transactions under the {@link BulkLoads} monitor.
 */
final class BulkLoad implements WriteTarget {
    /** Batch size after which staged keys are written out. */
    static final long BATCH_BYTES = 4L << 20;
    /** Marks a key deleted in {@link #pending} (compared by identity). */
    private static final byte[] DELETED = new byte[0];

    final RocksStorageTransaction owner;
    final Tablespace tablespace;
    final int[] objectIds;
    final byte[] markerKey;
    /** The latest sequence number before the first key of the load was written. */
    final long startSequence;
    private final byte[][] lower;
    private final byte[][] upper;
    private final TransactionDB db;
    private final BulkLoads loads;
    private final WriteBatch batch = new WriteBatch();
    /** Keys of the batch not yet written, for this load's own reads (duplicate checks). */
    private final Map<Key, byte[]> pending = new HashMap<>();
    private long keysWritten;
    /** Sequence number once the load committed or was removed; -1 while it runs. */
    long endSequence = -1;
    /** The engine's transaction ticket when the load ended: older transactions may hold older snapshots. */
    long endTicket;

    BulkLoad(BulkLoads loads, TransactionDB db, RocksStorageTransaction owner, Tablespace tablespace,
            int[] objectIds, byte[] markerKey, long startSequence) {
        this.loads = loads;
        this.db = db;
        this.owner = owner;
        this.tablespace = tablespace;
        this.objectIds = objectIds.clone();
        this.markerKey = markerKey;
        this.startSequence = startSequence;
        this.lower = new byte[objectIds.length][];
        this.upper = new byte[objectIds.length][];
        for (int i = 0; i < objectIds.length; i++) {
            lower[i] = KeyCodec.objectPrefix(objectIds[i]);
            upper[i] = KeyCodec.objectPrefixEnd(objectIds[i]);
        }
    }

    /** Whether this load writes exactly these objects of this tablespace. */
    boolean loads(Tablespace space, int[] ids) {
        return space.handle() == tablespace.handle() && Arrays.equals(objectIds, ids);
    }

    @Override
    public byte[] getForUpdate(Tablespace space, byte[] key) {
        requireOwnKey(space, key);
        byte[] staged = pending.get(new Key(key));
        if (staged != null) {
            return staged == DELETED ? null : staged;
        }
        // no row lock: the caller's table lock keeps every other writer out of these objects
        return owner.latest(space, key);
    }

    @Override
    public void put(Tablespace space, byte[] key, byte[] value) {
        requireOwnKey(space, key);
        try {
            batch.put(space.handle(), key, value);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, space.name());
        }
        pending.put(new Key(key), value);
        writeIfFull();
    }

    @Override
    public void delete(Tablespace space, byte[] key) {
        requireOwnKey(space, key);
        try {
            batch.delete(space.handle(), key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, space.name());
        }
        pending.put(new Key(key), DELETED);
        writeIfFull();
    }

    /** Keys written so far (including the batch not written yet). */
    long keysWritten() {
        return keysWritten + batch.count();
    }

    /** Writes the last batch and flushes the memtable, so the load is on disk before the commit. */
    void prepareCommit() {
        writeBatch();
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            db.flush(options, tablespace.handle());
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /** Forgets the batch not written yet and removes every key of the objects, then the marker. */
    void discard() {
        batch.clear();
        pending.clear();
        loads.removeObjects(tablespace, objectIds, keysWritten);
        loads.removeMarker(markerKey);
    }

    void close() {
        batch.close();
    }

    /** Whether a key range {@code [from, to)} (null bounds are open) overlaps one of the objects. */
    boolean overlaps(ColumnFamilyHandle handle, byte[] from, byte[] to) {
        if (handle != tablespace.handle()) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            boolean startsBeforeEnd = to == null || Arrays.compareUnsigned(lower[i], to) < 0;
            boolean endsAfterStart = from == null || upper[i] == null
                    || Arrays.compareUnsigned(from, upper[i]) < 0;
            if (startsBeforeEnd && endsAfterStart) {
                return true;
            }
        }
        return false;
    }

    private void writeIfFull() {
        if (batch.getDataSize() >= BATCH_BYTES) {
            writeBatch();
        }
    }

    /** Writes the keys batched so far. */
    void writeBatch() {
        int count = batch.count();
        if (count == 0) {
            return;
        }
        try {
            db.write(loads.unlogged(), batch);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
        keysWritten += count;
        batch.clear();
        pending.clear();
    }

    private void requireOwnKey(Tablespace space, byte[] key) {
        if (space.handle() != tablespace.handle() || !contains(key)) {
            throw new IllegalArgumentException("a bulk load writes only the objects it was started for");
        }
    }

    private boolean contains(byte[] key) {
        for (int i = 0; i < lower.length; i++) {
            if (Arrays.compareUnsigned(lower[i], key) <= 0
                    && (upper[i] == null || Arrays.compareUnsigned(key, upper[i]) < 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A key in {@link #pending}, hashed with FNV-1a: the polynomial hash of {@link Arrays#hashCode}
     * collides constantly on keys that differ only in their last bytes, as consecutive keys do.
     */
    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            int h = 0x811C9DC5;
            for (byte b : bytes) {
                h = (h ^ (b & 0xFF)) * 0x01000193;
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }
    }
}
