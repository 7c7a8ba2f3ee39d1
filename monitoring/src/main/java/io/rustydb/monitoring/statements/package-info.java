/**
 * Per-statement statistics: a bounded store keyed by {@code sql_id} ({@link
 * io.rustydb.monitoring.statements.SqlStatistics}) with executions, errors, elapsed time and its
 * percentiles, rows, block reads and lock waits per statement, and the last captured profile
 * (plan with estimated and measured rows per operator) of each. The SQL engine records into it,
 * {@code v$sql_statistics} and the REST API read it.
 */
package io.rustydb.monitoring.statements;
