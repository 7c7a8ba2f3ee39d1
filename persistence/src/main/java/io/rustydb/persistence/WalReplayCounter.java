package io.rustydb.persistence;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.AbstractWalFilter;
import org.rocksdb.WalFilter;
import org.rocksdb.WriteBatch;

/**
 * Counts the write-ahead log records RocksDB replays while it opens the database: RocksDB reads
 * the WAL only for this recovery, through a reader its statistics do not count, and calls a WAL
 * filter once per record it read. Records pass unchanged; the callback runs only during the open.
 */
final class WalReplayCounter extends AbstractWalFilter {
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void columnFamilyLogNumberMap(Map<Integer, Long> cfLognumber, Map<String, Integer> cfNameId) {
        // not needed: every record is counted whatever its column family
    }

    @Override
    public WalFilter.LogRecordFoundResult logRecordFound(long logNumber, String logFileName, WriteBatch batch,
            WriteBatch newBatch) {
        records.incrementAndGet();
        bytes.addAndGet(batch.getDataSize());
        return WalFilter.LogRecordFoundResult.CONTINUE_UNCHANGED;
    }

    @Override
    public String name() {
        return "rustydb-wal-replay-counter";
    }

    /** What the last open replayed. */
    WalReplay replay() {
        return new WalReplay(records.get(), bytes.get());
    }
}
