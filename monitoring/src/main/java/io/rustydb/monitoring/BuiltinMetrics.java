package io.rustydb.monitoring;

import kamon.Kamon;
import kamon.metric.DynamicRange;
import kamon.metric.MeasurementUnit;
import kamon.metric.Metric;

/**
 * The Monitoring Guide's "Built-in Metrics" as Kamon metrics, each registered once with the name,
 * type and help it is exported under. The Kamon names are the exported names, so a Kamon metric
 * and its Prometheus series are found by the same string.
 */
public final class BuiltinMetrics {
    /** Upper bounds of {@code rustydb_query_duration_ms}, as the guide lists them. */
    static final double[] QUERY_BUCKETS_MS = {1, 5, 10, 50, 100, 500, 1000};
    /**
     * Upper bounds of the disk latency histograms in milliseconds: a subset of RocksDB's own
     * histogram bucket limits (1, 4, 10, 22, 51 ... 1200000 microseconds), so that each RocksDB
     * bucket falls into exactly one of these.
     */
    static final double[] DISK_BUCKETS_MS = {0.001, 0.004, 0.01, 0.022, 0.051, 0.11, 0.25, 0.58, 1.3, 2.9, 6.6,
        14, 50, 110, 250, 570, 1200};
    /** Microseconds from one to one hour, three significant digits (0.1% resolution). */
    static final DynamicRange MICROS = DynamicRange.apply(1, 3_600_000_000L, 3);

    private static final MetricSpecs SPECS = new MetricSpecs();

    // Database
    public static final Metric.Counter UPTIME = counter("rustydb_uptime_seconds",
            "Database uptime in seconds (whole seconds since the node started)");
    public static final Metric.Counter QUERIES = counter("rustydb_queries_total",
            "Total number of queries executed: statements that completed or failed, including those rejected by"
            + " the parser or planner");
    public static final Metric.Counter QUERY_ERRORS = counter("rustydb_queries_errors",
            "Total number of queries that failed with an error");
    public static final Metric.Gauge ACTIVE_CONNECTIONS = gauge("rustydb_active_connections",
            "Number of active connections: client connections open now, each holding a max_connections slot");
    public static final Metric.Gauge ACTIVE_TRANSACTIONS = gauge("rustydb_active_transactions",
            "Number of transactions open in storage now");
    public static final Metric.Counter TRANSACTIONS = counter("rustydb_transactions_total",
            "Transactions ended, by status: committed or rolled_back (autocommit statements count as one each)");
    public static final Metric.Counter DEADLOCKS = counter("rustydb_deadlocks_total",
            "Deadlocks detected: statements chosen as a deadlock's victim (SQLSTATE 40P01)");

    // Performance
    static final String QUERY_DURATION_SUM = "rustydb_query_duration_ms.sum_ns";
    public static final Metric.Histogram QUERY_DURATION = histogram("rustydb_query_duration_ms",
            "Query execution duration in milliseconds (from the start of execution to its completion)",
            QUERY_BUCKETS_MS, QUERY_DURATION_SUM, 1e-6);
    public static final Metric.Counter QUERY_DURATION_NANOS = Kamon.counter(QUERY_DURATION_SUM);
    public static final Metric.Gauge QUERIES_PER_SECOND = gauge("rustydb_queries_per_second",
            "Queries per second, measured over the last rate_window (10 s by default): queries counted in the"
            + " window divided by its length");
    public static final Metric.Gauge TRANSACTIONS_PER_SECOND = gauge("rustydb_transactions_per_second",
            "Committed transactions per second, measured over the last rate_window (10 s by default)");

    // Buffer pool (RocksDB block cache)
    public static final Metric.Gauge BUFFER_POOL_SIZE = gauge("rustydb_buffer_pool_size_bytes",
            "Buffer pool size: capacity of the RocksDB block cache in bytes");
    public static final Metric.Gauge BUFFER_POOL_USED = gauge("rustydb_buffer_pool_used_bytes",
            "Buffer pool used: bytes held in the RocksDB block cache");
    public static final Metric.Gauge BUFFER_POOL_HIT_RATIO = gauge("rustydb_buffer_pool_hit_ratio",
            "Buffer pool hit ratio (0.0-1.0) since the node started: block cache hits / (hits + misses)");
    public static final Metric.Counter BUFFER_POOL_HITS = counter("rustydb_buffer_pool_hits",
            "Buffer pool hits: RocksDB block cache hits (data, index and filter blocks)");
    public static final Metric.Counter BUFFER_POOL_MISSES = counter("rustydb_buffer_pool_misses",
            "Buffer pool misses: RocksDB block cache misses (data, index and filter blocks)");

