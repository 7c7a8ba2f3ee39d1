package io.rustydb.sql.session;

import io.rustydb.sql.ParsedStatement;

/** A simple-protocol statement that runs on its shape's prepared template (see {@link StatementShapes}). */
record ShapedStatement(DefaultPreparedQuery query) implements ParsedStatement {
    @Override
    public String text() {
        return query.sql();
    }
}
