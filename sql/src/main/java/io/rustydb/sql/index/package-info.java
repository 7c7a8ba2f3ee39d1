/**
 * Secondary indexes: the key layout of index entries, their maintenance on every row write, the
 * choice of an index (or the primary key) for a WHERE clause and the range scans that read
 * through it.
 */
package io.rustydb.sql.index;
