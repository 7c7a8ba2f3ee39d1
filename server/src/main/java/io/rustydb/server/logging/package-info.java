/**
 * The node's log files (Monitoring Guide, "Log Management"): the main log, the error-only log and
 * the slow-query log in {@code rustydb.logging.log_directory}, rotated by size and day into
 * {@code archive/}, as text or one JSON object per line, with per-component levels. Applied to
 * Logback at startup, next to the console output that {@code logback.xml} configures.
 */
package io.rustydb.server.logging;
