package io.rustydb.pgwire;

/**
 * An error the wire layer itself detects (a malformed Bind, a bad binary parameter), carried as
 * the exact {@link PgError} PostgreSQL would send.
 */
final class PgWireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PgError error;

    PgWireException(PgError error) {
        super(error.message());
        this.error = error;
    }

    static PgWireException error(String sqlState, String message) {
        return new PgWireException(PgError.error(sqlState, message));
    }

    PgError error() {
        return error;
    }
}
