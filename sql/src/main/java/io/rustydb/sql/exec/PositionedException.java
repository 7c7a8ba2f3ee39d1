package io.rustydb.sql.exec;

import io.rustydb.common.RustyDbException;
import org.apache.calcite.sql.SqlNode;

/**
 * An error tied to a node of the statement's syntax tree; {@link ErrorTranslator} turns the node's
 * line and column into the character position the client sees.
 */
public final class PositionedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RustyDbException error;
    private final int line;
    private final int column;

    public PositionedException(RustyDbException error, SqlNode node) {
        super(error.getMessage(), error);
        this.error = error;
        this.line = node.getParserPosition().getLineNum();
        this.column = node.getParserPosition().getColumnNum();
    }

    public RustyDbException error() {
        return error;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
