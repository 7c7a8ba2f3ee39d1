package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.AshReports;
import java.util.List;

/**
 * An AWR report over a range of snapshots: the Monitoring Guide's ten sections, the ASH section
 * and the findings. A pure value computed by {@link AwrReportBuilder}; rendered as JSON by the
 * REST API, as text by {@link TextReport} and as HTML by {@link HtmlReport}. Sections whose capture
 * was turned off are null; figures that were not measured are null.
 */
public record AwrReport(Summary summary, List<Rate> loadProfile, List<TimeShare> dbTimeDistribution,
        List<SqlRow> topSqlByElapsedTime, List<SqlRow> topSqlByCpuTime, List<SqlRow> topSqlByBufferGets,
        List<SqlRow> topSqlByPhysicalReads, Waits waitEvents, Io io, BufferPool bufferPool,
        Transactions transactions, Ash ash, List<Finding> findings, List<String> notes) {

    /**
     * @param restarts node starts inside the range: counters were reset there
     * @param dbTimeMs the statements' elapsed time in the range
     */
    public record Summary(String instance, String version, long startSnapshotId, long endSnapshotId,
            String beginTime, String endTime, double elapsedSeconds, double dbTimeMs, int snapshots,
            int sessionsAtStart, int sessionsAtEnd, List<Restart> restarts) {
    }

    /** The node started between two snapshots. */
    public record Restart(long afterSnapshotId, long beforeSnapshotId, String startupTime) {
    }

    /** A load profile line: the range's total, per second of elapsed time and per transaction. */
    public record Rate(String name, double total, double perSecond, Double perTransaction) {
    }

    /** A share of DB time: the CPU of the statements, or a wait class's measured time. */
    public record TimeShare(String component, double timeMs, Double percentOfDbTime) {
    }

    /** A statement in a top list; cpu and I/O wait are null where not measured. */
    public record SqlRow(String sqlId, long executions, double elapsedMs, double elapsedPerExecMs, Double cpuMs,
            Double ioWaitMs, long bufferGets, long physicalReads, long rowsReturned, long rowsAffected,
            long rowsExamined, Double percentOfDbTime, String sqlText) {
    }

    /** Wait event statistics: classes, events and their latency histograms. */
    public record Waits(List<WaitClassRow> classes, List<WaitEventRow> events, List<String> histogramBuckets) {
    }

    public record WaitClassRow(String waitClass, long waits, double timeMs, Double percentOfDbTime) {
    }

    /** An event's waits in the range; {@code histogram} counts them per bucket of {@link Waits#histogramBuckets}. */
    public record WaitEventRow(String event, String waitClass, long waits, long timeouts, double timeMs,
            Double avgWaitMs, Double percentOfDbTime, List<Long> histogram) {
    }

    /** I/O by file type and the timed operations' latency. */
    public record Io(List<FileType> files, Double avgReadMs, Double avgWriteMs, long timedReads, long timedWrites) {
    }

    public record FileType(String fileType, long reads, long writes, long syncs, long bytesRead, long bytesWritten,
            double readsPerSecond, double writesPerSecond, double readMbPerSecond, double writeMbPerSecond) {
    }

    /** Buffer pool figures: size and usage at the end, gets in the range. */
    public record BufferPool(long sizeBytes, long usedBytes, long dirtyBytes, int pageSize, long gets, long hits,
            long misses, Double hitRatio, long blocksWritten) {
    }

    public record Transactions(long commits, long rollbacks, long deadlocks, double perSecond,
            Double avgDurationMs, Double rollbackPercent) {
    }

    /** What the ASH samples kept with the snapshots show (sample-weighted estimates). */
    public record Ash(int samples, int sampleRatio, long estimatedDbTimeMs, List<AshReports.ClassActivity> waitClasses,
            List<AshReports.SqlActivity> topSql, List<AshReports.SessionActivity> topSessions,
            List<AshReports.BlockingChain> blockingChains) {
    }

    /**
     * A top cause of DB time: what it cost, who and what was responsible, the evidence and what
     * to do.
     */
    public record Finding(String category, String title, double impactMs, Double percentOfDbTime,
            List<String> sqlIds, List<String> objects, List<Integer> sessions, String evidence,
            String recommendation) {
    }
}
