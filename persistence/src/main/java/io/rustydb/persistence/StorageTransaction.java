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
public interface StorageTransaction extends WriteTarget, AutoCloseable {

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
    @Override
    byte[] getForUpdate(Tablespace tablespace, byte[] key);

    /**
     * Starts (or continues) a bulk load of objects (a table and its indexes, by id) in this
     * transaction: the returned writer puts their keys straight into storage in bounded batches,
     * so a load of any size needs bounded memory, instead of staging them in the transaction.
     * The load commits or rolls back with the transaction and is removed if the node crashes
     * before the commit. Other transactions cannot see it before then: their reads of the
     * objects wait until this transaction ends, and a read whose snapshot was taken while the
     * load ran fails with 40001 (or, under READ COMMITTED before the statement read anything,
     * takes a fresh snapshot).
     *
     * <p>The caller must keep other transactions from writing the objects until this transaction
     * ends (the SQL layer's table lock). Returns {@code null} when a bulk load is not possible:
     * the transaction is not READ COMMITTED, or an object already holds committed keys.
     */
    WriteTarget bulkLoad(Tablespace tablespace, int... objectIds);

    /**
     * Iterates keys in {@code [lowerInclusive, upperExclusive)} in key order, from the statement
     * snapshot merged with this transaction's own writes. Either bound may be {@code null}.
     */
    KvIterator scan(Tablespace tablespace, byte[] lowerInclusive, byte[] upperExclusive);

    /**
     * Puts and deletes staged in this transaction, which RocksDB holds in memory until it ends
     * (a bulk load's keys are not among them).
     */
    long stagedWrites();

    /** Makes the staged writes durable and visible (WAL synced per {@code wal.sync_mode}). */
    void commit();

    /**
     * The session this transaction works for: its waits on files (buffer-pool misses) and on the
     * commit are published in {@code state} for ASH and the wait-event views.
     */
    default void session(io.rustydb.common.session.SessionState state) {
    }

    /** Discards the staged writes and releases the locks. Safe to call more than once. */
    void rollback();

    /**
     * Counts the row locks this transaction holds now and keeps the figure for observers on other
     * threads ({@link TransactionActivity#locksHeld()}); called by the owner between statements.
     */
    default void countLocks() {
    }

    /** True until {@link #commit()} or {@link #rollback()} finished. */
    boolean isActive();

    /** Rolls back if still active and frees native resources. */
    @Override
    void close();
}
