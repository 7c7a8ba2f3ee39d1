/**
 * Parse-tree nodes for data definition statements: {@code CREATE TABLE} (with its column
 * declarations, table constraints and storage options) and {@code DROP TABLE}.
 */
package io.rustydb.sql.parser.ddl;
