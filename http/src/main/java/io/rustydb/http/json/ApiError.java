package io.rustydb.http.json;

/**
 * A request the API refuses: an HTTP status, a stable upper-case code for programs and a message
 * for people. Rendered as {@code {"success": false, "error": {"code": ..., "message": ...}}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    public static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message);
    }
}
