/**
 * The node's performance views ({@code v$system_performance}, {@code v$buffer_pool_stats},
 * {@code v$memory_usage}) and its configuration view ({@code v$parameter}), computed from the
 * storage, the metrics registry, the session registry and the parameter catalog whenever a
 * statement scans them.
 */
package io.rustydb.actors.stats;
