package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;

/**
 * What the SQL engine asks of the node to administer sessions. The actors module plugs in the
 * session registry; until then every request is refused.
 */
public interface SessionAdmin {

    /**
     * Ends the connection of session {@code sessionId} as an administrator command: its running
     * statement is cancelled, the client gets FATAL 57P01 and the session's open transaction is
     * rolled back. Returns without waiting for the session to end.
     *
     * @return false if no session has that id
     */
    boolean terminate(int sessionId);

    /**
     * Cancels the running statement of session {@code sessionId} as the protocol's CancelRequest
     * does (57014 for that statement; nothing happens to an idle session).
     *
     * @return false if no session has that id
     */
    default boolean cancel(int sessionId) {
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "cancelling statements without a session registry");
    }
}
