/**
 * Parse-tree nodes for transaction control: {@code BEGIN} / {@code START TRANSACTION},
 * {@code COMMIT} / {@code END}, {@code ROLLBACK} / {@code ABORT}, {@code SET TRANSACTION} and
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION}, with their transaction modes.
 */
package io.rustydb.sql.parser.tx;
