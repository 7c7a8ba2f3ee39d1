package io.rustydb.persistence;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitEvent;
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
    private RocksIterator iterator;
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
    /** The key of the current entry, once read. */
    private byte[] currentKey;
    /** Set when the iterator reads only the buffer pool: the session that waits while a miss is read. */
    private SessionState waits;
    private org.rocksdb.ColumnFamilyHandle handle;
    /** Options of the file-reading iterator, once a miss could not be served otherwise. */
    private ReadOptions fileOptions;

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

    /**
     * The iterator reads only the buffer pool (its options say so): when it needs a block that is
     * not there, the block is read from its file while {@code session} waits on "db file scattered
     * read", and the scan goes on from where it was.
     */
    void readMissesAsWaits(SessionState session, org.rocksdb.ColumnFamilyHandle family) {
        this.waits = session;
        this.handle = family;
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new IllegalStateException("iterator is closed");
        }
        if (exhausted) {
            return false;
        }
        byte[] previous = currentKey;
        currentKey = null;
        if (!started) {
            started = true;
            position(null);
        } else {
            if (waits != null && previous == null) {
                previous = iterator.key();
            }
            iterator.next();
        }
        if (waits != null && !iterator.isValid() && missed()) {
            readMiss(previous);
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
        if (upper != null || waits != null) {
            currentKey = iterator.key();
        }
        if (upper != null && Arrays.compareUnsigned(currentKey, upper) >= 0) {
            exhausted = true;
            return false;
        }
        if (lockHandle != null) {
            owner.lockRead(lockHandle, iterator.key(), tablespace);
        }
        return true;
    }

    /** Seeks to the first entry after {@code after} (null: the first entry in the bounds). */
    private void position(byte[] after) {
        if (after == null) {
            if (lower == null) {
                iterator.seekToFirst();
            } else {
                iterator.seek(lower);
            }
            return;
        }
        iterator.seek(after);
        if (iterator.isValid() && Arrays.equals(iterator.key(), after)) {
            iterator.next();
        }
    }

    /** Whether the iterator stopped because the next block is not in the buffer pool. */
    private boolean missed() {
        try {
            iterator.status();
            return false;
        } catch (RocksDBException e) {
            return RocksErrors.incomplete(e);
        }
    }

    /**
     * Reads the missing block from its file (a file-reading iterator positioned there loads it
     * into the buffer pool) while the session waits, then positions the buffer-pool iterator
     * again. Should the block be evicted again at once (a buffer pool far too small for the
     * load), the scan goes on with the file-reading iterator, whose reads are then not told apart.
     */
    private void readMiss(byte[] after) {
        fileOptions = new ReadOptions().setSnapshot(snapshot.snapshot);
        if (lowerSlice != null) {
            fileOptions.setIterateLowerBound(lowerSlice);
        }
        if (upperSlice != null) {
            fileOptions.setIterateUpperBound(upperSlice);
        }
        RocksIterator reading = owner.fileReadingIterator(fileOptions, handle);
        // the buffer-pool-only attempt counted the workload's lookups and its miss; what follows
        // repeats them (StorageEngine.probed)
        org.rocksdb.PerfContext perf = ThreadIo.context(owner.engine());
        long hits = perf.getBlockCacheHitCount();
        long reads = perf.getBlockReadCount();
        waits.beginWait(WaitEvent.DB_FILE_SCATTERED_READ, null,
                RocksStorageTransaction.objectOf(after != null ? after : lower));
        try {
            RocksIterator cacheOnly = iterator;
            iterator = reading;
            position(after);
            iterator = cacheOnly;
        } finally {
            waits.endWait();
        }
        position(after);
        boolean evictedAgain = !iterator.isValid() && missed();
        owner.engine().probed(perf.getBlockCacheHitCount() - hits,
                perf.getBlockReadCount() - reads + (evictedAgain ? 1 : 0));
        if (evictedAgain) {
            iterator.close();
            iterator = reading;
            position(after);
            waits = null;
        } else {
            reading.close();
            fileOptions.close();
            fileOptions = null;
        }
    }

    @Override
    public byte[] key() {
        checkPositioned();
        if (currentKey == null) {
            currentKey = iterator.key();
        }
        return currentKey;
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
        if (fileOptions != null) {
            fileOptions.close();
        }
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
