/**
 * The system-view API: components in any module declare read-only views such as
 * {@code v$health_check} through a {@link io.rustydb.sql.sysview.SystemViewProvider}, and the SQL
 * engine serves them like tables (joins, filters, aggregates), computing their rows on every scan.
 */
package io.rustydb.sql.sysview;
