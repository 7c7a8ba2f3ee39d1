package io.rustydb.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Bulk loads: keys written outside the transaction's write set, visible to others only once the
 * transaction commits, removed on rollback and after a crash.
 */
class BulkLoadTest {
    private static final int TABLE = 900;
    private static final int INDEX = 901;
    /** More than one {@link BulkLoad#BATCH_BYTES} batch of 60-byte values. */
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;
    private StorageEngine engine;
    private Tablespace users;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        engine = open(dir);
        users = engine.tablespace("USERS");
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        engine.close();
    }

    private static StorageEngine open(Path dataDir) {
        return StorageEngine.open(new StorageSettings(dataDir, 4096, 8L * 1024 * 1024, WalSyncMode.LOCAL,
                Duration.ofSeconds(30)));
    }

    @Test
    void loadedKeysStayOutOfTheTransactionAndBecomeVisibleAtCommit() throws Exception {
        try (StorageTransaction before = engine.begin()) {
            before.beginStatement();
            StorageTransaction loader = engine.begin();
            loader.beginStatement();
            WriteTarget bulk = loader.bulkLoad(users, TABLE, INDEX);
            assertNotNull(bulk);
            assertSame(bulk, loader.bulkLoad(users, TABLE, INDEX), "a second COPY continues the same load");
            load(bulk, 0, ROWS);
            bulk.put(users, KeyCodec.objectPrefix(INDEX), b("index entry"));
            // the load's own duplicate checks see keys already written and keys still batched
            assertArrayEquals(value(5), bulk.getForUpdate(users, key(5)));
            assertArrayEquals(value(ROWS - 1), bulk.getForUpdate(users, key(ROWS - 1)));
            assertNull(bulk.getForUpdate(users, key(ROWS)));
            assertEquals(0, ((RocksStorageTransaction) loader).stagedWrites(),
                    "nothing of the load is held in the RocksDB transaction");
            assertThrows(IllegalArgumentException.class, () -> bulk.put(users, KeyCodec.objectPrefix(7), b("x")));

            loader.beginStatement();
            assertEquals(ROWS, count(loader, TABLE), "the loading transaction reads its load");
            assertEquals(0, count(before, TABLE), "a snapshot from before the load does not wait and sees none");

            Future<Integer> during = pool.submit(() -> {
                try (StorageTransaction reader = engine.begin()) {
                    reader.beginStatement();
                    return count(reader, TABLE);
                }
            });
            Thread.sleep(300);
            assertFalse(during.isDone(), "a reader that started during the load waits for it");
            loader.commit();
            assertEquals(ROWS, during.get(10, TimeUnit.SECONDS), "then it sees all of it");
            assertEquals(0, count(before, TABLE), "the old snapshot still sees the table as it was");
            before.beginStatement();
            assertEquals(ROWS, count(before, TABLE));
        }
        engine.close();
        engine = open(dir);
        users = engine.tablespace("USERS");
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            assertEquals(ROWS, count(t, TABLE), "the committed load survives a restart");
            assertNull(t.bulkLoad(users, TABLE), "a table holding committed rows is not bulk loaded");
        }
    }

    @Test
    void aStatementThatAlreadyReadWithASnapshotInsideTheLoadFailsWith40001() {
        StorageTransaction loader = engine.begin();
        loader.beginStatement();
        load(loader.bulkLoad(users, TABLE), 0, 1000);
        loader.beginStatement(); // writes the batch
        try (StorageTransaction reader = engine.begin()) {
            reader.beginStatement();
            assertNull(reader.get(users, b("elsewhere")));
            loader.commit();
            RustyDbException e = assertThrows(RustyDbException.class, () -> count(reader, TABLE));
            assertEquals("40001", e.sqlState());
            reader.beginStatement();
            assertEquals(1000, count(reader, TABLE), "the next statement's snapshot sees the whole load");
        }
    }

    @Test
    void aReaderGivesUpAfterItsLockTimeout() {
        try (StorageTransaction loader = engine.begin()) {
            loader.beginStatement();
            load(loader.bulkLoad(users, TABLE), 0, 10);
            loader.beginStatement();
            try (StorageTransaction reader = engine.begin()) {
                reader.beginStatement();
                reader.lockTimeout(200);
                RustyDbException e = assertThrows(RustyDbException.class, () -> reader.get(users, key(1)));
                assertEquals("55P03", e.sqlState());
                RustyDbException locked = assertThrows(RustyDbException.class,
                        () -> reader.getForUpdate(users, key(1)));
                assertEquals("55P03", locked.sqlState());
            }
        }
    }

    @Test
    void rollbackRemovesTheLoad() {
        StorageTransaction loader = engine.begin();
        loader.beginStatement();
        loader.put(users, key(ROWS + 1), value(ROWS + 1));
        load(loader.bulkLoad(users, TABLE, INDEX), 0, ROWS);
        loader.rollback();
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            assertEquals(0, count(t, TABLE));
            assertNotNull(t.bulkLoad(users, TABLE, INDEX), "the objects are empty again");
        }
    }

    @Test
    void onlyReadCommittedTransactionsOfEmptyObjectsBulkLoad() {
        engine.put(users, key(1), value(1));
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            assertNull(t.bulkLoad(users, TABLE));
            assertNotNull(t.bulkLoad(users, INDEX));
        }
        try (StorageTransaction t = engine.begin()) {
            t.isolation(Isolation.REPEATABLE_READ);
            t.beginStatement();
            assertNull(t.bulkLoad(users, INDEX));
        }
    }

    @Test
    void aLoadWhoseTransactionNeverCommittedIsRemovedAtStartup() throws Exception {
        Path crashed = dir.resolve("crashed");
        StorageTransaction loader = engine.begin();
        loader.beginStatement();
        BulkLoad bulk = (BulkLoad) loader.bulkLoad(users, TABLE);
        load(bulk, 0, ROWS);
        bulk.prepareCommit();
        // the image a crash here leaves: the load's keys on disk, its transaction not committed
        java.nio.file.Files.createDirectories(crashed);
        engine.checkpoint(crashed.resolve("rocksdb"));
        loader.rollback();
        assertEquals(ROWS, rawCount(crashed.resolve("rocksdb"), TABLE));

        try (StorageEngine restarted = open(crashed); StorageTransaction t = restarted.begin()) {
            t.beginStatement();
            assertEquals(0, count(t, TABLE));
            assertNotNull(t.bulkLoad(restarted.tablespace("USERS"), TABLE));
        }
        assertEquals(0, rawCount(crashed.resolve("rocksdb"), TABLE));
    }

    private static void load(WriteTarget bulk, int from, int to) {
        Tablespace space = ((BulkLoad) bulk).tablespace;
        for (int i = from; i < to; i++) {
            bulk.put(space, key(i), value(i));
        }
    }

    private int count(StorageTransaction t, int objectId) {
        int n = 0;
        try (KvIterator it = t.scan(users, KeyCodec.objectPrefix(objectId), KeyCodec.objectPrefixEnd(objectId))) {
            while (it.next()) {
                n++;
            }
        }
        return n;
    }

    /** Keys of an object in a closed storage directory, read with plain RocksDB (no recovery). */
    private static int rawCount(Path rocksDir, int objectId) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : List.of("default", "SYSTEM", "USERS", "TEMP")) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
                RocksDB db = RocksDB.openReadOnly(options, rocksDir.toString(), descriptors, handles)) {
            int n = 0;
            try (RocksIterator it = db.newIterator(handles.get(2))) {
                byte[] prefix = KeyCodec.objectPrefix(objectId);
                for (it.seek(prefix); it.isValid() && KeyCodec.objectId(it.key()) == objectId; it.next()) {
                    n++;
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
            return n;
        }
    }

    private static byte[] key(int i) {
        return KeyCodec.encodeKey(TABLE, List.of(DataType.BIGINT), new Object[] {(long) i});
    }

    private static byte[] value(int i) {
        return b(String.format("row %08d ............................................", i));
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }
}
