/**
 * RustyDB's metrics: the Monitoring Guide's {@code rustydb_*} metrics as Kamon instruments, the
 * samplers that read RocksDB statistics, the JVM and the operating system into them, custom
 * metrics, and their rendering in the Prometheus text format ({@link io.rustydb.monitoring.NodeMetrics}
 * is the public entry point).
 */
package io.rustydb.monitoring;
