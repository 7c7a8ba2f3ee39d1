package io.rustydb.persistence;

import org.rocksdb.PerfContext;
import org.rocksdb.PerfLevel;

/**
 * RocksDB's per-thread performance counters (its thread-local PerfContext) for the storage work
 * done by the calling thread, which is how a statement's block reads are told apart from other
 * sessions': a statement runs on its connection's thread. RocksDB counts block cache hits, blocks
 * read from files and their bytes on every thread at its default perf level (counters only, no
 * clock reads); {@link #timing} raises the calling thread's level so that block read time and
 * row-lock waits are timed too, which costs clock reads in every RocksDB call and is meant for a
 * profiled statement only. Counters only grow: callers take differences.
 */
public final class ThreadIo {
    /** Index in {@link #read}'s array: block cache hits (data, index and filter blocks). */
    public static final int CACHE_HITS = 0;
    /** Blocks read from SST files (block cache misses that went to the file system). */
    public static final int BLOCK_READS = 1;
    /** Bytes of those block reads. */
    public static final int BYTES_READ = 2;
    /** Nanoseconds spent reading blocks; grows only while {@link #timing} is on. */
    public static final int READ_NANOS = 3;
    /** Nanoseconds spent waiting for row locks; grows only while {@link #timing} is on. */
    public static final int ROW_LOCK_WAIT_NANOS = 4;
    /** Row-lock waits. */
    public static final int ROW_LOCK_WAITS = 5;
    /** Length of the array {@link #read} fills. */
    public static final int SIZE = 6;

    /** The calling thread's PerfContext: a handle to RocksDB's thread-local structure, valid for the thread's life. */
    private static final ThreadLocal<PerfContext> CONTEXT = new ThreadLocal<>();

    /** Cache hits of lookups RustyDB repeated on this thread (see StorageEngine#probed), left out of CACHE_HITS. */
    private static final ThreadLocal<long[]> REPEATED = ThreadLocal.withInitial(() -> new long[1]);

    private final StorageEngine storage;

    public ThreadIo(StorageEngine storage) {
        this.storage = storage;
    }

    private PerfContext context() {
        return context(storage);
    }

    /** The calling thread's PerfContext in {@code storage}'s RocksDB. */
    static PerfContext context(StorageEngine storage) {
        PerfContext context = CONTEXT.get();
        if (context == null) {
            context = storage.db().getPerfContext();
            CONTEXT.set(context);
        }
        return context;
    }

    /** Notes cache hits of lookups RustyDB repeated on the calling thread. */
    static void repeatedHits(long hits) {
        REPEATED.get()[0] += hits;
    }

    /** The calling thread's cache hits, block reads and bytes read (3 native calls). */
    public void read(long[] into) {
        PerfContext c = context();
        into[CACHE_HITS] = c.getBlockCacheHitCount() - REPEATED.get()[0];
        into[BLOCK_READS] = c.getBlockReadCount();
        into[BYTES_READ] = c.getBlockReadByte();
    }

    /** {@link #read} plus block read time and row-lock waits (6 native calls). */
    public void readAll(long[] into) {
        read(into);
        PerfContext c = context();
        into[READ_NANOS] = c.getBlockReadTime();
        into[ROW_LOCK_WAIT_NANOS] = c.getKeyLockWaitTime();
        into[ROW_LOCK_WAITS] = c.getKeyLockWaitCount();
    }

    /**
     * Times the calling thread's RocksDB work ({@code true}: perf level
     * ENABLE_TIME_EXCEPT_FOR_MUTEX) or only counts it again ({@code false}: ENABLE_COUNT, RocksDB's
     * default).
     */
    public void timing(boolean on) {
        storage.db().setPerfLevel(on ? PerfLevel.ENABLE_TIME_EXCEPT_FOR_MUTEX : PerfLevel.ENABLE_COUNT);
    }
}
