package io.rustydb.persistence;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitEvent;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocksStorageTransaction.class);
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
    /** Order of this transaction's start among the engine's transactions. */
    final long ticket;
    /** How long lock waits may last, in milliseconds; negative: no limit. */
    private long lockWaitMillis;
    /** Whether the current statement has read through its snapshot yet. */
    private boolean readInStatement;
    /** This transaction's bulk loads, in the order they started. */
    private final List<BulkLoad> bulkLoads = new ArrayList<>(0);
    /** The session whose waits (block reads, commit) this transaction publishes; null for the engine's own work. */
    private SessionState session;
    /** The session that began it, 0 for the engine's own work. */
    private final int owner;
    private final long startMillis = System.currentTimeMillis();
    /** Row locks held when last counted, for observers; -1 before the first count. */
    private volatile long lockCount = -1;
    /**
     * System.nanoTime() when the latest call that may wait for a row lock (put, delete,
     * getForUpdate, a SERIALIZABLE read) began; written opaquely, read by {@link #activity()} to
     * time a wait in progress.
     */
    @SuppressWarnings("unused") // accessed through LOCK_CALL_START
    private long lockCallStart;
    private static final java.lang.invoke.VarHandle LOCK_CALL_START;

    static {
        try {
            LOCK_CALL_START = java.lang.invoke.MethodHandles.lookup()
                    .findVarHandle(RocksStorageTransaction.class, "lockCallStart", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Guards the native transaction against observers: {@link #activity()} never reads a closed one. */
    private final Object nativeGuard = new Object();
    private boolean nativeClosed;

    RocksStorageTransaction(StorageEngine engine, TransactionDB db, Transaction txn, long ticket, int owner) {
        this.engine = engine;
        this.db = db;
        this.txn = txn;
        this.ticket = ticket;
        this.owner = owner;
        this.lockWaitMillis = engine.settings().rocksLockTimeoutMillis();
        this.statementSnapshot = new SnapshotRef(db);
    }

    @Override
    public void beginStatement() {
        checkActive();
        readInStatement = false;
        for (BulkLoad load : bulkLoads) {
            load.writeBatch(); // the statement's snapshot sees all of its own load
        }
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
            locking(key, () -> txn.getForUpdate(latestRead, handle, key, false, true));
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace);
        }
    }

    @Override
    public byte[] get(Tablespace tablespace, byte[] key) {
        checkActive();
        guardRead(tablespace, key, KeyCodec.successor(key));
        try {
            SessionState s = session;
            if (s != null) {
                s.currentObject(objectOf(key), tablespace.name());
            }
            if (locksReads()) {
                return locking(key, () -> txn.getForUpdate(statementSnapshot.readOptions, tablespace.handle(), key, false,
                        true));
            }
            if (s == null) {
                return txn.get(statementSnapshot.readOptions, tablespace.handle(), key);
            }
            try {
                return txn.get(statementSnapshot.cacheOnly(), tablespace.handle(), key);
            } catch (RocksDBException e) {
                if (!RocksErrors.incomplete(e)) {
                    throw e;
                }
            }
            // the block is not in the buffer pool: the read goes to a file
            s.beginWait(WaitEvent.DB_FILE_SEQUENTIAL_READ, null, objectOf(key));
            try {
                return txn.get(statementSnapshot.readOptions, tablespace.handle(), key);
            } finally {
                s.endWait();
            }
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /** The session whose waits this transaction publishes, or null. */
    SessionState session() {
        return session;
    }

    /** The session that began this transaction, 0 for the engine's own work. */
    int owner() {
        return owner;
    }

    @Override
    public void session(SessionState state) {
        this.session = state;
        // row locks are tried first (see locking): a held one makes the session wait where it is seen
        txn.setLockTimeout(state == null ? lockWaitMillis : 0);
    }

    @Override
    public byte[] getForUpdate(Tablespace tablespace, byte[] key) {
        checkActive();
        if (!engine.bulkLoads().idle()) {
            engine.bulkLoads().beforeLock(this, tablespace.handle(), key, KeyCodec.successor(key), lockWaitMillis);
        }
        SessionState s = session;
        if (s != null) {
            s.currentObject(objectOf(key), tablespace.name());
        }
        try {
            // Outside READ COMMITTED the lock is validated against the transaction snapshot: a row
            // changed by a transaction that committed after it fails with 40001.
            boolean validate = isolation != Isolation.READ_COMMITTED;
            return locking(key, () -> txn.getForUpdate(latestRead, tablespace.handle(), key, true, validate));
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public void lockTimeout(long millis) {
        checkActive();
        lockWaitMillis = millis < 0 ? engine.settings().rocksLockTimeoutMillis() : millis;
        if (session == null) {
            txn.setLockTimeout(lockWaitMillis);
        }
    }

    /** The table or index a key belongs to, 0 for keys that are not object data. */
    static int objectOf(byte[] key) {
        return key != null && key.length >= 4 ? KeyCodec.objectId(key) : 0;
    }

    /** A RocksDB call that may take a row lock. */
    private interface LockingCall<T> {
        T run() throws RocksDBException;
    }

    /**
     * Runs {@code call}, which may need a row lock. For a session the transaction's RocksDB lock
     * timeout is 0, so a lock held by another transaction fails the call at once; then the
     * session waits on "enq: TX - row lock contention" while the call runs again with the real
     * timeout. A lock that is free costs nothing more.
     */
    private <T> T locking(byte[] key, LockingCall<T> call) throws RocksDBException {
        SessionState s = session;
        if (s == null) {
            lockCallStarting(); // no session to publish the wait: the call may wait with the full timeout
            return call.run();
        }
        try {
            return call.run();
        } catch (RocksDBException e) {
            if (!RocksErrors.lockBusy(e)) {
                throw e;
            }
        }
        lockCallStarting();
        s.beginWait(WaitEvent.ROW_LOCK_CONTENTION, this::blockingSession, objectOf(key));
        boolean timedOut = false;
        txn.setLockTimeout(lockWaitMillis);
        try {
            return call.run();
        } catch (RocksDBException e) {
            timedOut = RocksErrors.lockBusy(e);
            throw e;
        } finally {
            txn.setLockTimeout(0);
            s.endWait(timedOut);
        }
    }

    @Override
    public long stagedWrites() {
        return txn.getNumPuts() + txn.getNumDeletes();
    }

    /**
     * The latest value of {@code key} including this transaction's own writes, without a lock.
     * The bloom filters answer first: a bulk load's duplicate checks are almost all misses, and a
     * full lookup would probe every memtable and level-0 file the load is filling.
     */
    byte[] latest(Tablespace tablespace, byte[] key) {
        try {
            byte[] own = txn.getWriteBatch().getFromBatch(tablespace.handle(), engine.dbOptions(), key);
            if (own != null) {
                return own;
            }
            if (!db.keyMayExist(tablespace.handle(), key, null)) {
                return null;
            }
            return txn.get(latestRead, tablespace.handle(), key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public WriteTarget bulkLoad(Tablespace tablespace, int... objectIds) {
        checkActive();
        for (BulkLoad load : bulkLoads) {
            if (load.loads(tablespace, objectIds)) {
                return load;
            }
        }
        if (isolation != Isolation.READ_COMMITTED) {
            return null;
        }
        BulkLoad load = engine.bulkLoads().start(this, tablespace, objectIds);
        if (load != null) {
            bulkLoads.add(load);
            wrote = true;
        }
        return load;
    }

    /**
     * Before a read of {@code [from, to)} through the statement snapshot: waits for other
     * transactions' bulk loads there and, under READ COMMITTED before the statement read anything,
     * replaces a snapshot that would see part of one.
     */
    private void guardRead(Tablespace tablespace, byte[] from, byte[] to) {
        BulkLoads loads = engine.bulkLoads();
        if (!loads.idle()) {
            while (loads.beforeRead(this, tablespace.handle(), from, to, statementSnapshot.sequence(),
                    isolation == Isolation.READ_COMMITTED && !readInStatement && iterators.isEmpty(),
                    lockWaitMillis)) {
                statementSnapshot.release();
                statementSnapshot = new SnapshotRef(db);
            }
        }
        readInStatement = true;
    }

    @Override
    public void put(Tablespace tablespace, byte[] key, byte[] value) {
        checkActive();
        wrote = true;
        try {
            locking(key, () -> {
                txn.put(tablespace.handle(), key, value);
                return null;
            });
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public void delete(Tablespace tablespace, byte[] key) {
        checkActive();
        wrote = true;
        try {
            locking(key, () -> {
                txn.delete(tablespace.handle(), key);
                return null;
            });
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    @Override
    public KvIterator scan(Tablespace tablespace, byte[] lowerInclusive, byte[] upperExclusive) {
        checkActive();
        guardRead(tablespace, lowerInclusive, upperExclusive);
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
        SessionState s = session;
        if (s != null) {
            s.currentObject(objectOf(lowerInclusive), tablespace.name());
        }
        if (s != null && !locksReads()) {
            // reads only what the buffer pool holds; a miss is read from a file as a wait (RocksKvIterator)
            options.setReadTier(ReadTier.BLOCK_CACHE_TIER);
        }
        RocksIterator it = txn.getIterator(options, tablespace.handle());
        RocksKvIterator kv = new RocksKvIterator(this, it, options, lower, upper, snapshot,
                lowerInclusive, upperExclusive, tablespace.name());
        if (s != null && !locksReads()) {
            kv.readMissesAsWaits(s, tablespace.handle());
        }
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
        boolean committed = false;
        try {
            for (BulkLoad load : bulkLoads) {
                load.prepareCommit();
                // the marker goes in the commit itself: after it, the load's keys are the table's
                txn.delete(engine.markerFamily(), load.markerKey);
            }
            if (wrote) {
                commitWrites();
            } else {
                // nothing to make durable: releasing the locks and the snapshot is the whole commit,
                // and RocksDB would otherwise write (and fsync) an empty batch to the WAL
                txn.rollback();
            }
            committed = true;
        } catch (RocksDBException e) {
            failure = RocksErrors.translate(e, null);
        } catch (RustyDbException e) {
            failure = e;
        } finally {
            if (!committed) {
                try {
                    txn.rollback();
                } catch (RocksDBException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    }
                }
            }
            endBulkLoads(committed, failure);
            finish();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Commits the writes: the session waits on the WAL write and sync ("log file sync"), or on a
     * write stall while RocksDB holds writes back.
     */
    private void commitWrites() throws RocksDBException {
        SessionState s = session;
        if (s == null) {
            txn.commit();
            return;
        }
        s.beginWait(engine.writeStalled() ? WaitEvent.WRITE_STALL : WaitEvent.LOG_FILE_SYNC, 0, null);
        try {
            txn.commit();
        } finally {
            s.endWait();
        }
    }

    /** A fresh iterator over {@code handle} reading files too, with {@code options}' snapshot and bounds. */
    RocksIterator fileReadingIterator(ReadOptions options, org.rocksdb.ColumnFamilyHandle handle) {
        return txn.getIterator(options, handle);
    }

    /** Ends this transaction's bulk loads: committed, or removed from storage. */
    private void endBulkLoads(boolean committed, RustyDbException failure) {
        for (BulkLoad load : bulkLoads) {
            try {
                if (!committed) {
                    load.discard();
                }
            } catch (RuntimeException e) {
                // the marker stays: the next start removes the load's keys
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.warn("Removing a rolled-back bulk load failed; it is removed at the next start", e);
                }
            } finally {
                engine.bulkLoads().ended(load, db.getLatestSequenceNumber(), engine.currentTicket());
                load.close();
            }
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
            endBulkLoads(false, failure);
            finish();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void countLocks() {
        if (active) {
            // RocksDB's count of the keys this transaction locked (writes, getForUpdate, shared reads)
            lockCount = txn.getNumKeys();
        }
    }

    /** Notes the start of a call that may wait for a row lock (a plain store, no fence). */
    private void lockCallStarting() {
        LOCK_CALL_START.setOpaque(this, System.nanoTime());
    }

    /** The session owning the transaction this one waits for now, 0 if it waits for none (any thread). */
    private int blockingSession() {
        TransactionActivity mine = activity();
        return mine == null || !mine.waiting() ? 0 : engine.ownerOf(mine.waitingFor());
    }

    /**
     * What the transaction is doing, for observers on other threads; null once it has ended.
     * RocksDB reads the lock wait under its own mutex, so this is safe while the owner runs.
     */
    TransactionActivity activity() {
        synchronized (nativeGuard) {
            if (nativeClosed) {
                return null;
            }
            long[] holders = txn.getWaitingTxns().getTransactionIds();
            List<Long> waitingFor = new ArrayList<>(holders.length);
            for (long holder : holders) {
                waitingFor.add(holder);
            }
            // a waiting owner is blocked inside the call it noted last
            long waitNanos = holders.length == 0 ? 0
                    : Math.max(0, System.nanoTime() - (long) LOCK_CALL_START.getOpaque(this));
            return new TransactionActivity(txn.getID(), owner, startMillis, lockCount, waitingFor,
                    waitNanos / 1_000_000);
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
        synchronized (nativeGuard) {
            nativeClosed = true;
            txn.close();
        }
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
        /** The same snapshot reading only the buffer pool; made on first use. */
        private ReadOptions cacheOnly;
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

        /** The last sequence number the snapshot sees. */
        long sequence() {
            return snapshot.getSequenceNumber();
        }

        ReadOptions cacheOnly() {
            if (cacheOnly == null) {
                cacheOnly = new ReadOptions().setSnapshot(snapshot).setReadTier(ReadTier.BLOCK_CACHE_TIER);
            }
            return cacheOnly;
        }

        SnapshotRef retain() {
            users++;
            return this;
        }

        void release() {
            if (users > 0 && --users == 0) {
                readOptions.close();
                if (cacheOnly != null) {
                    cacheOnly.close();
                }
                if (owned) {
                    db.releaseSnapshot(snapshot);
                }
            }
        }
    }
}
