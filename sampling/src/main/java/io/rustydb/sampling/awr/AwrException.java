package io.rustydb.sampling.awr;

/**
 * A request the repository refuses: an unknown snapshot or baseline, a bad range, a duplicate
 * name. The REST API turns {@link Kind} into 404, 400 or 409, SQL into a SQLSTATE.
 */
public final class AwrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Kind { NOT_FOUND, INVALID, CONFLICT, DISABLED }

    private final Kind kind;

    public AwrException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AwrException notFound(String message) {
        return new AwrException(Kind.NOT_FOUND, message);
    }

    static AwrException invalid(String message) {
        return new AwrException(Kind.INVALID, message);
    }
}
