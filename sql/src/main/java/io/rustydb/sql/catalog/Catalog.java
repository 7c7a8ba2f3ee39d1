package io.rustydb.sql.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's table definitions, persisted as JSON documents in the SYSTEM tablespace and held in
 * memory for planning. DDL is applied to storage first (durably) and then published here; every
 * change bumps {@link #version()} so cached plans are re-planned.
 */
public final class Catalog {
    /** Catalog keys live under object id 0 of the SYSTEM tablespace. */
    private static final int CATALOG_OBJECT = 0;
    private static final String TABLE_PREFIX = "table/";
    private static final int FIRST_TABLE_ID = 16384;
    private static final int DELETE_BATCH = 10_000;
    private static final String NEXT_ID_KEY = "next_object_id";

    private final StorageEngine storage;
    private final Tablespace system;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, TableDef> tables = new ConcurrentHashMap<>();
    private final AtomicInteger nextTableId = new AtomicInteger(FIRST_TABLE_ID);
    private final AtomicLong version = new AtomicLong();
    private final RowIdAllocator rowIds;
    private final TableLocks locks = new TableLocks();
    private final Map<Integer, Long> rowCounts = new ConcurrentHashMap<>();
    private final Map<String, ViewDef> views = new ConcurrentHashMap<>();
    private static final String VIEW_PREFIX = "view/";
    private final Sequences sequences;
    private final ObjectReaper reaper;

    private Catalog(StorageEngine storage) {
        this.storage = storage;
        this.system = storage.tablespace("SYSTEM");
        this.rowIds = new RowIdAllocator(storage, system);
        this.sequences = new Sequences(storage, system, json);
        this.reaper = new ObjectReaper(this, storage, system);
    }

    /** Loads every table definition from the SYSTEM tablespace. */
    public static Catalog load(StorageEngine storage) {
        Catalog catalog = new Catalog(storage);
        catalog.readAll();
        catalog.reaper.start();
        return catalog;
    }

    private void readAll() {
        byte[] storedNextId = storage.get(system, key(NEXT_ID_KEY));
        if (storedNextId != null) {
            nextTableId.set(java.nio.ByteBuffer.wrap(storedNextId).getInt());
        }
        byte[] from = key(TABLE_PREFIX);
        byte[] to = key(TABLE_PREFIX + "\uffff");
        try (StorageTransaction txn = storage.begin(); KvIterator it = txn.scan(system, from, to)) {
            while (it.next()) {
                TableDef def = json.readValue(it.value(), TableDef.class);
                tables.put(qualified(def.schema(), def.name()), def);
                nextTableId.accumulateAndGet(def.id() + 1, Math::max);
            }
        } catch (java.io.IOException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, "unreadable catalog: " + e.getMessage());
        }
        try (StorageTransaction txn = storage.begin();
                KvIterator it = txn.scan(system, key(VIEW_PREFIX), key(VIEW_PREFIX + "\uffff"))) {
            while (it.next()) {
                ViewDef view = json.readValue(it.value(), ViewDef.class);
                views.put(qualified(view.schema(), view.name()), view);
            }
            sequences.load();
        } catch (java.io.IOException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, "unreadable catalog: " + e.getMessage());
        }
    }

    /** Table-level locks between writers and DDL. */
    public TableLocks locks() {
        return locks;
    }

    /** Incremented on every DDL; part of every plan-cache key. */
    public long version() {
        return version.get();
    }

    public Optional<TableDef> table(String schema, String name) {
        return Optional.ofNullable(tables.get(qualified(schema, name)));
    }

    public List<TableDef> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * Allocates the id (key prefix) of a new table or index. The counter is stored durably before
     * the id is used, so an id is never handed out twice, not even after a crash that left rows
     * of a half-dropped or half-rebuilt table behind.
     */
    public synchronized int newObjectId() {
        int id = nextTableId.getAndIncrement();
        storage.put(system, key(NEXT_ID_KEY), java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(id + 1).array());
        return id;
    }

    public List<ViewDef> views() {
        return List.copyOf(views.values());
    }

    public Optional<ViewDef> view(String schema, String name) {
        return Optional.ofNullable(views.get(qualified(schema, name)));
    }

    /** Durably records a view (replacing one of the same name if {@code replace}); 42P07 if a table has the name. */
    public synchronized void createView(ViewDef view, boolean replace) {
        String key = qualified(view.schema(), view.name());
        if (tables.containsKey(key) || sequences.exists(key) || (!replace && views.containsKey(key))) {
            throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, view.name());
        }
        try {
            storage.put(system, key(VIEW_PREFIX + key), json.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
        }
        views.put(key, view);
        version.incrementAndGet();
    }

    public synchronized void dropView(ViewDef view) {
        String key = qualified(view.schema(), view.name());
        storage.delete(system, key(VIEW_PREFIX + key));
        views.remove(key);
        version.incrementAndGet();
    }

    /** Durably records a new table; fails with 42P07 if the name is taken (by a table or a view). */
    public synchronized void createTable(TableDef def) {
        String key = qualified(def.schema(), def.name());
        if (tables.containsKey(key) || views.containsKey(key) || sequences.exists(key)
                || indexOwner(def.schema(), def.name()).isPresent()) {
            throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, def.name());
        }
        try {
            storage.put(system, key(TABLE_PREFIX + def.id()), json.writeValueAsBytes(def));
        } catch (JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
        }
        tables.put(key, def);
        version.incrementAndGet();
    }

    /** The node's sequences (definitions and values). */
    public Sequences sequences() {
        return sequences;
    }

    /** Whether a table, view or sequence has this name. */
    public boolean relationExists(String schema, String name) {
        String key = qualified(schema, name);
        return tables.containsKey(key) || views.containsKey(key) || sequences.exists(key);
    }

    /** Durably records a new sequence; fails with 42P07 if a table, view or sequence has its name. */
    public synchronized void createSequence(SequenceDef def) {
        if (relationExists(def.schema(), def.name())) {
            throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, def.name());
        }
        sequences.create(def);
        version.incrementAndGet();
    }

    /** Durably removes a sequence and its value. */
    public synchronized void dropSequence(SequenceDef def) {
        sequences.drop(def);
        version.incrementAndGet();
    }

    /** Durably removes a table's definition, then deletes its rows. */
    public void dropTable(TableDef def) {
        synchronized (this) {
            try (StorageTransaction txn = storage.begin()) {
                txn.delete(system, key(TABLE_PREFIX + def.id()));
                txn.delete(system, key("rowid/" + def.id()));
                txn.commit();
            }
            tables.remove(qualified(def.schema(), def.name()));
            rowIds.forget(def.id());
            version.incrementAndGet();
        }
        deleteRows(def);
    }

    /**
     * Durably replaces a table's definition in one step (ALTER TABLE, TRUNCATE): {@code next}
     * may have another id, i.e. another key range, or another name.
     */
    public synchronized void replaceTable(TableDef old, TableDef next) {
        String oldKey = qualified(old.schema(), old.name());
        String newKey = qualified(next.schema(), next.name());
        if (!oldKey.equals(newKey) && tables.containsKey(newKey)) {
            throw new RustyDbException(ErrorCode.DUPLICATE_TABLE, next.name());
        }
        try (StorageTransaction txn = storage.begin()) {
            if (old.id() != next.id()) {
                txn.delete(system, key(TABLE_PREFIX + old.id()));
                txn.delete(system, key("rowid/" + old.id()));
            }
            txn.put(system, key(TABLE_PREFIX + next.id()), json.writeValueAsBytes(next));
            txn.commit();
        } catch (JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, e.getMessage());
        }
        tables.remove(oldKey);
        tables.put(newKey, next);
        moveOwnedSequences(old, next);
        if (old.id() != next.id()) {
            rowIds.forget(old.id());
        }
        version.incrementAndGet();
    }

    /** The table owning the index of this name in {@code schema}, if there is one. */
    public Optional<TableDef> indexOwner(String schema, String indexName) {
        for (TableDef def : tables.values()) {
            if (def.schema().equals(schema) && def.allIndexes().stream().anyMatch(i -> i.name().equals(indexName))) {
                return Optional.of(def);
            }
        }
        return Optional.empty();
    }

    /** Keeps SERIAL/identity sequences with a renamed table or column; drops them with a dropped column. */
    private void moveOwnedSequences(TableDef old, TableDef next) {
        for (SequenceDef seq : sequences.ownedBy(old)) {
            String column = seq.ownerColumn();
            int index = old.columnIndex(column);
            if (next.columns().size() == old.columns().size() && index >= 0) {
                column = next.columns().get(index).name();
            }
            if (next.columnIndex(column) < 0) {
                sequences.drop(seq);
            } else if (!column.equals(seq.ownerColumn()) || !next.name().equals(old.name())) {
                sequences.reown(seq, next.name(), column);
            }
        }
    }

    /**
     * Retires the rows and index entries stored under a table's ids, which no definition uses any
     * more: they are removed in the background ({@link ObjectReaper}), durably recorded first.
     */
    public void deleteRows(TableDef def) {
        int[] ids = new int[def.indexes().size() + 1];
        ids[0] = def.id();
        for (int i = 0; i < def.indexes().size(); i++) {
            ids[i + 1] = def.indexes().get(i).id();
        }
        reaper.retire(def.tablespace(), ids);
    }

    /** Retires the entries of a dropped index: removed in the background. */
    public void retireObject(String tablespace, int objectId) {
        reaper.retire(tablespace, objectId);
    }

    /**
     * Waits until the background removal of retired objects is done; false if it took longer
     * than {@code millis}.
     */
    public boolean awaitRetiredObjectsRemoved(long millis) throws InterruptedException {
        return reaper.awaitIdle(millis);
    }

    /** Stops the background removal; what is left resumes at the next start. */
    public void close() {
        reaper.close();
    }

    /** Deletes every key stored under one object id (a table's rows or an index's entries). */
    public void deleteObject(String tablespace, int objectId) {
        deleteObject(tablespace, objectId, () -> false);
    }

    /**
     * Deletes every key stored under one object id in batches of {@link #DELETE_BATCH} keys (so a
     * large table does not become one huge transaction), then compacts the range; stops between
     * batches once {@code stop} says so. Returns whether every key was deleted.
     */
    boolean deleteObject(String tablespace, int objectId, java.util.function.BooleanSupplier stop) {
        Tablespace data = storage.tablespace(tablespace);
        byte[] from = KeyCodec.objectPrefix(objectId);
        byte[] to = KeyCodec.objectPrefixEnd(objectId);
        // each batch starts after the last key the previous one deleted: seeking from the start
        // again would step over every tombstone written so far, quadratic in the table's size
        byte[] resume = from;
        while (resume != null) {
            if (stop.getAsBoolean()) {
                return false;
            }
            byte[] start = resume;
            resume = null;
            try (StorageTransaction txn = storage.begin()) {
                txn.beginStatement();
                int deleted = 0;
                try (KvIterator it = txn.scan(data, start, to)) {
                    while (it.next()) {
                        byte[] key = it.key();
                        txn.delete(data, key);
                        if (++deleted == DELETE_BATCH) {
                            resume = java.util.Arrays.copyOf(key, key.length + 1);
                            break;
                        }
                    }
                }
                txn.commit();
            }
        }
        storage.compactRange(data, from, to);
        return true;
    }

    /**
     * Records the row count ANALYZE measured; the planner's statistics use it, so plans compiled
     * with the old statistics are planned again (as PostgreSQL re-plans after ANALYZE).
     */
    public void recordRowCount(int tableId, long rows) {
        storage.put(system, key("stats/" + tableId), java.nio.ByteBuffer.allocate(Long.BYTES).putLong(rows).array());
        rowCounts.put(tableId, rows);
        version.incrementAndGet();
    }

    /** The row count measured by the last ANALYZE of the table, or -1 if it was never analyzed. */
    public long analyzedRowCount(int tableId) {
        return rowCounts.computeIfAbsent(tableId, id -> {
            byte[] stored = storage.get(system, key("stats/" + id));
            return stored == null ? -1L : java.nio.ByteBuffer.wrap(stored).getLong();
        });
    }

    /** Records the number of distinct keys ANALYZE counted in an index (the planner's selectivity). */
    public void recordIndexDistinct(int indexId, long distinct) {
        storage.put(system, key("stats/" + indexId), java.nio.ByteBuffer.allocate(Long.BYTES).putLong(distinct).array());
        rowCounts.put(indexId, distinct);
        version.incrementAndGet();
    }

    /** Distinct keys of an index at its last ANALYZE, or -1 if it was never analyzed. */
    public long analyzedIndexDistinct(int indexId) {
        return analyzedRowCount(indexId);
    }

    /** Next hidden row id of a table without primary key. */
    public long nextRowId(int tableId) {
        return rowIds.next(tableId);
    }

    private static String qualified(String schema, String name) {
        return schema + "." + name;
    }

    static byte[] key(String suffix) {
        byte[] prefix = KeyCodec.objectPrefix(CATALOG_OBJECT);
        byte[] rest = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }
}
