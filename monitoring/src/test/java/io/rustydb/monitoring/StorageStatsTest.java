package io.rustydb.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.Tablespace;
import io.rustydb.persistence.WalSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.TickerType;

/** Buffer pool, I/O and memory figures read from a real RocksDB. */
class StorageStatsTest {

    @Test
    void bufferPoolIoAndMemoryFollowAKnownWorkload(@TempDir Path dir) {
        try (StorageEngine storage = StorageEngine.open(new StorageSettings(dir, 4096, 1 << 20, WalSyncMode.LOCAL,
                Duration.ZERO))) {
            BufferPoolStats empty = BufferPoolStats.read(storage);
            assertNull(empty.hitRatio(), "no lookup yet");
            assertEquals(1 << 20, empty.sizeBytes());
            assertEquals("LRU", empty.evictionPolicy());
            IoStats before = IoStats.read(storage);
            assertNull(before.reads().avgMillis());

            Tablespace users = storage.tablespace(StorageEngine.USERS);
            byte[] value = new byte[1000];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 3000; i++) {
                random.nextBytes(value); // incompressible: the SST files hold the 3 MB as they are
                storage.put(users, ("k" + i).getBytes(), value);
            }
            IoStats written = IoStats.read(storage);
            assertEquals(3000, written.wal().writes() - before.wal().writes(), "one WAL write batch per put");
            assertTrue(written.wal().syncs() - before.wal().syncs() >= 3000, "sync_mode local syncs every commit");
            assertTrue(written.wal().bytesWritten() - before.wal().bytesWritten() > 3000L * 1000);
            assertTrue(BufferPoolStats.read(storage).dirtyBytes() > 3000L * 1000, "unflushed rows are in the memtable");

            storage.flush();
            for (int i = 0; i < 3000; i += 2) {
                storage.get(users, ("k" + i).getBytes());
            }
            BufferPoolStats pool = BufferPoolStats.read(storage);
            IoStats io = IoStats.read(storage);
            assertTrue(pool.misses() > 0 && pool.pageReads() == pool.misses());
            assertEquals(storage.statistics().getTickerCount(TickerType.BLOCK_CACHE_HIT), pool.hits());
            assertEquals((double) pool.hits() / (pool.hits() + pool.misses()), pool.hitRatio());
            assertTrue(pool.blocksWritten() > 3000L * 1000 / 4096, "the flush wrote the data blocks: " + pool);
            assertTrue(pool.usedBytes() > 0 && pool.usedBytes() <= pool.sizeBytes() + 64 * 1024, pool.toString());
            assertEquals(Math.max(0, pool.sizeBytes() - pool.usedBytes()), pool.freeBytes());
            assertTrue(pool.dirtyBytes() < 100_000, "flushed: " + pool);
            assertEquals(storage.statistics().getTickerCount(TickerType.FLUSH_WRITE_BYTES)
                    + storage.statistics().getTickerCount(TickerType.COMPACT_WRITE_BYTES), io.data().bytesWritten());
            assertTrue(io.data().bytesWritten() > 3000L * 1000, io.toString());
            assertTrue(io.data().reads() >= pool.misses(), "every miss read its block from an SST file: " + io);
            assertTrue(io.data().bytesRead() > 0);
            assertEquals(io.data().writes() + io.data().syncs() + io.wal().syncs(), io.totalWrites());
            assertEquals(io.data().reads(), io.totalReads());
            assertEquals(io.reads().count(), io.totalReads());
            assertEquals(io.writes().count(), io.totalWrites());
            assertTrue(io.reads().avgMillis() > 0 && io.reads().p95Millis() > 0, io.toString());
            assertEquals(0, io.wal().reads(), "a new database replays nothing");

            List<MemoryComponent> memory = MemoryComponent.read(storage);
            assertEquals(List.of("buffer_pool", "memtables", "table_readers", "jvm_heap", "jvm_non_heap",
                    "direct_buffers"), memory.stream().map(MemoryComponent::component).toList());
            assertEquals(1 << 20, memory.get(0).allocatedBytes());
            assertTrue(memory.get(1).allocatedBytes() >= memory.get(1).usedBytes());
            assertTrue(memory.get(3).usedBytes() > 0 && memory.get(3).allocatedBytes() >= memory.get(3).usedBytes());
        }
    }

    @Test
    void percentileIsTheUpperLimitOfTheBucketHoldingTheRank() {
        TreeMap<Long, Long> buckets = new TreeMap<>(Map.of(1L, 90L, 10L, 5L, 100L, 5L));
        assertEquals(10, IoStats.percentile(buckets, 0.95)); // rank 95 of 100 is the 5th value in (1, 10]
        assertEquals(100, IoStats.percentile(buckets, 0.96));
        assertEquals(1, IoStats.percentile(buckets, 0.90));
        assertEquals(0, IoStats.percentile(new TreeMap<>(), 0.95));
        assertEquals(7, IoStats.percentile(new TreeMap<>(Map.of(7L, 1L)), 0.95));
    }
}
