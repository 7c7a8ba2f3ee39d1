package io.rustydb.persistence;

import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * A column family the engine keeps for its own records, outside the tablespaces (the Pekko
 * Persistence journal and snapshots): point reads, bounded range scans in either direction and
 * atomic batches whose WAL record is fsynced before {@link Batch#commit()} returns, whatever
 * {@code wal.sync_mode} says. Obtained from {@link StorageEngine}; valid until it closes.
 */
public final class RecordFamily {
    private final StorageEngine engine;
    private final String name;
    private final ColumnFamilyHandle handle;

    RecordFamily(StorageEngine engine, String name, ColumnFamilyHandle handle) {
        this.engine = Objects.requireNonNull(engine);
        this.name = Objects.requireNonNull(name);
        this.handle = Objects.requireNonNull(handle);
    }

    /** The column family's name, e.g. {@code journal}. */
    public String name() {
        return name;
    }

    /** The latest value under {@code key}, or {@code null}. */
    public byte[] get(byte[] key) {
        engine.checkOpen();
        try {
            return engine.db().get(handle, key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, name);
        }
    }

    /**
     * The entries with {@code from <= key < to} (unsigned byte order), ascending, or descending when
     * {@code descending}; a consistent view of the moment the scan starts. Must be closed.
     */
    public KvIterator scan(byte[] from, byte[] to, boolean descending) {
        engine.checkOpen();
        Slice lower = new Slice(from);
        Slice upper = new Slice(to);
        ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
        return new RecordIterator(engine.db().newIterator(handle, options), options, lower, upper, descending,
                name);
    }

    /** A new atomic batch of puts and deletes on this family. */
    public Batch batch() {
        engine.checkOpen();
        return new Batch();
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Puts and deletes applied all or nothing by {@link #commit()}; close it if not committed. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();

        private Batch() {
        }

        public Batch put(byte[] key, byte[] value) {
            engine.checkOpen();
            try {
                batch.put(handle, key, value);
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, name);
            }
            return this;
        }

        public Batch delete(byte[] key) {
            engine.checkOpen();
            try {
                batch.delete(handle, key);
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, name);
            }
            return this;
        }

        /** Operations added so far. */
        public int size() {
            return batch.count();
        }

        /** Writes the batch atomically and fsyncs the WAL before returning; frees the batch. */
        public void commit() {
            try {
                engine.checkOpen();
                engine.db().write(engine.syncedWriteOptions(), batch);
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, name);
            } finally {
                batch.close();
            }
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
