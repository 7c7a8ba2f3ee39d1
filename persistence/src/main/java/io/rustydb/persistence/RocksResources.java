package io.rustydb.persistence;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Statistics;
import org.rocksdb.TransactionDBOptions;
import org.rocksdb.TransactionOptions;
import org.rocksdb.WriteOptions;

/**
 * The native option objects one {@link StorageEngine} shares across its column families and
 * transactions: buffer pool (block cache), page size, bloom filters, statistics, lock timeout,
 * deadlock detection, WAL sync and the counter of WAL records replayed at open. They must
 * outlive the database and are closed after it.
 */
final class RocksResources implements AutoCloseable {
    private static final int BLOOM_BITS_PER_KEY = 10;

    final Statistics statistics;
    final LRUCache blockCache;
    final WalReplayCounter walReplay;
    final BloomFilter bloomFilter;
    final ColumnFamilyOptions cfOptions;
    final DBOptions dbOptions;
    final TransactionDBOptions txnDbOptions;
    final TransactionOptions txnOptions;
    final WriteOptions writeOptions;
    /** Fsyncs the WAL whatever {@code wal.sync_mode} says: the record families' writes. */
    final WriteOptions syncedWriteOptions;
    final WriteStalls writeStalls;

    RocksResources(StorageSettings settings) {
        statistics = new Statistics();
        writeStalls = new WriteStalls();
        walReplay = new WalReplayCounter();
        blockCache = new LRUCache(settings.bufferPoolSize());
        bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY, false);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(blockCache)
                .setBlockSize(settings.pageSize())
                .setFilterPolicy(bloomFilter)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        cfOptions = new ColumnFamilyOptions().setTableFormatConfig(table);
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setStatistics(statistics)
                .setListeners(java.util.List.of(writeStalls))
                .setWalFilter(walReplay)
                .setKeepLogFileNum(5);
        long lockTimeout = settings.rocksLockTimeoutMillis();
        txnDbOptions = new TransactionDBOptions()
                .setTransactionLockTimeout(lockTimeout)
                .setDefaultLockTimeout(lockTimeout);
        txnOptions = new TransactionOptions().setDeadlockDetect(true);
        writeOptions = new WriteOptions().setSync(settings.walSyncMode().syncPerCommit());
        syncedWriteOptions = new WriteOptions().setSync(true);
    }

    /** Closes in reverse dependency order; call only after the database is closed. */
    @Override
    public void close() {
        writeOptions.close();
        syncedWriteOptions.close();
        txnOptions.close();
        txnDbOptions.close();
        dbOptions.close();
        cfOptions.close();
        bloomFilter.close();
        blockCache.close();
        walReplay.close();
        statistics.close();
        writeStalls.close();
    }
}
