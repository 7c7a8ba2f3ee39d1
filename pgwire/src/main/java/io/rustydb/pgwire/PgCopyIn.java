package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.sql.CopyIn;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A COPY FROM STDIN in progress (copy-in mode of the protocol): feeds the client's messages to the
 * engine's {@link CopyIn} as they arrive, so the data is streamed, never held, and remembers where
 * the protocol goes on once the COPY is over: for a simple query, with the statements that follow
 * it in the query string; for the extended protocol, with the client's next message.
 */
final class PgCopyIn {
    private static final Logger LOG = LoggerFactory.getLogger(PgCopyIn.class);

    private final CopyIn handle;
    private final Portal ownPortal;
    private final List<ParsedStatement> statements;
    private final int next;

    private PgCopyIn(CopyIn handle, Portal ownPortal, List<ParsedStatement> statements, int next) {
        this.handle = handle;
        this.ownPortal = ownPortal;
        this.statements = statements;
        this.next = next;
    }

    /** A COPY of a simple query: its portal is closed at the end, then statements from {@code next} on run. */
    static PgCopyIn ofSimpleQuery(CopyIn handle, Portal portal, List<ParsedStatement> statements, int next) {
        return new PgCopyIn(handle, portal, statements, next);
    }

    /** A COPY run by Execute: its portal stays the client's. */
    static PgCopyIn ofPortal(CopyIn handle) {
        return new PgCopyIn(handle, null, null, 0);
    }

    /**
     * Handles one message in copy-in mode: CopyData goes to the engine, CopyDone finishes the COPY
     * and returns its command tag, CopyFail fails it; Flush and Sync are ignored, as PostgreSQL
     * does for clients that send them after every Execute; any other message is a protocol
     * violation. Returns null while the COPY goes on; after a tag or an exception it is over.
     */
    String accept(FrontendMessage message) {
        if (message instanceof FrontendMessage.CopyData d) {
            handle.data(d.data());
            return null;
        }
        if (message instanceof FrontendMessage.CopyDone) {
            return handle.finish();
        }
        if (message instanceof FrontendMessage.Flush || message instanceof FrontendMessage.Sync) {
            return null;
        }
        if (message instanceof FrontendMessage.CopyFail f) {
            handle.fail(f.message());
            // the engine throws its own 57014; this only covers one that does not
            throw PgWireException.error(ErrorCode.QUERY_CANCELED.sqlState(), "COPY from stdin failed: " + f.message());
        }
        String violation = String.format("unexpected message type 0x%02X during COPY from stdin",
                (int) FrontendParser.typeOf(message));
        try {
            handle.fail(violation);
        } catch (RuntimeException e) {
            // the client gets the protocol violation, not the engine's 57014
            LOG.debug("COPY aborted: {}", e.getMessage());
        }
        throw PgWireException.error(ErrorCode.PROTOCOL_VIOLATION.sqlState(), violation);
    }

    /** True for a COPY of a simple query, false for one run by the extended protocol's Execute. */
    boolean isSimpleQuery() {
        return statements != null;
    }

    /** The simple query's statements; those from {@link #next()} on run after the COPY. */
    List<ParsedStatement> statements() {
        return statements;
    }

    int next() {
        return next;
    }

    /** Releases what the COPY held once it is over. */
    void close() {
        if (ownPortal != null) {
            PgStatements.closeQuietly(ownPortal);
        }
    }
}
