package io.rustydb.monitoring;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.WalReplay;
import java.util.List;
import java.util.TreeMap;
import org.rocksdb.HistogramData;
import org.rocksdb.HistogramType;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;

/**
 * The storage's file I/O as RocksDB measures it, read when asked, totals since the node started.
 * Data files are RocksDB's SST files, WAL files its write-ahead log; RustyDB writes no temporary
 * files (sorts and joins run in memory), so there is no third kind.
 *
 * @param data SST file reads (the count of the {@code SST_READ_MICROS} histogram), appends
 *     ({@code SST_WRITE_MICROS}) and syncs ({@code TABLE_SYNC_MICROS}), bytes read
 *     ({@code LAST_LEVEL_READ_BYTES + NON_LAST_LEVEL_READ_BYTES}) and bytes written by flushes and
 *     compactions ({@code FLUSH_WRITE_BYTES + COMPACT_WRITE_BYTES})
 * @param wal records replayed when the storage opened and their bytes, write batches appended
 *     ({@code WRITE_WITH_WAL}), syncs ({@code WAL_FILE_SYNC_MICROS}) and bytes appended
 *     ({@code WAL_FILE_BYTES})
 * @param reads timings of the SST reads
 * @param writes timings of the SST appends, SST syncs and WAL syncs (RocksDB does not time
 *     unsynced WAL appends)
 */
public record IoStats(FileIo data, FileIo wal, Timing reads, Timing writes) {
    static final HistogramType[] READS = {HistogramType.SST_READ_MICROS};
    static final HistogramType[] WRITES = {HistogramType.SST_WRITE_MICROS, HistogramType.TABLE_SYNC_MICROS,
        HistogramType.WAL_FILE_SYNC_MICROS};

    /**
     * I/O of one kind of file.
     *
     * @param reads read operations
     * @param writes write operations (appends)
     * @param syncs fsyncs
     * @param bytesRead bytes read
     * @param bytesWritten bytes written
     */
    public record FileIo(long reads, long writes, long syncs, long bytesRead, long bytesWritten) {
    }

    /**
     * Timings of a set of operations from RocksDB's histograms.
     *
     * @param count operations timed
     * @param sumMicros their total time, exact
     * @param p95Micros the upper limit of the RocksDB histogram bucket holding the 95th percentile
     *     (RocksDB keeps buckets, not the values), 0 without operations
     */
    public record Timing(long count, long sumMicros, long p95Micros) {
        /** Mean time in milliseconds; null without operations. */
        public Double avgMillis() {
            return count == 0 ? null : sumMicros / 1000.0 / count;
        }

        /** {@link #p95Micros} in milliseconds; null without operations. */
        public Double p95Millis() {
            return count == 0 ? null : p95Micros / 1000.0;
        }
    }

    /** Reads the figures now. */
    public static IoStats read(StorageEngine storage) {
        Statistics s = storage.statistics();
        WalReplay replay = storage.walReplay();
        FileIo data = new FileIo(
                s.getHistogramData(HistogramType.SST_READ_MICROS).getCount(),
                s.getHistogramData(HistogramType.SST_WRITE_MICROS).getCount(),
                s.getHistogramData(HistogramType.TABLE_SYNC_MICROS).getCount(),
                s.getTickerCount(TickerType.LAST_LEVEL_READ_BYTES) + s.getTickerCount(TickerType.NON_LAST_LEVEL_READ_BYTES),
                s.getTickerCount(TickerType.FLUSH_WRITE_BYTES) + s.getTickerCount(TickerType.COMPACT_WRITE_BYTES));
        FileIo wal = new FileIo(replay.records(),
                s.getTickerCount(TickerType.WRITE_WITH_WAL),
                s.getHistogramData(HistogramType.WAL_FILE_SYNC_MICROS).getCount(),
                replay.bytes(),
                s.getTickerCount(TickerType.WAL_FILE_BYTES));
        return new IoStats(data, wal, timing(s, READS), timing(s, WRITES));
    }

    /** Reads of SST files: {@code data.reads()} (WAL replay at open is not timed and not included). */
    public long totalReads() {
        return data.reads();
    }

    /** The timed writes: SST appends and syncs and WAL syncs, as {@code rustydb_disk_writes_total} counts them. */
    public long totalWrites() {
        return data.writes() + data.syncs() + wal.syncs();
    }

    public long bytesRead() {
        return data.bytesRead() + wal.bytesRead();
    }

    public long bytesWritten() {
        return data.bytesWritten() + wal.bytesWritten();
    }

    /** The histograms of {@code types} merged bucket by bucket (they share RocksDB's bucket limits). */
    static Timing timing(Statistics statistics, HistogramType[] types) {
        TreeMap<Long, Long> buckets = new TreeMap<>();
        long count = 0;
        long sum = 0;
        for (HistogramType type : types) {
            List<RocksHistogram.Bucket> read = RocksHistogram.read(statistics, type);
            HistogramData data = statistics.getHistogramData(type);
            for (RocksHistogram.Bucket b : read) {
                buckets.merge(b.right(), b.count(), Long::sum);
            }
            count += data.getCount();
            sum += data.getSum();
        }
        return new Timing(count, sum, percentile(buckets, 0.95));
    }

    /**
     * The upper limit of the bucket holding the value of rank {@code ceil(q * n)} among the
     * {@code n} values counted in {@code buckets} (upper limit to count); 0 when empty.
     */
    static long percentile(TreeMap<Long, Long> buckets, double q) {
        long n = 0;
        for (long c : buckets.values()) {
            n += c;
        }
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (var e : buckets.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return buckets.lastKey();
    }
}
