package io.rustydb.persistence;

import io.rustydb.common.RustyDbException;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;

/**
 * {@link StorageTransaction} over a RocksDB pessimistic {@link Transaction} with PostgreSQL's
 * READ COMMITTED: reads use a per-statement snapshot (taken by the engine, not set on the RocksDB
 * transaction, so writes are never rejected by snapshot validation) merged with the transaction's
 * own writes; {@link #getForUpdate} locks and reads the latest committed version. All native
 * objects are freed when the transaction commits or rolls back.
 */
final class RocksStorageTransaction implements StorageTransaction {
    private final StorageEngine engine;
    private final TransactionDB db;
    private final Transaction txn;
    private final ReadOptions latestRead = new ReadOptions();
    private final List<RocksKvIterator> iterators = new ArrayList<>();
    private SnapshotRef statementSnapshot;
    private boolean active = true;
    /** Whether anything was written: a transaction that only read ends without a WAL write. */
    private boolean wrote;
    private Isolation isolation = Isolation.READ_COMMITTED;
    /** Under REPEATABLE READ / SERIALIZABLE: whether the transaction snapshot has been taken. */
    private boolean snapshotFixed;

    RocksStorageTransaction(StorageEngine engine, TransactionDB db, Transaction txn) {
        this.engine = engine;
        this.db = db;
        this.txn = txn;
        this.statementSnapshot = new SnapshotRef(db);
    }

    @Override
    public void beginStatement() {
        checkActive();
        if (isolation == Isolation.READ_COMMITTED) {
            statementSnapshot.release();
            statementSnapshot = new SnapshotRef(db);
        } else if (!snapshotFixed) {
            // RocksDB validates every later lock (getForUpdate, put, delete) against this snapshot.
            txn.setSnapshot();
            statementSnapshot.release();
            statementSnapshot = new SnapshotRef(db, txn.getSnapshot());
            snapshotFixed = true;
        }
    }

    @Override
    public void isolation(Isolation level) {
        checkActive();
        if (snapshotFixed) {
            throw new IllegalStateException("isolation level set after the transaction's first statement");
        }
        isolation = level;
    }

    /** SERIALIZABLE: every row read is share-locked and validated against the snapshot. */
    boolean locksReads() {
        return isolation == Isolation.SERIALIZABLE;
    }

    /** Takes a shared lock on a row read under SERIALIZABLE; 40001 if it changed after the snapshot. */
    void lockRead(org.rocksdb.ColumnFamilyHandle handle, byte[] key, String tablespace) {
        try {
            txn.getForUpdate(latestRead, handle, key, false, true);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace);
        }
    }

    @Override
    public byte[] get(Tablespace tablespace, byte[] key) {
        checkActive();
        try {
            if (locksReads()) {
                return txn.getForUpdate(statementSnapshot.readOptions, tablespace.handle(), key, false, true);
            }
            return txn.get(statementSnapshot.readOptions, tablespace.handle(), key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public byte[] getForUpdate(Tablespace tablespace, byte[] key) {
        checkActive();
        try {
            // Outside READ COMMITTED the lock is validated against the transaction snapshot: a row
            // changed by a transaction that committed after it fails with 40001.
            return txn.getForUpdate(latestRead, tablespace.handle(), key, true,
                    isolation != Isolation.READ_COMMITTED);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public void lockTimeout(long millis) {
        checkActive();
        txn.setLockTimeout(millis < 0 ? engine.settings().rocksLockTimeoutMillis() : millis);
    }

    @Override
    public void put(Tablespace tablespace, byte[] key, byte[] value) {
        checkActive();
        wrote = true;
        try {
            txn.put(tablespace.handle(), key, value);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public void delete(Tablespace tablespace, byte[] key) {
        checkActive();
        wrote = true;
        try {
            txn.delete(tablespace.handle(), key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public KvIterator scan(Tablespace tablespace, byte[] lowerInclusive, byte[] upperExclusive) {
        checkActive();
        SnapshotRef snapshot = statementSnapshot.retain();
        ReadOptions options = new ReadOptions().setSnapshot(snapshot.snapshot);
        Slice lower = lowerInclusive == null ? null : new Slice(lowerInclusive);
        Slice upper = upperExclusive == null ? null : new Slice(upperExclusive);
        if (lower != null) {
            options.setIterateLowerBound(lower);
        }
        if (upper != null) {
            options.setIterateUpperBound(upper);
        }
        RocksIterator it = txn.getIterator(options, tablespace.handle());
        RocksKvIterator kv = new RocksKvIterator(this, it, options, lower, upper, snapshot,
                lowerInclusive, upperExclusive, tablespace.name());
        if (locksReads()) {
            kv.lockRowsIn(tablespace.handle());
        }
        iterators.add(kv);
        return kv;
    }

    void iteratorClosed(RocksKvIterator iterator) {
        iterators.remove(iterator);
    }

    @Override
    public void commit() {
        checkActive();
        closeIterators();
        RustyDbException failure = null;
        try {
            if (wrote) {
                txn.commit();
            } else {
                // nothing to make durable: releasing the locks and the snapshot is the whole commit,
                // and RocksDB would otherwise write (and fsync) an empty batch to the WAL
                txn.rollback();
            }
        } catch (RocksDBException e) {
            failure = RocksErrors.translate(e, null);
            try {
                txn.rollback();
            } catch (RocksDBException ignored) {
                failure.addSuppressed(ignored);
            }
        } finally {
            finish();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void rollback() {
        if (!active) {
            return;
        }
        closeIterators();
        RustyDbException failure = null;
        try {
            txn.rollback();
        } catch (RocksDBException e) {
            failure = RocksErrors.translate(e, null);
        } finally {
            finish();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        rollback();
    }

    private void finish() {
        active = false;
        statementSnapshot.release();
        latestRead.close();
        txn.close();
        engine.transactionFinished(this);
    }

    private void closeIterators() {
        for (RocksKvIterator it : List.copyOf(iterators)) {
            it.close();
        }
    }

    private void checkActive() {
        if (!active) {
            throw new IllegalStateException("transaction is no longer active");
        }
    }

    /** A database snapshot shared by a statement and the scans opened under it. */
    static final class SnapshotRef {
        private final TransactionDB db;
        final Snapshot snapshot;
        final ReadOptions readOptions;
        /** False for the transaction's own snapshot, which RocksDB releases with the transaction. */
        private final boolean owned;
        private int users = 1;

        SnapshotRef(TransactionDB db) {
            this.db = db;
            this.snapshot = db.getSnapshot();
            this.readOptions = new ReadOptions().setSnapshot(snapshot);
            this.owned = true;
        }

        SnapshotRef(TransactionDB db, Snapshot transactionSnapshot) {
            this.db = db;
            this.snapshot = transactionSnapshot;
            this.readOptions = new ReadOptions().setSnapshot(snapshot);
            this.owned = false;
        }

        SnapshotRef retain() {
            users++;
            return this;
        }

        void release() {
            if (users > 0 && --users == 0) {
                readOptions.close();
                if (owned) {
                    db.releaseSnapshot(snapshot);
                }
            }
        }
    }
}
