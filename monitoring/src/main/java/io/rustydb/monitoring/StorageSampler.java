package io.rustydb.monitoring;

import io.rustydb.persistence.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kamon.metric.Counter;
import kamon.metric.Gauge;
import kamon.metric.Histogram;
import org.rocksdb.HistogramData;
import org.rocksdb.HistogramType;
import org.rocksdb.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the storage's figures into the buffer pool, disk, memory and transaction metrics: RocksDB
 * statistics tickers (block cache hits and misses), RocksDB's timing histograms of SST reads, SST
 * appends and syncs and WAL syncs, block cache usage, memtable and table-reader memory properties,
 * open transactions, and the size of the data directory and its file system.
 */
final class StorageSampler implements MetricSource {
    private static final Logger LOG = LoggerFactory.getLogger(StorageSampler.class);
    private static final HistogramType[] READS = IoStats.READS;
    private static final HistogramType[] WRITES = IoStats.WRITES;

    private final StorageEngine storage;
    private final Statistics statistics;
    private final Gauge size = BuiltinMetrics.BUFFER_POOL_SIZE.withoutTags();
    private final Gauge used = BuiltinMetrics.BUFFER_POOL_USED.withoutTags();
    /** Created at the first block cache lookup: before it there is no ratio to report. */
    private Gauge hitRatio;
    private final Counter hits = BuiltinMetrics.BUFFER_POOL_HITS.withoutTags();
    private final Counter misses = BuiltinMetrics.BUFFER_POOL_MISSES.withoutTags();
    private final Gauge activeTransactions = BuiltinMetrics.ACTIVE_TRANSACTIONS.withoutTags();
    private final Gauge memtables = BuiltinMetrics.MEMORY_USED.withTag("area", "rocksdb_memtables");
    private final Gauge blockCache = BuiltinMetrics.MEMORY_USED.withTag("area", "rocksdb_block_cache");
    private final Gauge tableReaders = BuiltinMetrics.MEMORY_USED.withTag("area", "rocksdb_table_readers");
    private final Gauge blockCacheLimit = BuiltinMetrics.MEMORY_LIMIT.withTag("area", "rocksdb_block_cache");
    private final Gauge dataDirectory = BuiltinMetrics.DATA_DIRECTORY_SIZE.withoutTags();
    private final Gauge filesystemSize = BuiltinMetrics.FILESYSTEM_SIZE.withoutTags();
    private final Gauge filesystemFree = BuiltinMetrics.FILESYSTEM_FREE.withoutTags();
    private final Timings reads = new Timings(READS, BuiltinMetrics.DISK_READS.withoutTags(),
            BuiltinMetrics.DISK_READ_LATENCY.withoutTags(), BuiltinMetrics.DISK_READ_MICROS.withoutTags());
    private final Timings writes = new Timings(WRITES, BuiltinMetrics.DISK_WRITES.withoutTags(),
            BuiltinMetrics.DISK_WRITE_LATENCY.withoutTags(), BuiltinMetrics.DISK_WRITE_MICROS.withoutTags());
    private long lastHits;
    private long lastMisses;

    StorageSampler(StorageEngine storage) {
        this.storage = storage;
        this.statistics = storage.statistics();
    }

    @Override
    public void sample() {
        long h = storage.blockCacheHits();
        long m = storage.blockCacheMisses();
        hits.increment(Math.max(0, h - lastHits));
        misses.increment(Math.max(0, m - lastMisses));
        lastHits = h;
        lastMisses = m;
        if (h + m > 0) {
            if (hitRatio == null) {
                hitRatio = BuiltinMetrics.BUFFER_POOL_HIT_RATIO.withoutTags();
            }
            hitRatio.update((double) h / (h + m));
        }
        long capacity = storage.blockCacheCapacity();
        long usage = storage.blockCacheUsage();
        size.update(capacity);
        used.update(usage);
        blockCache.update(usage);
        blockCacheLimit.update(capacity);
        memtables.update(storage.aggregatedProperty("rocksdb.cur-size-all-mem-tables"));
        tableReaders.update(storage.aggregatedProperty("rocksdb.estimate-table-readers-mem"));
        activeTransactions.update(storage.activeTransactionCount());
        reads.sample(statistics);
        writes.sample(statistics);
        Path dir = storage.settings().dataDir();
        dataDirectory.update(directorySize(dir));
        try {
            FileStore store = Files.getFileStore(dir);
            filesystemSize.update(store.getTotalSpace());
            filesystemFree.update(store.getUsableSpace());
        } catch (IOException e) {
            LOG.debug("cannot read the file system of {}: {}", dir, e.toString());
        }
    }

    /** Sum of the sizes of the regular files under {@code dir}; files deleted meanwhile are skipped. */
    static long directorySize(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    /**
     * RocksDB timing histograms folded into one count, one Kamon histogram and one sum counter:
     * each sample records what every RocksDB bucket gained since the previous one, at the bucket's
     * upper limit, so the exported buckets (a subset of RocksDB's limits) count exactly.
     */
    private static final class Timings {
        private final HistogramType[] types;
        private final Counter count;
        private final Histogram latency;
        private final Counter micros;
        private final Map<HistogramType, Map<Long, Long>> lastBuckets = new HashMap<>();
        private final Map<HistogramType, Long> lastSum = new HashMap<>();

        Timings(HistogramType[] types, Counter count, Histogram latency, Counter micros) {
            this.types = types;
            this.count = count;
            this.latency = latency;
            this.micros = micros;
        }

        void sample(Statistics statistics) {
            for (HistogramType type : types) {
                List<RocksHistogram.Bucket> buckets = RocksHistogram.read(statistics, type);
                HistogramData data = statistics.getHistogramData(type);
                Map<Long, Long> last = lastBuckets.computeIfAbsent(type, t -> new HashMap<>());
                for (RocksHistogram.Bucket b : buckets) {
                    long delta = b.count() - last.getOrDefault(b.right(), 0L);
                    if (delta > 0) {
                        latency.record(Math.max(1, b.right()), delta);
                        count.increment(delta);
                    }
                    last.put(b.right(), b.count());
                }
                long sum = data.getSum();
                micros.increment(Math.max(0, sum - lastSum.getOrDefault(type, 0L)));
                lastSum.put(type, sum);
            }
        }
    }
}
