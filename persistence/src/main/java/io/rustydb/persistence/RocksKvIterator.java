package io.rustydb.persistence;

import java.util.Arrays;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * {@link KvIterator} over a transaction's RocksDB iterator. Owns the iterator, its read options,
 * bound slices and a reference to the statement snapshot, and frees them (in that order) on close.
 */
final class RocksKvIterator implements KvIterator {
    private final RocksStorageTransaction owner;
    private final RocksIterator iterator;
    private final ReadOptions options;
    private final Slice lowerSlice;
    private final Slice upperSlice;
    private final RocksStorageTransaction.SnapshotRef snapshot;
    private final byte[] lower;
    private final byte[] upper;
    private final String tablespace;
    private boolean started;
    private boolean exhausted;
    private boolean closed;
    /** Set under SERIALIZABLE: each row returned is share-locked first. */
    private org.rocksdb.ColumnFamilyHandle lockHandle;

    RocksKvIterator(RocksStorageTransaction owner, RocksIterator iterator, ReadOptions options, Slice lowerSlice,
            Slice upperSlice, RocksStorageTransaction.SnapshotRef snapshot, byte[] lower, byte[] upper,
            String tablespace) {
        this.owner = owner;
        this.iterator = iterator;
        this.options = options;
        this.lowerSlice = lowerSlice;
        this.upperSlice = upperSlice;
        this.snapshot = snapshot;
        this.lower = lower == null ? null : lower.clone();
        this.upper = upper == null ? null : upper.clone();
        this.tablespace = tablespace;
    }

    /** Share-locks (and validates) every row this iterator returns, for SERIALIZABLE reads. */
    void lockRowsIn(org.rocksdb.ColumnFamilyHandle handle) {
        this.lockHandle = handle;
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new IllegalStateException("iterator is closed");
        }
        if (exhausted) {
            return false;
        }
        if (!started) {
            started = true;
            if (lower == null) {
                iterator.seekToFirst();
            } else {
                iterator.seek(lower);
            }
        } else {
            iterator.next();
        }
        if (!iterator.isValid()) {
            exhausted = true;
            try {
                iterator.status();
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, tablespace);
            }
            return false;
        }
        // The transaction's own writes are bounded here too, whatever the delta iterator honours.
        if (upper != null && Arrays.compareUnsigned(iterator.key(), upper) >= 0) {
            exhausted = true;
            return false;
        }
        if (lockHandle != null) {
            owner.lockRead(lockHandle, iterator.key(), tablespace);
        }
        return true;
    }

    @Override
    public byte[] key() {
        checkPositioned();
        return iterator.key();
    }

    @Override
    public byte[] value() {
        checkPositioned();
        return iterator.value();
    }

    private void checkPositioned() {
        if (closed || !started || exhausted) {
            throw new IllegalStateException("iterator is not positioned on an entry");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        iterator.close();
        options.close();
        if (lowerSlice != null) {
            lowerSlice.close();
        }
        if (upperSlice != null) {
            upperSlice.close();
        }
        snapshot.release();
        owner.iteratorClosed(this);
    }
}
