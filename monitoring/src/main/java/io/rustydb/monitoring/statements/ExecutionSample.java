package io.rustydb.monitoring.statements;

/**
 * What one execution of a statement measured, filled in by the session that ran it (one thread at
 * a time) and then recorded into {@link SqlStatistics}. Mutable and reused, so that measuring a
 * statement allocates nothing. Fields that only a profiled execution measures are -1 otherwise.
 */
public final class ExecutionSample {
    /** Wall-clock time the execution started, milliseconds since the epoch. */
    public long startMillis;
    /** From the start of execution to its completion (the implicit commit included). */
    public long elapsedNanos;
    /** Whether it ended with an error. */
    public boolean failed;
    /** Rows sent to the client (a query, RETURNING, COPY TO). */
    public long rowsReturned;
    /** Rows inserted, updated, deleted or copied in. */
    public long rowsAffected;
    /** Rows read from storage by the statement's scans and lookups. */
    public long rowsExamined;
    /** RocksDB block cache hits (data, index and filter blocks), from the thread's PerfContext. */
    public long cacheHits;
    /** Blocks RocksDB read from SST files, i.e. block cache misses that went to the file system. */
    public long blockReads;
    /** Bytes of those block reads. */
    public long bytesRead;
    /** Time spent waiting for table locks held by other sessions (see TableLocks). */
    public long lockWaitNanos;
    /** How many table-lock waits there were. */
    public long lockWaits;
    /** Time in the storage commit of the statement's transaction (WAL write, fsync, memtable). */
    public long commitNanos;
    /** Commits done by the statement (its implicit transaction's, or COMMIT's). */
    public long commits;
    /**
     * CPU time of the session's thread while it ran the statement: measured for every execution
     * while sessions measure CPU ({@code rustydb.ash.capture_resource_usage}), else for profiled
     * executions only; -1 when not measured.
     */
    public long cpuNanos = -1;
    /** Time in User I/O waits (file reads that missed the buffer pool) while it ran. */
    public long ioWaitNanos;
    /** Profiled executions only: RocksDB's time reading blocks from files (PerfContext block_read_time). */
    public long ioReadNanos = -1;
    /** Profiled executions only: RocksDB's time waiting for row locks (PerfContext key_lock_wait_time). */
    public long rowLockWaitNanos = -1;
    /** Profiled executions only: how many row-lock waits there were (PerfContext key_lock_wait_count). */
    public long rowLockWaits = -1;

    /** Clears every field for the next execution. */
    public void reset() {
        startMillis = 0;
        elapsedNanos = 0;
        failed = false;
        rowsReturned = 0;
        rowsAffected = 0;
        rowsExamined = 0;
        cacheHits = 0;
        blockReads = 0;
        bytesRead = 0;
        lockWaitNanos = 0;
        lockWaits = 0;
        commitNanos = 0;
        commits = 0;
        cpuNanos = -1;
        ioWaitNanos = 0;
        ioReadNanos = -1;
        rowLockWaitNanos = -1;
        rowLockWaits = -1;
    }
}
