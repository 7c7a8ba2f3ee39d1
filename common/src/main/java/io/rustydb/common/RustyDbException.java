package io.rustydb.common;

/**
 * The single exception type for errors a client should see: an {@link ErrorCode} (and so a
 * SQLSTATE), a rendered message and, for errors tied to statement text, a 1-based character
 * position. Protocol layers turn it into an ErrorResponse or an HTTP error body.
 */
public class RustyDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int position;
    private final String detail;
    private final String hint;

    public RustyDbException(ErrorCode code, Object... args) {
        this(code, null, 0, null, null, args);
    }

    private RustyDbException(ErrorCode code, Throwable cause, int position, String detail, String hint,
            Object... args) {
        super(code.format(args), cause);
        this.code = code;
        this.position = position;
        this.detail = detail;
        this.hint = hint;
    }

    private RustyDbException(RustyDbException base, Throwable cause, int position, String detail, String hint) {
        super(base.getMessage(), cause);
        this.code = base.code;
        this.position = position;
        this.detail = detail;
        this.hint = hint;
        setStackTrace(base.getStackTrace());
    }

    /** Wraps a lower-level failure (RocksDB, I/O) while keeping it as the cause for the log. */
    public static RustyDbException wrap(ErrorCode code, Throwable cause, Object... args) {
        return new RustyDbException(code, cause, 0, null, null, args);
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }

    /** 1-based character position in the statement text, or 0 when not tied to a position. */
    public int position() {
        return position;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public RustyDbException withPosition(int newPosition) {
        return new RustyDbException(this, getCause(), newPosition, detail, hint);
    }

    public RustyDbException withDetail(String newDetail) {
        return new RustyDbException(this, getCause(), position, newDetail, hint);
    }

    public RustyDbException withHint(String newHint) {
        return new RustyDbException(this, getCause(), position, detail, newHint);
    }
}
