package io.rustydb.persistence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's storage: one RocksDB {@link TransactionDB} under {@code <data_dir>/rocksdb} with a
 * column family per tablespace ({@code SYSTEM}, {@code USERS}, {@code TEMP} and user-created
 * ones), a shared block cache as the buffer pool and one WAL for atomic commits across
 * tablespaces. Two more column families, {@value #JOURNAL_FAMILY} and {@value #SNAPSHOT_FAMILY},
 * hold the Pekko Persistence journal and snapshots ({@link RecordFamily}); they are not
 * tablespaces. Thread-safe; RocksDB failures surface as {@link RustyDbException}.
 */
public final class StorageEngine implements AutoCloseable {
    /** Tablespace of the catalog. */
    public static final String SYSTEM = "SYSTEM";
    /** Default tablespace for tables and indexes. */
    public static final String USERS = "USERS";
    /** Tablespace for temporary data. */
    public static final String TEMP = "TEMP";
    /** Record family of the Pekko Persistence journal (lower case: never a tablespace's name). */
    public static final String JOURNAL_FAMILY = "journal";
    /** Record family of the Pekko Persistence snapshot store. */
    public static final String SNAPSHOT_FAMILY = "snapshots";
    private static final List<String> RECORD_FAMILIES = List.of(JOURNAL_FAMILY, SNAPSHOT_FAMILY);

    private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);
    private static final String DEFAULT_CF = "default";

    static {
        RocksDB.loadLibrary();
    }

    private final StorageSettings settings;
    private final RocksResources resources;
    private final TransactionDB db;
    private final ColumnFamilyHandle defaultHandle;
    /** Upper-case name to tablespace, in creation order; replaced on create (copy on write). */
    private volatile Map<String, Tablespace> tablespaces;
    /** The engine's own column families outside the tablespaces, by name. */
    private final Map<String, RecordFamily> recordFamilies = new LinkedHashMap<>();
    private final Set<RocksStorageTransaction> activeTransactions = ConcurrentHashMap.newKeySet();
    /** Numbers transactions in the order they begin. */
    private final AtomicLong tickets = new AtomicLong();
    private final BulkLoads bulkLoads;
    private volatile String blockCacheName;
    private volatile boolean closed;

    private StorageEngine(StorageSettings settings, RocksResources resources, TransactionDB db,
            ColumnFamilyHandle defaultHandle, Map<String, Tablespace> tablespaces, BulkLoads bulkLoads) {
        this.settings = settings;
        this.resources = resources;
        this.db = db;
        this.defaultHandle = defaultHandle;
        this.tablespaces = tablespaces;
        this.bulkLoads = bulkLoads;
    }

    /** Opens (creating if missing) the storage under {@code settings.dataDir()}. */
    public static StorageEngine open(StorageSettings settings) {
        Path dir = settings.dataDir().resolve("rocksdb");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw RustyDbException.wrap(ErrorCode.IO_ERROR, e,
                    "could not create data directory \"" + dir + "\": " + e.getMessage());
        }
        List<String> names = columnFamilyNames(dir);
        RocksResources resources = new RocksResources(settings);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), resources.cfOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        TransactionDB db;
        try {
            db = TransactionDB.open(resources.dbOptions, resources.txnDbOptions, dir.toString(), descriptors,
                    handles);
        } catch (RocksDBException e) {
            resources.close();
            throw RocksErrors.translate(e, null);
        }
        Map<String, Tablespace> spaces = new LinkedHashMap<>();
        Map<String, ColumnFamilyHandle> records = new LinkedHashMap<>();
        ColumnFamilyHandle defaultHandle = null;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(DEFAULT_CF)) {
                defaultHandle = handles.get(i);
            } else if (RECORD_FAMILIES.contains(names.get(i))) {
                records.put(names.get(i), handles.get(i));
            } else {
                spaces.put(key(names.get(i)), new Tablespace(names.get(i), handles.get(i)));
            }
        }
        BulkLoads bulkLoads = new BulkLoads(db, defaultHandle);
        bulkLoads.recover(spaces);
        LOG.info("Buffer pool initialized: ~{} MB ({} pages × {} bytes)",
                Math.round(settings.bufferPoolSize() / (1024.0 * 1024.0)), settings.bufferPoolPages(),
                settings.pageSize());
        LOG.info("WAL system initialized");
        LOG.info("Storage opened in {} (wal.sync_mode={}, tablespaces {})", dir, settings.walSyncMode(),
                spaces.keySet());
        StorageEngine engine = new StorageEngine(settings, resources, db, defaultHandle,
                Collections.unmodifiableMap(spaces), bulkLoads);
        records.forEach((name, handle) -> engine.recordFamilies.put(name, new RecordFamily(engine, name, handle)));
        return engine;
    }

    /**
     * "default" first, then SYSTEM, USERS, TEMP, the record families, then any other column family
     * found on disk.
     */
    private static List<String> columnFamilyNames(Path dir) {
        List<String> names = new ArrayList<>(List.of(DEFAULT_CF, SYSTEM, USERS, TEMP));
        names.addAll(RECORD_FAMILIES);
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return names;
        }
        try (Options options = new Options()) {
            for (byte[] raw : RocksDB.listColumnFamilies(options, dir.toString())) {
                String name = new String(raw, StandardCharsets.UTF_8);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
        return names;
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Tablespace names, the built-in ones first. */
    public List<String> tablespaceNames() {
        List<String> names = new ArrayList<>();
        for (Tablespace t : tablespaces.values()) {
            names.add(t.name());
        }
        return names;
    }

    /**
     * The tablespace with this name, case-insensitively.
     *
     * @throws RustyDbException {@code UNDEFINED_OBJECT} when there is none
     */
    public Tablespace tablespace(String name) {
        Tablespace t = tablespaces.get(key(name));
        if (t == null) {
            throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "tablespace \"" + name + "\" does not exist");
        }
        return t;
    }

    /**
     * Creates a tablespace (a column family, named in upper case); it survives restarts.
     *
     * @throws RustyDbException {@code OBJECT_NOT_IN_PREREQUISITE_STATE} if it already exists
     */
    public synchronized Tablespace createTablespace(String name) {
        checkOpen();
        if (name == null || name.isBlank()) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "tablespace name must not be empty");
        }
        String upper = key(name.trim());
        if (tablespaces.containsKey(upper) || upper.equals(key(DEFAULT_CF))) {
            throw new RustyDbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "tablespace \"" + name + "\" already exists");
        }
        ColumnFamilyHandle handle;
        try {
            handle = db.createColumnFamily(
                    new ColumnFamilyDescriptor(upper.getBytes(StandardCharsets.UTF_8), resources.cfOptions));
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, upper);
        }
        Tablespace created = new Tablespace(upper, handle);
        Map<String, Tablespace> next = new LinkedHashMap<>(tablespaces);
        next.put(upper, created);
        tablespaces = Collections.unmodifiableMap(next);
        LOG.info("Tablespace {} created", upper);
        return created;
    }

    /** True while RocksDB delays or stops writes because flushes or compactions are behind. */
    boolean writeStalled() {
        return resources.writeStalls.active();
    }

    /** The Pekko Persistence journal's column family ({@value #JOURNAL_FAMILY}). */
    public RecordFamily journalFamily() {
        return recordFamilies.get(JOURNAL_FAMILY);
    }

    /** The Pekko Persistence snapshot store's column family ({@value #SNAPSHOT_FAMILY}). */
    public RecordFamily snapshotFamily() {
        return recordFamilies.get(SNAPSHOT_FAMILY);
    }

    /** Starts a pessimistic READ COMMITTED transaction with deadlock detection for the engine's own work. */
    public StorageTransaction begin() {
        return begin(0);
    }

    /**
     * Starts a pessimistic READ COMMITTED transaction with deadlock detection on behalf of session
     * {@code owner} (the owner {@link #transactionActivity()} reports).
     */
    public StorageTransaction begin(int owner) {
        checkOpen();
        Transaction txn = db.beginTransaction(resources.writeOptions, resources.txnOptions);
        RocksStorageTransaction t = new RocksStorageTransaction(this, db, txn, tickets.incrementAndGet(), owner);
        activeTransactions.add(t);
        return t;
    }

    /** The latest committed value under {@code key}, or {@code null}; outside any transaction. */
    public byte[] get(Tablespace tablespace, byte[] key) {
        checkOpen();
        try {
            return db.get(tablespace.handle(), key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /** Writes one key as its own committed transaction, WAL synced per {@code wal.sync_mode}. */
    public void put(Tablespace tablespace, byte[] key, byte[] value) {
        checkOpen();
        try {
            db.put(tablespace.handle(), resources.writeOptions, key, value);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /** Deletes one key as its own committed transaction, WAL synced per {@code wal.sync_mode}. */
    public void delete(Tablespace tablespace, byte[] key) {
        checkOpen();
        try {
            db.delete(tablespace.handle(), resources.writeOptions, key);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /** Flushes every tablespace's and record family's memtable to disk and fsyncs the WAL. */
    public void flush() {
        checkOpen();
        try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            List<ColumnFamilyHandle> all = handles();
            for (RecordFamily f : recordFamilies.values()) {
                all.add(f.handle());
            }
            db.flush(options, all);
            db.flushWal(true);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
    }

    /**
     * Compacts the key range {@code [from, to)} of a tablespace down to the bottom level, so
     * deleted and overwritten rows stop taking space (VACUUM). Either bound may be null.
     */
    public void compactRange(Tablespace tablespace, byte[] from, byte[] to) {
        checkOpen();
        try (CompactRangeOptions options = new CompactRangeOptions()
                .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
            db.compactRange(tablespace.handle(), from, to, options);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, tablespace.name());
        }
    }

    /**
     * RocksDB's estimate of the bytes the keys in {@code [from, to)} of a tablespace take: the
     * SST files' share of the range plus the memtables' entries in it (committed data only, and
     * deleted or overwritten rows until compaction drops them). {@code to} null means no upper
     * bound. Read-only and cheap: it reads file metadata and samples the memtables, never the rows.
     */
    public long approximateSize(Tablespace tablespace, byte[] from, byte[] to) {
        checkOpen();
        byte[] limit = to != null ? to : new byte[] {-1, -1, -1, -1, -1, -1, -1, -1};
        try (org.rocksdb.Slice start = new org.rocksdb.Slice(from); org.rocksdb.Slice end = new org.rocksdb.Slice(limit)) {
            long[] sizes = db.getApproximateSizes(tablespace.handle(), List.of(new org.rocksdb.Range(start, end)),
                    org.rocksdb.SizeApproximationFlag.INCLUDE_MEMTABLES, org.rocksdb.SizeApproximationFlag.INCLUDE_FILES);
            return sizes[0];
        }
    }

    /**
     * Writes a consistent copy of the storage that {@link #open} can start from to
     * {@code target}, which must not exist: a RocksDB checkpoint (hard links to the SST files where
     * the file system allows, copies of the rest).
     */
    public void checkpoint(Path target) {
        checkOpen();
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
    }

    /** The RocksDB instance, for {@link ThreadIo} (the thread's PerfContext). */
    TransactionDB db() {
        return db;
    }

    /**
     * RocksDB statistics (block cache hit/miss tickers and more) for monitoring; not to be read
     * once the storage is closed (they are freed with it).
     *
     * @throws RustyDbException {@code ADMIN_SHUTDOWN} once the storage is closed
     */
    public Statistics statistics() {
        checkOpen();
        return resources.statistics;
    }

    /** Configured buffer pool (block cache) capacity in bytes. */
    public long blockCacheCapacity() {
        return settings.bufferPoolSize();
    }

    /** Bytes currently held in the buffer pool (block cache). */
    public long blockCacheUsage() {
        checkOpen();
        return resources.blockCache.getUsage();
    }

    /**
     * Bytes of the buffer pool (block cache) held by pinned entries: blocks a reader is using now
     * and the index and filter blocks of level-0 files, which stay pinned.
     */
    public long blockCachePinnedUsage() {
        checkOpen();
        return resources.blockCache.getPinnedUsage();
    }

    /**
     * The name RocksDB gives the block cache implementation in use (e.g. {@code LRUCache}), from its
     * {@code rocksdb.block-cache-entry-stats} property; read once, it does not change.
     */
    public String blockCacheImplementation() {
        String name = blockCacheName;
        if (name == null) {
            checkOpen();
            String id;
            try {
                id = db.getMapProperty(defaultHandle, "rocksdb.block-cache-entry-stats").get("id");
            } catch (RocksDBException e) {
                throw RocksErrors.translate(e, null);
            }
            if (id == null || id.isEmpty()) {
                throw new IllegalStateException("RocksDB reported no block cache id");
            }
            int at = id.indexOf('@');
            name = at > 0 ? id.substring(0, at) : id;
            blockCacheName = name;
        }
        return name;
    }

    /**
     * A numeric RocksDB property of the database as a whole (read through its default column
     * family), e.g. {@code rocksdb.block-cache-capacity}, for monitoring; read-only. Block cache
     * properties must be read this way: summing them over the tablespaces would count the one
     * shared cache once per tablespace.
     */
    public long dbProperty(String property) {
        checkOpen();
        try {
            return db.getLongProperty(defaultHandle, property);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
    }

    /** The write-ahead log records RocksDB replayed when this storage opened. */
    public WalReplay walReplay() {
        return resources.walReplay.replay();
    }

    /** Transactions begun and not yet committed or rolled back, for monitoring. */
    public int activeTransactionCount() {
        return activeTransactions.size();
    }

    /** The session owning one of the transactions {@code ids}, 0 if none is a session's (any thread). */
    int ownerOf(List<Long> ids) {
        for (RocksStorageTransaction t : activeTransactions) {
            TransactionActivity activity = t.activity();
            if (activity != null && activity.owner() != 0 && ids.contains(activity.id())) {
                return activity.owner();
            }
        }
        return 0;
    }

    /**
     * What every open transaction is doing now: its id, owner, start, counted row locks and the
     * transactions it waits for. Costs two native calls per open transaction; for monitoring on
     * demand, not for every statement.
     */
    public List<TransactionActivity> transactionActivity() {
        List<TransactionActivity> all = new ArrayList<>(activeTransactions.size());
        for (RocksStorageTransaction t : activeTransactions) {
            TransactionActivity activity = t.activity();
            if (activity != null) {
                all.add(activity);
            }
        }
        return all;
    }

    /**
     * A numeric RocksDB property summed over every tablespace, e.g.
     * {@code rocksdb.cur-size-all-mem-tables}, for monitoring; read-only.
     */
    public long aggregatedProperty(String property) {
        checkOpen();
        try {
            return db.getAggregatedLongProperty(property);
        } catch (RocksDBException e) {
            throw RocksErrors.translate(e, null);
        }
    }

    void transactionFinished(RocksStorageTransaction transaction) {
        activeTransactions.remove(transaction);
        if (!bulkLoads.idle()) {
            long oldest = Long.MAX_VALUE;
            for (RocksStorageTransaction t : activeTransactions) {
                oldest = Math.min(oldest, t.ticket);
            }
            bulkLoads.prune(oldest);
        }
    }

    org.rocksdb.WriteOptions syncedWriteOptions() {
        return resources.syncedWriteOptions;
    }

    org.rocksdb.DBOptions dbOptions() {
        return resources.dbOptions;
    }

    BulkLoads bulkLoads() {
        return bulkLoads;
    }

    /** The ticket of the latest transaction begun. */
    long currentTicket() {
        return tickets.get();
    }

    /** Column family of the engine's own records (bulk-load markers). */
    ColumnFamilyHandle markerFamily() {
        return defaultHandle;
    }

    private List<ColumnFamilyHandle> handles() {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        for (Tablespace t : tablespaces.values()) {
            handles.add(t.handle());
        }
        return handles;
    }

    void checkOpen() {
        if (closed) {
            throw new RustyDbException(ErrorCode.ADMIN_SHUTDOWN);
        }
    }

    /**
     * Rolls back open transactions, syncs the WAL, stops background work and frees native
     * resources. Idempotent. Callers must not use the engine or its transactions concurrently.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RocksStorageTransaction t : List.copyOf(activeTransactions)) {
            try {
                t.close();
            } catch (RuntimeException e) {
                LOG.warn("Rolling back a transaction at shutdown failed", e);
            }
        }
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            LOG.error("Could not sync the WAL at shutdown", e);
        }
        db.cancelAllBackgroundWork(true);
        for (ColumnFamilyHandle h : handles()) {
            h.close();
        }
        for (RecordFamily f : recordFamilies.values()) {
            f.handle().close();
        }
        if (defaultHandle != null) {
            defaultHandle.close();
        }
        try {
            db.closeE();
        } catch (RocksDBException e) {
            LOG.error("Closing RocksDB failed", e);
        }
        bulkLoads.close();
        resources.close();
        LOG.info("Storage closed");
    }
}
