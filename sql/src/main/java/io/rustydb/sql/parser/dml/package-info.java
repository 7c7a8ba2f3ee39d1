/**
 * Parse-tree nodes for PostgreSQL's additions to data manipulation that Calcite's own nodes lack:
 * {@code RETURNING}, {@code UPDATE ... FROM}, locking clauses ({@code SELECT ... FOR UPDATE}) and
 * {@code TRUNCATE}. Plain INSERT, UPDATE, DELETE and queries stay Calcite's nodes.
 */
package io.rustydb.sql.parser.dml;
