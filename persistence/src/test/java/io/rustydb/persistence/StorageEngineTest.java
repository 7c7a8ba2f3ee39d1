package io.rustydb.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.TickerType;

class StorageEngineTest {
    @TempDir
    Path dir;
    private StorageEngine engine;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        engine = open(Duration.ofSeconds(5));
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        engine.close();
    }

    private StorageEngine open(Duration lockTimeout) {
        return StorageEngine.open(new StorageSettings(dir, 4096, 2L * 1024 * 1024, WalSyncMode.LOCAL, lockTimeout));
    }

    @Test
    void defaultTablespacesExist() {
        assertEquals(List.of("SYSTEM", "USERS", "TEMP"), engine.tablespaceNames());
        assertEquals("USERS", engine.tablespace("users").name());
        RustyDbException e = assertThrows(RustyDbException.class, () -> engine.tablespace("nope"));
        assertEquals("42704", e.sqlState());
        assertEquals("tablespace \"nope\" does not exist", e.getMessage());
        assertThrows(RustyDbException.class, () -> engine.tablespace("default"));
        assertTrue(Files.isDirectory(dir.resolve("rocksdb")));
    }

    @Test
    void dataAndCreatedTablespacesSurviveReopen() {
        Tablespace archive = engine.createTablespace("archive");
        assertEquals("ARCHIVE", archive.name());
        RustyDbException dup = assertThrows(RustyDbException.class, () -> engine.createTablespace("Archive"));
        assertEquals("tablespace \"Archive\" already exists", dup.getMessage());
        for (String name : List.of("SYSTEM", "USERS", "TEMP", "ARCHIVE")) {
            engine.put(engine.tablespace(name), b("k"), b("v-" + name));
        }
        try (StorageTransaction t = engine.begin()) {
            t.put(archive, b("txn"), b("committed"));
            t.commit();
        }
        engine.flush();
        engine.put(engine.tablespace("USERS"), b("after-flush"), b("wal-only"));
        engine.close();
        engine.close();

        engine = open(Duration.ofSeconds(5));
        assertEquals(List.of("SYSTEM", "USERS", "TEMP", "ARCHIVE"), engine.tablespaceNames());
        for (String name : List.of("SYSTEM", "USERS", "TEMP", "ARCHIVE")) {
            assertEquals("v-" + name, s(engine.get(engine.tablespace(name), b("k"))));
        }
        assertEquals("committed", s(engine.get(engine.tablespace("archive"), b("txn"))));
        assertEquals("wal-only", s(engine.get(engine.tablespace("USERS"), b("after-flush"))));
        assertNull(engine.get(engine.tablespace("SYSTEM"), b("txn")), "tablespaces are separate key spaces");
    }

    @Test
    void commitIsVisibleAndRollbackIsNot() {
        Tablespace users = engine.tablespace("USERS");
        StorageTransaction t1 = engine.begin();
        t1.put(users, b("a"), b("1"));
        assertEquals("1", s(t1.get(users, b("a"))), "own write visible");
        assertNull(engine.get(users, b("a")), "uncommitted write invisible outside");
        t1.commit();
        assertFalse(t1.isActive());
        t1.close();
        assertEquals("1", s(engine.get(users, b("a"))));

        StorageTransaction t2 = engine.begin();
        t2.put(users, b("b"), b("2"));
        t2.delete(users, b("a"));
        assertNull(t2.get(users, b("a")));
        t2.rollback();
        t2.rollback();
        t2.close();
        assertNull(engine.get(users, b("b")));
        assertEquals("1", s(engine.get(users, b("a"))));
        assertThrows(IllegalStateException.class, () -> t2.put(users, b("c"), b("3")));
    }

    @Test
    void scanHonoursBoundsAndMergesOwnWrites() {
        Tablespace users = engine.tablespace("USERS");
        for (String k : List.of("a", "b", "c", "d", "e")) {
            engine.put(users, b(k), b(k.toUpperCase()));
        }
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            t.put(users, b("bb"), b("new"));
            t.put(users, b("c"), b("changed"));
            t.delete(users, b("d"));
            t.put(users, b("e"), b("out of range"));
            assertEquals(List.of("b=B", "bb=new", "c=changed"), scan(t, users, b("b"), b("d")));
            assertEquals(List.of("a=A", "b=B", "bb=new", "c=changed"), scan(t, users, null, b("d")));
            assertEquals(List.of("c=changed", "e=out of range"), scan(t, users, b("c"), null));
            KvIterator open = t.scan(users, null, null);
            assertTrue(open.next());
            t.rollback();
            assertThrows(IllegalStateException.class, open::next);
            open.close();
        }
    }

    @Test
    void statementSnapshotIsReadCommitted() {
        Tablespace users = engine.tablespace("USERS");
        engine.put(users, b("k"), b("old"));
        try (StorageTransaction reader = engine.begin()) {
            reader.beginStatement();
            assertEquals("old", s(reader.get(users, b("k"))));
            engine.put(users, b("k"), b("new"));
            engine.put(users, b("k2"), b("x"));
            assertEquals("old", s(reader.get(users, b("k"))), "same statement keeps its snapshot");
            assertEquals(List.of("k=old"), scan(reader, users, null, null));
            reader.beginStatement();
            assertEquals("new", s(reader.get(users, b("k"))), "next statement sees the commit");
            assertEquals(List.of("k=new", "k2=x"), scan(reader, users, null, null));
        }
    }

    @Test
    void getForUpdateWaitsForTheLockHolderThenReadsItsCommit() throws Exception {
        Tablespace users = engine.tablespace("USERS");
        engine.put(users, b("row"), b("v0"));
        StorageTransaction t1 = engine.begin();
        t1.put(users, b("row"), b("v1"));
        StorageTransaction t2 = engine.begin();
        t2.beginStatement();
        AtomicBoolean t1Committed = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> waiter = pool.submit(() -> {
            started.countDown();
            byte[] locked = t2.getForUpdate(users, b("row"));
            boolean sawCommit = t1Committed.get();
            assertEquals("v1", s(locked), "latest committed value, not the statement snapshot");
            assertEquals("v0", s(t2.get(users, b("row"))), "plain reads keep the statement snapshot");
            t2.put(users, b("row"), b("v2"));
            t2.commit();
            return sawCommit;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertFalse(waiter.isDone(), "second writer must wait for the first");
        t1Committed.set(true);
        t1.commit();
        assertTrue(waiter.get(5, TimeUnit.SECONDS), "T2 returned only after T1 committed");
        assertEquals("v2", s(engine.get(users, b("row"))));
        t1.close();
        t2.close();
    }

    @Test
    void deadlockIsReportedAs40P01() throws Exception {
        Tablespace users = engine.tablespace("USERS");
        StorageTransaction t1 = engine.begin();
        StorageTransaction t2 = engine.begin();
        t1.getForUpdate(users, b("A"));
        t2.getForUpdate(users, b("B"));
        Future<RustyDbException> f1 = pool.submit(() -> lockOrFail(t1, users, b("B")));
        Thread.sleep(100);
        Future<RustyDbException> f2 = pool.submit(() -> lockOrFail(t2, users, b("A")));
        RustyDbException e1 = f1.get(4, TimeUnit.SECONDS);
        RustyDbException e2 = f2.get(4, TimeUnit.SECONDS);
        assertTrue(e1 == null ^ e2 == null, "exactly one transaction is the deadlock victim: " + e1 + " / " + e2);
        RustyDbException victim = e1 != null ? e1 : e2;
        assertEquals("40P01", victim.sqlState());
        assertEquals("deadlock detected", victim.getMessage());
    }

    private static RustyDbException lockOrFail(StorageTransaction t, Tablespace ts, byte[] key) {
        try {
            t.getForUpdate(ts, key);
            t.commit();
            return null;
        } catch (RustyDbException e) {
            t.rollback();
            return e;
        }
    }

    @Test
    void lockTimeoutIsReportedAs55P03() {
        engine.close();
        engine = open(Duration.ofMillis(200));
        Tablespace users = engine.tablespace("USERS");
        try (StorageTransaction t1 = engine.begin(); StorageTransaction t2 = engine.begin()) {
            t1.put(users, b("k"), b("1"));
            RustyDbException e = assertThrows(RustyDbException.class, () -> t2.getForUpdate(users, b("k")));
            assertEquals("55P03", e.sqlState());
            assertTrue(e.getMessage().startsWith("could not obtain lock on row"), e.getMessage());
            RustyDbException autocommit = assertThrows(RustyDbException.class,
                    () -> engine.put(users, b("k"), b("2")));
            assertEquals("55P03", autocommit.sqlState());
            assertTrue(t2.isActive(), "a lock timeout leaves the transaction usable");
        }
    }

    @Test
    void closeRollsBackOpenTransactionsAndRejectsFurtherUse() {
        Tablespace users = engine.tablespace("USERS");
        StorageTransaction t = engine.begin();
        t.put(users, b("k"), b("v"));
        KvIterator it = t.scan(users, null, null);
        engine.close();
        assertFalse(t.isActive());
        it.close();
        t.close();
        assertEquals("57P01", assertThrows(RustyDbException.class, () -> engine.begin()).sqlState());
        engine = open(Duration.ofSeconds(5));
        assertNull(engine.get(engine.tablespace("USERS"), b("k")));
    }

    @Test
    void exposesBufferPoolStatistics() {
        Tablespace users = engine.tablespace("USERS");
        for (int i = 0; i < 200; i++) {
            engine.put(users, b("key" + i), new byte[100]);
        }
        engine.flush();
        for (int i = 0; i < 200; i++) {
            assertNotNull(engine.get(users, b("key" + i)));
        }
        assertEquals(2L * 1024 * 1024, engine.blockCacheCapacity());
        assertTrue(engine.blockCacheUsage() > 0);
        long accesses = engine.statistics().getTickerCount(TickerType.BLOCK_CACHE_HIT)
                + engine.statistics().getTickerCount(TickerType.BLOCK_CACHE_MISS);
        assertTrue(accesses > 0);
    }

    @Test
    void blockCachePropertiesAreReadOnceForTheWholeDatabase() {
        Tablespace users = engine.tablespace("USERS");
        for (int i = 0; i < 200; i++) {
            engine.put(users, b("key" + i), new byte[100]);
        }
        engine.flush();
        for (int i = 0; i < 200; i++) {
            assertNotNull(engine.get(users, b("key" + i)));
        }
        // one shared cache: the database-wide property, not a sum over the four tablespaces
        assertEquals(2L * 1024 * 1024, engine.dbProperty("rocksdb.block-cache-capacity"));
        long usage = engine.dbProperty("rocksdb.block-cache-usage");
        assertTrue(usage > 0 && usage <= 2L * 1024 * 1024, "usage " + usage);
        assertEquals(engine.blockCachePinnedUsage(), engine.dbProperty("rocksdb.block-cache-pinned-usage"));
        assertTrue(engine.blockCachePinnedUsage() > 0, "the L0 file's index and filter blocks are pinned");
        assertEquals("LRUCache", engine.blockCacheImplementation());
        engine.close();
        assertEquals("57P01", assertThrows(RustyDbException.class, () -> engine.statistics()).sqlState());
        assertEquals("57P01", assertThrows(RustyDbException.class,
                () -> engine.dbProperty("rocksdb.block-cache-usage")).sqlState());
        engine = open(Duration.ofSeconds(5));
    }

    @Test
    void walRecordsReplayedAtOpenAreCounted() {
        assertEquals(new WalReplay(0, 0), engine.walReplay());
        Tablespace users = engine.tablespace("USERS");
        for (int i = 0; i < 7; i++) {
            engine.put(users, b("wal" + i), new byte[50]);
        }
        engine.close(); // syncs the WAL but does not flush the memtables: the next open replays them
        engine = open(Duration.ofSeconds(5));
        WalReplay replay = engine.walReplay();
        assertEquals(7, replay.records(), replay.toString());
        // each batch holds one put of a 5-byte key and a 50-byte value in one column family
        assertTrue(replay.bytes() > 7 * 55 && replay.bytes() < 7 * 100, replay.toString());
        assertNotNull(engine.get(engine.tablespace("USERS"), b("wal6")));
    }

    private static List<String> scan(StorageTransaction t, Tablespace ts, byte[] lower, byte[] upper) {
        List<String> out = new ArrayList<>();
        try (KvIterator it = t.scan(ts, lower, upper)) {
            while (it.next()) {
                out.add(s(it.key()) + "=" + s(it.value()));
            }
            assertFalse(it.next());
        }
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static String s(byte[] bytes) {
        return bytes == null ? null : new String(bytes, UTF_8);
    }

    @Test
    void keyCodecRangesWorkInStorage() {
        Tablespace users = engine.tablespace("USERS");
        var types = List.of(io.rustydb.common.types.DataType.INTEGER, io.rustydb.common.types.DataType.TEXT);
        for (int id : new int[] {6, 7, 8}) {
            for (int a = 1; a <= 3; a++) {
                engine.put(users, KeyCodec.encodeKey(id, types, new Object[] {a, "x" + a}), b("r"));
            }
        }
        try (StorageTransaction t = engine.begin(); KvIterator it = t.scan(users, KeyCodec.objectPrefix(7),
                KeyCodec.objectPrefixEnd(7))) {
            int count = 0;
            while (it.next()) {
                assertEquals(7, KeyCodec.objectId(it.key()));
                assertArrayEquals(new Object[] {count + 1, "x" + (count + 1)}, KeyCodec.decodeKey(it.key(), types));
                count++;
            }
            assertEquals(3, count);
        }
    }

    @Test
    void aTransactionThatOnlyReadCommitsWithoutTouchingTheWal() {
        Tablespace users = engine.tablespace("USERS");
        try (StorageTransaction t = engine.begin()) {
            t.put(users, "k".getBytes(UTF_8), "v".getBytes(UTF_8));
            t.commit();
        }
        long syncs = engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED);
        long walBytes = engine.statistics().getTickerCount(TickerType.WAL_FILE_BYTES);
        try (StorageTransaction t = engine.begin()) {
            assertArrayEquals("v".getBytes(UTF_8), t.get(users, "k".getBytes(UTF_8)));
            assertArrayEquals("v".getBytes(UTF_8), t.getForUpdate(users, "k".getBytes(UTF_8)));
            t.commit();
            assertFalse(t.isActive());
        }
        assertEquals(syncs, engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED));
        assertEquals(walBytes, engine.statistics().getTickerCount(TickerType.WAL_FILE_BYTES));
        // the row lock taken by getForUpdate was released by that commit
        try (StorageTransaction t = engine.begin()) {
            t.lockTimeout(100);
            t.put(users, "k".getBytes(UTF_8), "w".getBytes(UTF_8));
            t.commit();
        }
        assertTrue(engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED) > syncs);
    }
}
