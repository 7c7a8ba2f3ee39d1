package io.rustydb.persistence;

/**
 * One RocksDB pessimistic transaction spanning any tablespaces of the node. Writes are staged
 * until {@link #commit()}; reads see the transaction's own writes. PostgreSQL's READ COMMITTED:
 * {@link #beginStatement()} takes the snapshot the next statement reads from, and
 * {@link #getForUpdate} locks the row and returns its latest committed version (waiting for a
 * concurrent writer, detecting deadlocks). RocksDB failures surface as
 * {@link io.rustydb.common.RustyDbException} with the matching SQLSTATE (lock timeout 55P03,
 * deadlock 40P01, I/O 58030, no space 53100).
 *
 * <p>Not thread-safe: a transaction belongs to one session.
 */
public interface StorageTransaction extends AutoCloseable {

    /**
     * Takes a fresh read snapshot for the statement about to run (READ COMMITTED); under
     * REPEATABLE READ or SERIALIZABLE the first call takes the transaction's snapshot and later
     * calls keep it.
     */
    void beginStatement();

    /**
     * Sets the isolation level; must be called before the first {@link #beginStatement()} of a
     * transaction that is not READ COMMITTED (the default).
     */
    default void isolation(Isolation level) {
        if (level != Isolation.READ_COMMITTED) {
            throw new UnsupportedOperationException("isolation level " + level);
        }
    }

    /**
     * How long this transaction's next row-lock requests wait before failing with 55P03:
     * {@code millis > 0} a limit, {@code 0} do not wait, {@code < 0} the engine default.
     */
    void lockTimeout(long millis);

    /** The value stored under {@code key}, or {@code null}; reads the statement snapshot. */
    byte[] get(Tablespace tablespace, byte[] key);

    /** Locks {@code key} exclusively for this transaction and returns its latest committed value. */
    byte[] getForUpdate(Tablespace tablespace, byte[] key);

    void put(Tablespace tablespace, byte[] key, byte[] value);

    void delete(Tablespace tablespace, byte[] key);

    /**
     * Iterates keys in {@code [lowerInclusive, upperExclusive)} in key order, from the statement
     * snapshot merged with this transaction's own writes. Either bound may be {@code null}.
     */
    KvIterator scan(Tablespace tablespace, byte[] lowerInclusive, byte[] upperExclusive);

    /** Makes the staged writes durable and visible (WAL synced per {@code wal.sync_mode}). */
    void commit();

    /** Discards the staged writes and releases the locks. Safe to call more than once. */
    void rollback();

    /** True until {@link #commit()} or {@link #rollback()} finished. */
    boolean isActive();

    /** Rolls back if still active and frees native resources. */
    @Override
    void close();
}
