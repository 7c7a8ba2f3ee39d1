package io.rustydb.persistence;

/**
 * Where a statement's row and index writes go: a {@link StorageTransaction}, or the direct writer
 * of a bulk load that transaction started ({@link StorageTransaction#bulkLoad}).
 */
public interface WriteTarget {

    /**
     * The latest value under {@code key} as this writer's transaction sees it, or {@code null};
     * a transaction also locks the key exclusively until it ends.
     */
    byte[] getForUpdate(Tablespace tablespace, byte[] key);

    void put(Tablespace tablespace, byte[] key, byte[] value);

    void delete(Tablespace tablespace, byte[] key);
}
