package io.rustydb.monitoring.statements;

/**
 * One statement's statistics at one moment. Times are in milliseconds; the percentiles come from
 * the statement's own latency histogram (HdrHistogram, microsecond values kept to two significant
 * digits, so within 1%); {@code minTimeMs}, {@code maxTimeMs} and the percentiles are NaN before
 * the first timed execution.
 *
 * @param executions executions that completed or failed
 * @param errors executions that failed
 * @param cacheMisses blocks read from files (RocksDB block reads)
 * @param lockTimeMs time spent waiting for other sessions' table locks
 * @param lockWaits how many such waits there were
 * @param commitTimeMs time in the storage commit of the statement's transactions
 * @param firstSeenMillis start of the first execution, milliseconds since the epoch
 * @param lastSeenMillis start of the latest execution
 * @param lastProfiledMillis start of the last profiled execution, 0 if none
 * @param cpuTimeMs CPU time of the executions whose CPU time was measured (all of them while
 *     {@code rustydb.ash.capture_resource_usage} is on); NaN if none was
 * @param ioWaitTimeMs time in User I/O waits (file reads that missed the buffer pool)
 */
public record SqlStatSnapshot(String sqlId, String sqlText, long executions, long errors, double totalTimeMs,
        double minTimeMs, double maxTimeMs, double p50TimeMs, double p95TimeMs, double p99TimeMs,
        long rowsReturned, long rowsAffected, long rowsExamined, long cacheHits, long cacheMisses, long bytesRead,
        double lockTimeMs, long lockWaits, double commitTimeMs, long firstSeenMillis, long lastSeenMillis,
        long lastProfiledMillis, double cpuTimeMs, double ioWaitTimeMs) {

    /** Mean elapsed time per execution, NaN before the first. */
    public double avgTimeMs() {
        return executions == 0 ? Double.NaN : totalTimeMs / executions;
    }

    /** Mean rows returned per execution, NaN before the first. */
    public double rowsReturnedAvg() {
        return executions == 0 ? Double.NaN : (double) rowsReturned / executions;
    }
}
