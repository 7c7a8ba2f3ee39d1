/**
 * Parse-tree nodes for {@code COPY ... FROM STDIN} / {@code COPY ... TO STDOUT}: the statement
 * and its checked options with PostgreSQL's defaults resolved.
 */
package io.rustydb.sql.parser.copy;
