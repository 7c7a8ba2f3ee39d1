package io.rustydb.sql.session;

import io.rustydb.sql.ParsedStatement;

/** A statement of a query string: its own text and where it starts (0-based) in the string. */
record DefaultParsedStatement(String text, int offset) implements ParsedStatement {
}
