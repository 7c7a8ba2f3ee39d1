package io.rustydb.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.common.session.WaitTotals;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waits a storage transaction publishes for its session: a read that misses the buffer pool
 * waits on a file read (point or scan), a commit on the WAL; reads served from the buffer pool do
 * not wait, and a scan through misses returns exactly what it would otherwise.
 */
class StorageWaitsTest {
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;
    private StorageEngine engine;
    private Tablespace users;
    private final WaitTotals totals = new WaitTotals();
    private final SessionState session = new SessionState(1, "u", "db", "a", Instant.now(), totals);

    @BeforeEach
    void load() {
        // a 1 MB buffer pool and 4 KB pages: the table (about 4 MB) does not fit
        engine = StorageEngine.open(new StorageSettings(dir, 4096, 1024 * 1024, WalSyncMode.LOCAL, Duration.ofSeconds(5)));
        users = engine.tablespace("USERS");
        try (StorageTransaction t = engine.begin()) {
            for (int i = 0; i < ROWS; i++) {
                t.put(users, key(i), ("value-" + i + "-padding-padding").getBytes(UTF_8));
            }
            t.commit();
        }
        engine.flush();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] key(int i) {
        return String.format("k%08d", i).getBytes(UTF_8);
    }

    @Test
    void aScanThroughBufferPoolMissesWaitsOnFileReadsAndMissesNothing() {
        try (StorageTransaction t = engine.begin()) {
            t.session(session);
            t.beginStatement();
            int n = 0;
            try (KvIterator it = t.scan(users, key(0), key(ROWS))) {
                while (it.next()) {
                    assertArrayEquals(key(n), it.key());
                    n++;
                }
            }
            assertEquals(ROWS, n);
            t.commit();
        }
        long waits = session.waitCount(WaitEvent.DB_FILE_SCATTERED_READ);
        assertTrue(waits > 10, "a cold scan of a table larger than the buffer pool reads files: " + waits);
        assertEquals(waits, totals.count(WaitEvent.DB_FILE_SCATTERED_READ));
        assertTrue(session.waitNanos(WaitEvent.DB_FILE_SCATTERED_READ) > 0);
        assertEquals(0, session.waitCount(WaitEvent.LOG_FILE_SYNC), "a read-only transaction writes no WAL");
        assertNull(session.currentWait());
    }

    /** Block cache hits and misses, and blocks read, of a cold full scan on a freshly opened engine. */
    private long[] coldScan(boolean asSession) {
        engine.close();
        engine = StorageEngine.open(new StorageSettings(dir, 4096, 1024 * 1024, WalSyncMode.LOCAL, Duration.ofSeconds(5)));
        users = engine.tablespace("USERS");
        long hits = engine.blockCacheHits();
        long misses = engine.blockCacheMisses();
        long reads = engine.statistics().getTickerCount(org.rocksdb.TickerType.BLOCK_CACHE_DATA_MISS);
        long[] io = new long[ThreadIo.SIZE];
        new ThreadIo(engine).read(io);
        long threadReads = io[ThreadIo.BLOCK_READS];
        try (StorageTransaction t = engine.begin()) {
            if (asSession) {
                t.session(session);
            }
            t.beginStatement();
            try (KvIterator it = t.scan(users, key(0), key(ROWS))) {
                while (it.next()) {
                    it.value();
                }
            }
            t.commit();
        }
        new ThreadIo(engine).read(io);
        return new long[] {engine.blockCacheHits() - hits, engine.blockCacheMisses() - misses,
            io[ThreadIo.BLOCK_READS] - threadReads,
            engine.statistics().getTickerCount(org.rocksdb.TickerType.BLOCK_CACHE_DATA_MISS) - reads};
    }

    @Test
    void readingThroughTheBufferPoolOnlyCountsTheHitsAndMissesOfAPlainRead() {
        long[] plain = coldScan(false);
        long[] waited = coldScan(true);
        assertTrue(session.waitCount(WaitEvent.DB_FILE_SCATTERED_READ) > 10, "the session's scan waited on reads");
        assertTrue(plain[1] > 10, "a cold scan misses: " + java.util.Arrays.toString(plain));
        assertEquals(plain[2], waited[2], "the same blocks are read from files");
        assertEquals(plain[1], waited[1], "and counted once as misses: plain " + java.util.Arrays.toString(plain)
                + ", session " + java.util.Arrays.toString(waited));
        assertEquals(plain[0], waited[0], "the repeated lookups are not counted as hits");
    }

