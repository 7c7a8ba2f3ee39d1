/**
 * Sequences as sessions see them: the sequence functions nextval, currval, setval and lastval
 * (Calcite operators and their per-session state) and the column defaults that draw from a
 * sequence (SERIAL, identity columns).
 */
package io.rustydb.sql.sequence;
