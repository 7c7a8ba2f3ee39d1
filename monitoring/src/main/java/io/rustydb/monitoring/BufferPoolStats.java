package io.rustydb.monitoring;

import io.rustydb.persistence.StorageEngine;
import org.rocksdb.HistogramType;
import org.rocksdb.Statistics;

/**
 * The buffer pool as RocksDB measures it, read when asked: the block cache's capacity, usage and
 * pinned usage (properties {@code rocksdb.block-cache-capacity}, {@code -usage},
 * {@code -pinned-usage}), its hit and miss tickers, the blocks written into SST files and the
 * memtables' size, which holds the data not yet written to SST files (RocksDB's dirty data: its
 * block cache only ever holds clean copies of SST blocks).
 *
 * @param sizeBytes block cache capacity
 * @param usedBytes bytes held in the block cache
 * @param pinnedBytes bytes of entries pinned in the cache (in use by a reader, or level-0 index
 *     and filter blocks)
 * @param dirtyBytes bytes in the memtables (active and immutable ones not yet flushed), summed
 *     over every tablespace
 * @param pageSize {@code rustydb.storage.page_size}, the RocksDB data block size
 * @param hits block cache hits since the node started (ticker {@code BLOCK_CACHE_HIT}, without the
 *     lookups sessions repeat after a buffer-pool-only read missed: {@link StorageEngine#blockCacheHits()})
 * @param misses block cache misses (ticker {@code BLOCK_CACHE_MISS}, likewise): each one read a block
 *     from an SST file
 * @param blocksWritten blocks RocksDB wrote into SST files while flushing and compacting
 *     (the count of its {@code WRITE_RAW_BLOCK_MICROS} histogram: data, index, filter and meta blocks)
 * @param cacheImplementation the block cache's class as RocksDB names it, e.g. {@code LRUCache}
 */
public record BufferPoolStats(long sizeBytes, long usedBytes, long pinnedBytes, long dirtyBytes, int pageSize,
        long hits, long misses, long blocksWritten, String cacheImplementation) {

    /** Reads the figures now. */
    public static BufferPoolStats read(StorageEngine storage) {
        Statistics statistics = storage.statistics();
        long hits = storage.blockCacheHits();
        long misses = storage.blockCacheMisses();
        long written = statistics.getHistogramData(HistogramType.WRITE_RAW_BLOCK_MICROS).getCount();
        return new BufferPoolStats(
                storage.dbProperty("rocksdb.block-cache-capacity"),
                storage.dbProperty("rocksdb.block-cache-usage"),
                storage.dbProperty("rocksdb.block-cache-pinned-usage"),
                storage.aggregatedProperty("rocksdb.cur-size-all-mem-tables"),
                storage.settings().pageSize(),
                hits, misses, written, storage.blockCacheImplementation());
    }

    /** Capacity not in use (0 when RocksDB's non-strict limit lets usage pass the capacity). */
    public long freeBytes() {
        return Math.max(0, sizeBytes - usedBytes);
    }

    /** Usage in percent of the capacity. */
    public double usagePercent() {
        return sizeBytes == 0 ? 0 : 100.0 * usedBytes / sizeBytes;
    }

    /** Hits / (hits + misses) since the node started; null before the first lookup. */
    public Double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? null : (double) hits / lookups;
    }

    /** Blocks read into the buffer pool: every miss reads its block from an SST file. */
    public long pageReads() {
        return misses;
    }

    /** {@code bytes} in pages of {@link #pageSize}, rounded down. */
    public long pages(long bytes) {
        return bytes / pageSize;
    }

    /**
     * The replacement policy of {@link #cacheImplementation}: {@code LRU} for RocksDB's LRUCache,
     * {@code CLOCK} for its HyperClockCache variants, otherwise the implementation's name.
     */
    public String evictionPolicy() {
        if (cacheImplementation.equals("LRUCache")) {
            return "LRU";
        }
        if (cacheImplementation.contains("ClockCache")) {
            return "CLOCK";
        }
        return cacheImplementation;
    }
}
