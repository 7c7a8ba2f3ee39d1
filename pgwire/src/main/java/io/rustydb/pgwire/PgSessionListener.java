package io.rustydb.pgwire;

import io.rustydb.sql.SessionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the session reports outside of results into the connection's output:
 * ParameterStatus when a reported setting changes, NoticeResponse for notices and warnings.
 * Called on the session thread. Before startup has completed, parameter changes are dropped (the
 * startup sends every reported value) and notices are held until after the ParameterStatus block.
 */
final class PgSessionListener implements SessionListener {
    private final PgOutput output;
    private final List<PgError> earlyNotices = new ArrayList<>();
    private boolean started;

    PgSessionListener(PgOutput output) {
        this.output = output;
    }

    @Override
    public synchronized void parameterStatus(String name, String value) {
        if (started) {
            BackendMessages.parameterStatus(output.buffer(), name, value);
        }
    }

    @Override
    public synchronized void notice(String severity, String sqlState, String message) {
        PgError notice = new PgError(severity, sqlState, message, null, null, 0);
        if (!started) {
            earlyNotices.add(notice);
            return;
        }
        BackendMessages.noticeResponse(output.buffer(), notice);
        output.flushQuietly();
    }

    /** Called by the startup once ParameterStatus has been written: writes held notices, then goes live. */
    synchronized void start() {
        for (PgError notice : earlyNotices) {
            BackendMessages.noticeResponse(output.buffer(), notice);
        }
        earlyNotices.clear();
        started = true;
    }
}
