/**
 * Parse-tree nodes for data definition statements: {@code CREATE TABLE} (with its column
 * declarations, table constraints and storage options), {@code ALTER TABLE} and its actions,
 * {@code CREATE INDEX}, {@code CREATE VIEW}, {@code CREATE SEQUENCE}, and the matching
 * {@code DROP} statements.
 */
package io.rustydb.sql.parser.ddl;
