package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the session ids operators write: the plain id ({@code 1001}, the PostgreSQL backend pid
 * and Oracle's sid), or the REST API's {@code session_1001}. Oracle's {@code 'sid,serial#'} is
 * refused because RustyDB has no serial numbers: session ids restart after a node restart, so a
 * serial number could not be checked.
 */
public final class SessionIds {
    private static final Pattern ID = Pattern.compile("\\s*(?:session_)?(\\d{1,10})\\s*");
    private static final Pattern SID_SERIAL = Pattern.compile("\\s*\\d+\\s*,\\s*@?\\d+.*");

    private SessionIds() {
    }

    /** The numeric id; 22023 if {@code text} is not a session id. */
    public static int parse(String text) {
        Matcher m = ID.matcher(text);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            if (id <= Integer.MAX_VALUE) {
                return (int) id;
            }
        }
        if (SID_SERIAL.matcher(text).matches()) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "session serial numbers ('sid,serial#'): give the session id alone");
        }
        throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid session id: \"" + text + "\"");
    }

    /** The id in the REST API's form, {@code session_<id>}. */
    public static String format(int sessionId) {
        return "session_" + sessionId;
    }
}
