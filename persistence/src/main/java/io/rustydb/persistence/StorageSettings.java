package io.rustydb.persistence;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Storage configuration read from HOCON ({@code rustydb.storage.*}, {@code rustydb.memory.*},
 * {@code rustydb.wal.*}, {@code rustydb.transaction.*}); defaults live in this module's
 * {@code reference.conf}.
 *
 * @param dataDir directory holding the node's data ({@code <dataDir>/rocksdb} for RocksDB)
 * @param pageSize page size in bytes, the RocksDB data block size
 * @param bufferPoolSize buffer pool size in bytes, the shared RocksDB block cache
 * @param walSyncMode when commits fsync the WAL
 * @param lockTimeout how long a transaction waits for a row lock; zero waits forever
 */
public record StorageSettings(Path dataDir, int pageSize, long bufferPoolSize, WalSyncMode walSyncMode,
        Duration lockTimeout) {

    static final String DATA_DIR = "rustydb.storage.data_dir";
    static final String PAGE_SIZE = "rustydb.storage.page_size";
    static final String BUFFER_POOL_SIZE = "rustydb.memory.buffer_pool_size";
    static final String SYNC_MODE = "rustydb.wal.sync_mode";
    static final String LOCK_TIMEOUT = "rustydb.transaction.lock_timeout";
    static final long MIN_BUFFER_POOL = 1024L * 1024L;

    /** Validates the values; a bad one is an {@link IllegalArgumentException} naming its key. */
    public StorageSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException(DATA_DIR + " must be set");
        }
        if (pageSize < 1024 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException(
                    PAGE_SIZE + " must be a power of two between 1024 and 65536, got " + pageSize);
        }
        if (bufferPoolSize < MIN_BUFFER_POOL) {
            throw new IllegalArgumentException(
                    BUFFER_POOL_SIZE + " must be at least 1 MiB (1048576 bytes), got " + bufferPoolSize);
        }
        if (walSyncMode == null) {
            throw new IllegalArgumentException(SYNC_MODE + " must be set");
        }
        if (lockTimeout == null || lockTimeout.isNegative()) {
            throw new IllegalArgumentException(LOCK_TIMEOUT + " must be zero or positive, got " + lockTimeout);
        }
    }

    /** Reads the settings from a resolved config that includes this module's reference.conf. */
    public static StorageSettings create(Config config) {
        WalSyncMode mode;
        try {
            mode = WalSyncMode.parse(config.getString(SYNC_MODE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SYNC_MODE + ": " + e.getMessage(), e);
        }
        long pageSize = config.getBytes(PAGE_SIZE);
        if (pageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(PAGE_SIZE + " is too large: " + pageSize);
        }
        return new StorageSettings(Path.of(config.getString(DATA_DIR)), (int) pageSize,
                config.getBytes(BUFFER_POOL_SIZE), mode, config.getDuration(LOCK_TIMEOUT));
    }

    /** Number of pages the buffer pool holds. */
    public long bufferPoolPages() {
        return bufferPoolSize / pageSize;
    }

    /** The RocksDB lock wait in milliseconds: negative (no timeout) when {@code lockTimeout} is zero. */
    long rocksLockTimeoutMillis() {
        return lockTimeout.isZero() ? -1 : Math.max(1, lockTimeout.toMillis());
    }
}