    @Test
    void aScanSeesItsOwnWritesAmongMisses() {
        try (StorageTransaction t = engine.begin()) {
            t.session(session);
            t.beginStatement();
            t.put(users, "k00050000x".getBytes(UTF_8), "own".getBytes(UTF_8));
            t.delete(users, key(55_000));
            int n = 0;
            boolean sawOwn = false;
            try (KvIterator it = t.scan(users, key(0), key(ROWS))) {
                while (it.next()) {
                    sawOwn |= new String(it.key(), UTF_8).equals("k00050000x");
                    n++;
                }
            }
            assertEquals(ROWS, n, "one row added, one deleted");
            assertTrue(sawOwn);
            t.rollback();
        }
    }

    @Test
    void aPointReadWaitsOnlyWhenItsBlockIsNotInTheBufferPool() {
        try (StorageTransaction t = engine.begin()) {
            t.session(session);
            t.beginStatement();
            assertArrayEquals("value-12345-padding-padding".getBytes(UTF_8), t.get(users, key(12_345)));
            long first = session.waitCount(WaitEvent.DB_FILE_SEQUENTIAL_READ);
            assertTrue(first >= 1, "the first read of a cold key reads a file");
            assertArrayEquals("value-12345-padding-padding".getBytes(UTF_8), t.get(users, key(12_345)));
            assertEquals(first, session.waitCount(WaitEvent.DB_FILE_SEQUENTIAL_READ), "then it is cached");
            assertNull(t.get(users, "nope".getBytes(UTF_8)));
            t.rollback();
        }
    }

    @Test
    void aCommitWaitsOnTheWal() {
        try (StorageTransaction t = engine.begin()) {
            t.session(session);
            t.beginStatement();
            t.put(users, key(1), "new".getBytes(UTF_8));
            t.commit();
        }
        assertEquals(1, session.waitCount(WaitEvent.LOG_FILE_SYNC));
        assertEquals(1, totals.count(WaitEvent.LOG_FILE_SYNC));
        assertEquals(0, session.waitCount(WaitEvent.WRITE_STALL));
    }

    @Test
    void aWriteWaitsOnARowLockHeldByAnotherTransactionAndOnlyThen() throws Exception {
        SessionState other = new SessionState(2, "v", "db", "b", Instant.now(), totals);
        try (StorageTransaction holder = engine.begin(); StorageTransaction waiter = engine.begin()) {
            holder.session(session);
            waiter.session(other);
            holder.beginStatement();
            holder.put(users, key(7), "holder".getBytes(UTF_8));
            waiter.beginStatement();
            waiter.put(users, key(8), "free".getBytes(UTF_8));
            assertEquals(0, other.waitCount(WaitEvent.ROW_LOCK_CONTENTION), "a free row lock is no wait");
            java.util.concurrent.CompletableFuture<Void> blocked = java.util.concurrent.CompletableFuture.runAsync(
                    () -> waiter.put(users, key(7), "waiter".getBytes(UTF_8)));
            long deadline = System.currentTimeMillis() + 10_000;
            while (other.currentWait() == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(WaitEvent.ROW_LOCK_CONTENTION, other.currentWait().event());
            Thread.sleep(100);
            holder.commit();
            blocked.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertNull(other.currentWait());
            assertEquals(1, other.waitCount(WaitEvent.ROW_LOCK_CONTENTION));
            assertTrue(other.waitNanos(WaitEvent.ROW_LOCK_CONTENTION) >= 90_000_000L);
            waiter.commit();
        }
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            assertArrayEquals("waiter".getBytes(UTF_8), t.get(users, key(7)));
        }
    }

    @Test
    void aRowLockWaitThatTimesOutIsCountedAsATimeout() {
        SessionState other = new SessionState(2, "v", "db", "b", Instant.now(), totals);
        try (StorageTransaction holder = engine.begin(); StorageTransaction waiter = engine.begin()) {
            holder.session(session);
            waiter.session(other);
            holder.beginStatement();
            holder.put(users, key(9), "holder".getBytes(UTF_8));
            waiter.beginStatement();
            waiter.lockTimeout(100);
            io.rustydb.common.RustyDbException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.rustydb.common.RustyDbException.class, () -> waiter.getForUpdate(users, key(9)));
            assertEquals("55P03", e.code().sqlState());
            assertEquals(1, other.waitCount(WaitEvent.ROW_LOCK_CONTENTION));
            assertEquals(1, totals.timeouts(WaitEvent.ROW_LOCK_CONTENTION));
            waiter.rollback();
            holder.rollback();
        }
    }
}
