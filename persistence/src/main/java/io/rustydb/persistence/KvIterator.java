package io.rustydb.persistence;

/**
 * A forward cursor over key/value pairs. Call {@link #next()} before the first {@link #key()};
 * must be closed to free the native iterator.
 */
public interface KvIterator extends AutoCloseable {

    /** Advances to the next entry; false when the range is exhausted. */
    boolean next();

    byte[] key();

    byte[] value();

    @Override
    void close();
}
