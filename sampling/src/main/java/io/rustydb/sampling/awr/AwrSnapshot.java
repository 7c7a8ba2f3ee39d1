package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshSample;
import java.util.List;

/**
 * One AWR snapshot of a node: the node's cumulative counters at {@code endMillis} (they count from
 * the node's start, {@code startupMillis}, which tells incarnations apart: a report over a range
 * with a restart in it knows the counters were reset), the statements that ran since the previous
 * snapshot with what they did in that interval, and the ASH samples of the interval that were kept.
 * Lists a capture setting turned off are empty.
 *
 * @param beginMillis the end of the previous snapshot of the same incarnation, else the node's start
 * @param trigger {@code MANUAL} (REST, SQL) or {@code SCHEDULED}
 * @param sql per-statement figures of the interval (deltas), statements that ran in it only
 * @param ashSampleRatio one ASH tick in this many was kept; each kept sample's weight is multiplied by it
 * @param ashSamplesDropped samples of the interval not kept because the snapshot's sample limit was reached
 * @param sessions who the sessions in the samples and their blockers were, at capture
 */
public record AwrSnapshot(long snapshotId, String instance, String version, long startupMillis, long beginMillis,
        long endMillis, String trigger, SystemStats system, List<SqlStat> sql, List<WaitStat> waits, IoStat io,
        BufferPool bufferPool, List<AshSample> ash, int ashSampleRatio, long ashSamplesDropped,
        List<SessionInfo> sessions) {

    public static final String MANUAL = "MANUAL";
    public static final String SCHEDULED = "SCHEDULED";

    /**
     * The node-wide counters since the node started.
     *
     * @param queries statements completed or failed
     * @param queryErrors statements failed
     * @param dbTimeNanos the summed elapsed time of the statements (DB time)
     * @param transactionNanos the summed durations of ended transactions
     * @param sessions sessions connected at capture
     * @param activeSessions of them, those running a statement at capture
     */
    public record SystemStats(long queries, long queryErrors, long dbTimeNanos, long commits, long rollbacks,
            long transactionNanos, long deadlocks, int sessions, int activeSessions) {
    }

    /**
     * A statement's figures. In a snapshot they are what it did in the snapshot's interval; the
     * {@code *Total} fields are its cumulative figures at capture. {@code cpuNanos} and
     * {@code ioWaitNanos} are -1 where they were not measured.
     *
     * @param bufferGets blocks the statement asked the buffer pool for (hits and misses)
     * @param physicalReads blocks read from files (buffer pool misses)
     * @param ioWaitNanos time in User I/O waits (file reads that missed the buffer pool)
     * @param lockWaitNanos time waiting for other sessions' table locks
     * @param commitNanos time in the storage commit of its transactions
     * @param fullScans full table scans of its last profiled plan, as {@code table (Filter: ...)}
     */
    public record SqlStat(String sqlId, String sqlText, long executions, long errors, long elapsedNanos,
            long cpuNanos, long ioWaitNanos, long bufferGets, long physicalReads, long bytesRead, long rowsReturned,
            long rowsAffected, long rowsExamined, long lockWaitNanos, long commitNanos, long executionsTotal,
            long elapsedNanosTotal, List<String> fullScans) {

        /** This statement's figures since {@code previous} (its cumulative figures then); a reset counts from zero. */
        public SqlStat since(SqlStat previous) {
            if (previous == null || executions < previous.executions) {
                return this;
            }
            return new SqlStat(sqlId, sqlText, executions - previous.executions, errors - previous.errors,
                    elapsedNanos - previous.elapsedNanos, minus(cpuNanos, previous.cpuNanos),
                    minus(ioWaitNanos, previous.ioWaitNanos), bufferGets - previous.bufferGets,
                    physicalReads - previous.physicalReads, bytesRead - previous.bytesRead,
                    rowsReturned - previous.rowsReturned, rowsAffected - previous.rowsAffected,
                    rowsExamined - previous.rowsExamined, lockWaitNanos - previous.lockWaitNanos,
                    commitNanos - previous.commitNanos, executionsTotal, elapsedNanosTotal, fullScans);
        }

        private static long minus(long now, long before) {
            return now < 0 ? -1 : now - Math.max(0, before);
        }
    }

    /**
     * A wait event's cumulative figures.
     *
     * @param histogram waits per latency bucket: bucket i counts waits shorter than 2^i ms (the
     *     last bucket everything longer), as {@link io.rustydb.common.session.WaitTotals} keeps them
     */
    public record WaitStat(String event, String waitClass, long waits, long timeouts, long waitNanos,
            List<Long> histogram) {
    }

    /**
     * File I/O by file type (data files = SST files, WAL files), cumulative since the node started.
     *
     * @param readMicros summed time of the timed data file reads
     * @param writeMicros summed time of the timed writes (SST appends and syncs, WAL syncs)
     */
    public record IoStat(FileIo data, FileIo wal, long timedReads, long readMicros, long timedWrites,
            long writeMicros) {
    }

    /** One kind of file's operations and bytes. */
    public record FileIo(long reads, long writes, long syncs, long bytesRead, long bytesWritten) {
    }

    /** The buffer pool (RocksDB block cache): its size and usage at capture, hits and misses since start. */
    public record BufferPool(long sizeBytes, long usedBytes, long dirtyBytes, int pageSize, long hits, long misses,
            long blocksWritten) {
    }

    /** A session seen in the samples or blocking one. */
    public record SessionInfo(int sessionId, String user, String program, String clientAddress) {
    }
}
