/**
 * Parse-tree nodes for utility statements around queries and tables: PostgreSQL's
 * {@code EXPLAIN}, {@code VACUUM} and {@code ANALYZE}.
 */
package io.rustydb.sql.parser.utility;
