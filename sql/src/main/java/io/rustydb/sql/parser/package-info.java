/**
 * RustyDB's SQL grammar: {@link io.rustydb.sql.parser.RustyDbParser} parses PostgreSQL-flavoured
 * SQL with Calcite's parser extended through FMPP/JavaCC (generated into
 * {@code io.rustydb.sql.parser.impl}); {@link io.rustydb.sql.parser.SqlNormalizer} and
 * {@link io.rustydb.sql.parser.SqlId} give statements a literal-free text and an Oracle-style
 * sql_id. Statement nodes live in the {@code ddl}, {@code dml}, {@code copy}, {@code utility},
 * {@code tx} and {@code session} subpackages.
 */
package io.rustydb.sql.parser;
