package io.rustydb.monitoring;

/**
 * Something {@link NodeMetrics} samples at every tick: it reads a part of the node (RocksDB
 * statistics, the JVM, the sessions) and updates its Kamon instruments, which the next Kamon
 * snapshot exports. Counters read from cumulative sources are advanced by the difference since the
 * previous sample. Called on one thread at a time.
 */
public interface MetricSource {
    void sample();
}
