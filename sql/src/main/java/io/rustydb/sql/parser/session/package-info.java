/**
 * Parse-tree nodes for run-time parameters: {@code SET [SESSION | LOCAL] name = value},
 * {@code SET TIME ZONE}, {@code SHOW} and {@code RESET}.
 */
package io.rustydb.sql.parser.session;
