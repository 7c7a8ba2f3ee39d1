/**
 * SQL type names as the grammar parses them: PostgreSQL-only spellings ({@code int4},
 * {@code text}, {@code float(p)}, ...) and the mapping from a parsed type to RustyDB's
 * {@link io.rustydb.common.types.ColumnType}.
 */
package io.rustydb.sql.parser.type;
