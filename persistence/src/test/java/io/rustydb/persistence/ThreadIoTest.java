package io.rustydb.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calling thread's RocksDB PerfContext counters move with that thread's reads, and only with them. */
class ThreadIoTest {
    @TempDir
    Path dir;

    private StorageEngine open() {
        return StorageEngine.open(new StorageSettings(dir, 4096, 8L * 1024 * 1024, WalSyncMode.OFF,
                Duration.ofSeconds(5)));
    }

    private static byte[] key(int i) {
        return String.format("k%06d", i).getBytes(UTF_8);
    }

    @Test
    void countsBlockReadsThenCacheHitsOfTheCallingThreadOnly() throws Exception {
        try (StorageEngine engine = open()) {
            Tablespace users = engine.tablespace(StorageEngine.USERS);
            try (StorageTransaction t = engine.begin()) {
                java.util.Random random = new java.util.Random(1);
                for (int i = 0; i < 2000; i++) {
                    byte[] value = new byte[100];
                    random.nextBytes(value); // incompressible: blocks stay about 4 KiB on disk
                    t.put(users, key(i), value);
                }
                t.commit();
            }
            engine.flush();
        }
        // reopened: the block cache is empty, so the first reads go to the files
        try (StorageEngine engine = open()) {
            Tablespace users = engine.tablespace(StorageEngine.USERS);
            ThreadIo io = new ThreadIo(engine);
            long[] before = new long[ThreadIo.SIZE];
            long[] after = new long[ThreadIo.SIZE];
            io.read(before);
            readAll(engine, users);
            io.read(after);
            long reads = after[ThreadIo.BLOCK_READS] - before[ThreadIo.BLOCK_READS];
            assertTrue(reads >= 50, "2000 rows of 100 bytes in 4 KiB blocks: block reads " + reads);
            assertTrue(after[ThreadIo.BYTES_READ] - before[ThreadIo.BYTES_READ] >= reads * 2048,
                    "bytes read " + (after[ThreadIo.BYTES_READ] - before[ThreadIo.BYTES_READ]));

            // the same reads again hit the cache; another thread's reads do not show here
            CompletableFuture.runAsync(() -> readAll(engine, users)).get(30, TimeUnit.SECONDS);
            io.read(before);
            CompletableFuture.runAsync(() -> readAll(engine, users)).get(30, TimeUnit.SECONDS);
            io.read(after);
            assertEquals(0, after[ThreadIo.CACHE_HITS] - before[ThreadIo.CACHE_HITS]);
            readAll(engine, users);
            io.read(after);
            assertEquals(0, after[ThreadIo.BLOCK_READS] - before[ThreadIo.BLOCK_READS]);
            assertTrue(after[ThreadIo.CACHE_HITS] - before[ThreadIo.CACHE_HITS] >= reads,
                    "cache hits " + (after[ThreadIo.CACHE_HITS] - before[ThreadIo.CACHE_HITS]));
        }
    }

    private static void readAll(StorageEngine engine, Tablespace users) {
        try (StorageTransaction t = engine.begin()) {
            t.beginStatement();
            for (int i = 0; i < 2000; i++) {
                t.get(users, key(i));
            }
        }
    }

    @Test
    void timesRowLockWaitsWhileTimingIsOn() throws Exception {
        try (StorageEngine engine = open()) {
            Tablespace users = engine.tablespace(StorageEngine.USERS);
            ThreadIo io = new ThreadIo(engine);
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
                try (StorageTransaction t = engine.begin()) {
                    t.beginStatement();
                    t.getForUpdate(users, key(1));
                    t.put(users, key(1), new byte[1]);
                    locked.countDown();
                    Thread.sleep(300);
                    t.commit();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            long[] before = new long[ThreadIo.SIZE];
            long[] after = new long[ThreadIo.SIZE];
            io.timing(true);
            try {
                io.readAll(before);
                try (StorageTransaction t = engine.begin()) {
                    t.beginStatement();
                    t.getForUpdate(users, key(1));
                    t.commit();
                }
                io.readAll(after);
            } finally {
                io.timing(false);
            }
            holder.get(10, TimeUnit.SECONDS);
            assertEquals(1, after[ThreadIo.ROW_LOCK_WAITS] - before[ThreadIo.ROW_LOCK_WAITS]);
            long waited = after[ThreadIo.ROW_LOCK_WAIT_NANOS] - before[ThreadIo.ROW_LOCK_WAIT_NANOS];
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(100) && waited < TimeUnit.SECONDS.toNanos(10),
                    "row lock wait " + waited + " ns");
        }
    }
}