    // Disk I/O
    public static final Metric.Counter DISK_READS = counter("rustydb_disk_reads_total",
            "Total disk reads: reads of SST files RocksDB issued to the file system (the OS page cache may serve"
            + " them)");
    public static final Metric.Counter DISK_WRITES = counter("rustydb_disk_writes_total",
            "Total disk writes: appends to SST files (flush, compaction), SST file syncs and WAL syncs, as RocksDB"
            + " times them");
    public static final Metric.Gauge DISK_READS_PER_SECOND = gauge("rustydb_disk_reads_per_second",
            "Disk reads per second, measured over the last rate_window (10 s by default)");
    public static final Metric.Gauge DISK_WRITES_PER_SECOND = gauge("rustydb_disk_writes_per_second",
            "Disk writes per second, measured over the last rate_window (10 s by default)");
    static final String DISK_READ_SUM = "rustydb_disk_read_latency_ms.sum_us";
    static final String DISK_WRITE_SUM = "rustydb_disk_write_latency_ms.sum_us";
    public static final Metric.Histogram DISK_READ_LATENCY = histogram("rustydb_disk_read_latency_ms",
            "Disk read latency in milliseconds (RocksDB SST read timings, bucketed at RocksDB's histogram limits)",
            DISK_BUCKETS_MS, DISK_READ_SUM, 1e-3);
    public static final Metric.Histogram DISK_WRITE_LATENCY = histogram("rustydb_disk_write_latency_ms",
            "Disk write latency in milliseconds (RocksDB SST append, SST sync and WAL sync timings, bucketed at"
            + " RocksDB's histogram limits)", DISK_BUCKETS_MS, DISK_WRITE_SUM, 1e-3);
    public static final Metric.Counter DISK_READ_MICROS = Kamon.counter(DISK_READ_SUM);
    public static final Metric.Counter DISK_WRITE_MICROS = Kamon.counter(DISK_WRITE_SUM);

    // Connections
    public static final Metric.Counter CONNECTIONS_TOTAL = counter("rustydb_connections_total",
            "Total connections admitted since the node started");
    public static final Metric.Gauge CONNECTIONS_ACTIVE = gauge("rustydb_connections_active",
            "Active connections: sessions running a statement now");
    public static final Metric.Gauge CONNECTIONS_IDLE = gauge("rustydb_connections_idle",
            "Idle connections: sessions open and not running a statement (idle or idle in transaction)");
    public static final Metric.Gauge CONNECTION_WAIT_QUEUE_DEPTH = gauge("rustydb_connection_wait_queue_depth",
            "Connections waiting for a max_connections slot now");
    public static final Metric.Counter CONNECTION_TIMEOUTS = counter("rustydb_connection_timeouts_total",
            "Connections refused with 53300 (too many clients) after waiting admission_timeout for a slot");

    // Resources
    public static final Metric.Gauge CPU_USAGE = gauge("rustydb_cpu_usage_percent",
            "CPU used by the RustyDB process over the last tick, in percent of all the machine's cores");
    public static final Metric.Gauge MEMORY_USED = gauge("rustydb_memory_used_bytes",
            "Memory in use by area: jvm_heap, jvm_non_heap, rocksdb_memtables, rocksdb_block_cache,"
            + " rocksdb_table_readers (index and filter blocks outside the block cache)");
    public static final Metric.Gauge MEMORY_LIMIT = gauge("rustydb_memory_limit_bytes",
            "Memory limits by area: jvm_heap (-Xmx), rocksdb_block_cache (buffer pool capacity)");
    public static final Metric.Gauge DATA_DIRECTORY_SIZE = gauge("rustydb_data_directory_size_bytes",
            "Bytes in the files under the data directory (RocksDB SST files, WAL, manifests)");
    public static final Metric.Gauge FILESYSTEM_SIZE = gauge("rustydb_filesystem_size_bytes",
            "Size of the file system holding the data directory");
    public static final Metric.Gauge FILESYSTEM_FREE = gauge("rustydb_filesystem_free_bytes",
            "Bytes available to RustyDB on the file system holding the data directory");

    private BuiltinMetrics() {
    }

    /** The export rules of every Kamon metric (built-in, custom, and Kamon's own by convention). */
    static MetricSpecs specs() {
        return SPECS;
    }

    private static Metric.Counter counter(String name, String help) {
        SPECS.register(name, MetricSpec.counter(name, help));
        return Kamon.counter(name, help);
    }

    private static Metric.Gauge gauge(String name, String help) {
        SPECS.register(name, MetricSpec.gauge(name, help));
        return Kamon.gauge(name, help);
    }

    private static Metric.Histogram histogram(String name, String help, double[] bucketsMs, String sumCounter,
            double sumFactor) {
        SPECS.register(name, MetricSpec.histogram(name, help, 1e-3, bucketsMs, sumCounter, sumFactor));
        return Kamon.histogram(name, help, MeasurementUnit.none(), MICROS);
    }
}
