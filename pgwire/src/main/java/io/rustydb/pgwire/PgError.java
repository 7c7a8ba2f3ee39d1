package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;

/**
 * The fields of an ErrorResponse or NoticeResponse: severity ({@code ERROR}, {@code FATAL},
 * {@code WARNING}, {@code NOTICE}, ...), SQLSTATE, message and the optional detail, hint and
 * 1-based statement position (0 when none).
 */
record PgError(String severity, String sqlState, String message, String detail, String hint, int position) {

    static final String ERROR = "ERROR";
    static final String FATAL = "FATAL";

    static PgError error(String sqlState, String message) {
        return new PgError(ERROR, sqlState, message, null, null, 0);
    }

    static PgError fatal(String sqlState, String message) {
        return new PgError(FATAL, sqlState, message, null, null, 0);
    }

    static PgError fatal(ErrorCode code, Object... args) {
        return fatal(code.sqlState(), code.format(args));
    }

    /** The ErrorResponse for an engine error. */
    static PgError of(RustyDbException e) {
        return new PgError(ERROR, e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position());
    }

    /** The error for an unexpected (non-RustyDB) exception: XX000 with its message. */
    static PgError internal(Throwable t) {
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getName();
        return error(ErrorCode.INTERNAL_ERROR.sqlState(), message);
    }

    PgError withSeverity(String newSeverity) {
        return new PgError(newSeverity, sqlState, message, detail, hint, position);
    }
}
