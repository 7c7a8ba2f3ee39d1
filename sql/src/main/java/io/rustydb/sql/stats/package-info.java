/**
 * Statement statistics on the SQL side: the per-thread counters scans and locks update, the
 * session's per-execution measuring and recording into the node's statement store, profiling of
 * an execution per operator, the slow-query log, and the {@code v$sql} views.
 */
package io.rustydb.sql.stats;
