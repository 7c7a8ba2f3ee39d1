package io.rustydb.persistence;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** {@link KvIterator} over a bounded range of a {@link RecordFamily}, in either direction. */
final class RecordIterator implements KvIterator {
    private final RocksIterator iterator;
    private final ReadOptions options;
    private final Slice lower;
    private final Slice upper;
    private final boolean descending;
    private final String family;
    private boolean started;
    private boolean exhausted;
    private boolean closed;

    RecordIterator(RocksIterator iterator, ReadOptions options, Slice lower, Slice upper, boolean descending,
            String family) {
        this.iterator = iterator;
        this.options = options;
        this.lower = lower;
        this.upper = upper;
        this.descending = descending;
        this.family = family;
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
            if (descending) {
                iterator.seekToLast();
            } else {
                iterator.seekToFirst();
            }
        } else if (descending) {
            iterator.prev();
        } else {
            iterator.next();
        }
        if (!iterator.isValid()) {
            exhausted = true;
            try {
                iterator.status();
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, family);
            }
            return false;
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
        lower.close();
        upper.close();
    }
}
