package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.CopyDescription;
import io.rustydb.sql.CopyIn;
import io.rustydb.sql.ExecutionResult;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection protocol state machine after startup: simple query, the extended query
 * protocol (Parse/Bind/Describe/Execute/Close/Sync/Flush) and COPY against the {@link SqlSession}.
 * Runs on the session thread, one message at a time; it keeps the named statements and portals,
 * the "skip until Sync" state that follows an error in an extended-protocol batch, and the COPY
 * FROM STDIN in progress, which spans the client's CopyData messages.
 */
final class PgProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PgProtocolHandler.class);

    private final PgOutput output;
    private final PgBuffer out;
    private final PgStatements state = new PgStatements();
    private boolean skipUntilSync;
    /** The COPY FROM STDIN the client is sending data for; null outside copy-in mode. */
    private PgCopyIn copyIn;

    PgProtocolHandler(PgOutput output) {
        this.output = output;
        this.out = output.buffer();
    }

    /** Handles one frontend message; never throws for engine or client errors. */
    void handle(FrontendMessage message, SqlSession session) {
        if (output.isClosed()) {
            return;
        }
        try {
            if (copyIn != null) {
                copyInMessage(message, session);
                return;
            }
            if (message instanceof FrontendMessage.Sync) {
                skipUntilSync = false;
            } else if (skipUntilSync) {
                return;
            }
            dispatch(message, session);
        } catch (PgOutput.ClientGoneException e) {
            LOG.debug("client went away while the session was writing");
        }
    }

    private void dispatch(FrontendMessage message, SqlSession session) {
        if (message instanceof FrontendMessage.Query q) {
            simpleQuery(q.sql(), session);
        } else if (message instanceof FrontendMessage.Sync) {
            sync(session);
        } else if (message instanceof FrontendMessage.Flush) {
            output.flush();
        } else if (isCopyMessage(message)) {
            // outside copy-in mode (the rest of a COPY that failed) PostgreSQL drops them silently
            return;
        } else if (message instanceof FrontendMessage.Unsupported u) {
            sendError(new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, u.what()));
            readyForQuery(session);
        } else {
            try {
                extended(message, session);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                rethrowIfClientGone(e);
                sendError(e);
                skipUntilSync = true;
                output.flush();
            }
        }
    }

    private static boolean isCopyMessage(FrontendMessage message) {
        return message instanceof FrontendMessage.CopyData || message instanceof FrontendMessage.CopyDone
                || message instanceof FrontendMessage.CopyFail;
    }

    private void extended(FrontendMessage message, SqlSession session) {
        if (message instanceof FrontendMessage.Parse p) {
            state.parse(session, p);
            BackendMessages.parseComplete(out);
        } else if (message instanceof FrontendMessage.Bind b) {
            state.bind(session, b);
            BackendMessages.bindComplete(out);
        } else if (message instanceof FrontendMessage.Describe d) {
            describe(d);
        } else if (message instanceof FrontendMessage.Execute e) {
            execute(session, e);
        } else if (message instanceof FrontendMessage.Close c) {
            state.close(c.kind(), c.name());
            BackendMessages.closeComplete(out);
        } else {
            throw new IllegalStateException("unexpected message after startup: " + message);
        }
    }

    private void simpleQuery(String sql, SqlSession session) {
        state.dropUnnamed();
        List<ParsedStatement> statements;
        try {
            statements = session.parse(sql);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            rethrowIfClientGone(e);
            sendError(e);
            readyForQuery(session);
            return;
        }
        if (statements.isEmpty()) {
            BackendMessages.emptyQueryResponse(out);
        }
        runStatements(session, statements, 0);
    }

    /**
     * Runs a simple query's statements from {@code from} on, then ReadyForQuery. A COPY FROM
     * STDIN among them stops the loop: it resumes after the client's CopyDone.
     */
    private void runStatements(SqlSession session, List<ParsedStatement> statements, int from) {
        try {
            for (int i = from; i < statements.size(); i++) {
                if (i > 0) {
                    // let the client see earlier results while later statements run
                    output.flush();
                }
                if (runStatement(session, statements, i)) {
                    return;
                }
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            rethrowIfClientGone(e);
            sendError(e);
        }
        readyForQuery(session);
    }

    /** Runs statement {@code index} of a simple query; true if it entered copy-in mode. */
    private boolean runStatement(SqlSession session, List<ParsedStatement> statements, int index) {
        PreparedQuery query = session.prepare(statements.get(index), List.of());
        if (query.isEmpty()) {
            BackendMessages.emptyQueryResponse(out);
            return false;
        }
        Portal portal = session.bind(query, List.of());
        boolean copyingIn = false;
        try {
            CopyDescription copy = query.copy();
            if (copy != null && copy.fromClient()) {
                CopyIn handle = session.beginCopyIn(portal);
                copyingIn = true;
                enterCopyIn(PgCopyIn.ofSimpleQuery(handle, portal, statements, index + 1), copy);
                return true;
            }
            if (copy != null) {
                copyOut(session, portal, copy);
                return false;
            }
            List<ResultColumn> columns = portal.resultColumns();
            if (!columns.isEmpty()) {
                BackendMessages.rowDescription(out, columns, null);
            }
            ExecutionResult result = session.execute(portal, 0, row -> dataRow(columns, null, row));
            BackendMessages.commandComplete(out, result.commandTag());
            return false;
        } finally {
            if (!copyingIn) {
                PgStatements.closeQuietly(portal);
            }
        }
    }

    private void describe(FrontendMessage.Describe d) {
        if (d.kind() == 'S') {
            PreparedQuery query = state.statement(d.name());
            BackendMessages.parameterDescription(out, query.parameterTypes());
            rowDescriptionOrNoData(query.resultColumns(), null);
        } else {
            PgStatements.BoundPortal portal = state.portal(d.name());
            rowDescriptionOrNoData(portal.portal().resultColumns(), portal.resultFormats());
        }
    }

    private void rowDescriptionOrNoData(List<ResultColumn> columns, short[] formats) {
        if (columns.isEmpty()) {
            BackendMessages.noData(out);
        } else {
            BackendMessages.rowDescription(out, columns, formats);
        }
    }

    private void execute(SqlSession session, FrontendMessage.Execute e) {
        PgStatements.BoundPortal bound = state.portal(e.portal());
        Portal portal = bound.portal();
        if (portal.query().isEmpty()) {
            BackendMessages.emptyQueryResponse(out);
            return;
        }
        CopyDescription copy = portal.query().copy();
        if (copy != null) {
            // a COPY runs to its end whatever the row limit, as in PostgreSQL
            if (copy.fromClient()) {
                enterCopyIn(PgCopyIn.ofPortal(session.beginCopyIn(portal)), copy);
            } else {
                copyOut(session, portal, copy);
            }
            return;
        }
        List<ResultColumn> columns = portal.resultColumns();
        short[] formats = bound.resultFormats();
        ExecutionResult result = session.execute(portal, e.maxRows(), row -> dataRow(columns, formats, row));
        if (result.suspended()) {
            BackendMessages.portalSuspended(out);
        } else {
            BackendMessages.commandComplete(out, result.commandTag());
        }
    }

    /** A COPY FROM STDIN has begun: CopyInResponse, then copy-in mode until CopyDone or CopyFail. */
    private void enterCopyIn(PgCopyIn copy, CopyDescription description) {
        copyIn = copy;
        BackendMessages.copyInResponse(out, description.columnCount());
        output.flush();
    }

    /**
     * A message in copy-in mode. At CopyDone: CommandComplete, then a simple query goes on with
     * its next statement. At an error (CopyFail, a bad row, a protocol violation): ErrorResponse,
     * then a simple query ends with ReadyForQuery and the extended protocol skips until Sync; the
     * CopyData, CopyDone and CopyFail the client still sends are dropped (see {@link #dispatch}).
     */
    private void copyInMessage(FrontendMessage message, SqlSession session) {
        PgCopyIn copy = copyIn;
        String tag;
        try {
            tag = copy.accept(message);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            rethrowIfClientGone(e);
            copyIn = null;
            copy.close();
            sendError(e);
            if (copy.isSimpleQuery()) {
                readyForQuery(session);
            } else {
                skipUntilSync = true;
                output.flush();
            }
            return;
        }
        if (tag == null) {
            return;
        }
        copyIn = null;
        copy.close();
        BackendMessages.commandComplete(out, tag);
        if (copy.isSimpleQuery()) {
            runStatements(session, copy.statements(), copy.next());
        }
    }

    /**
     * Runs a COPY TO STDOUT: CopyOutResponse, one CopyData per row, CopyDone, CommandComplete. The
     * CopyOutResponse waits for the first row, so a COPY that fails before it yields only the
     * ErrorResponse; one that fails later ends its rows with the ErrorResponse, without CopyDone.
     */
    private void copyOut(SqlSession session, Portal portal, CopyDescription copy) {
        boolean[] started = {false};
        String tag = session.copyOut(portal, line -> {
            if (!started[0]) {
                BackendMessages.copyOutResponse(out, copy.columnCount());
                started[0] = true;
            }
            BackendMessages.copyData(out, line);
            output.flushIfFull();
        });
        if (!started[0]) {
            BackendMessages.copyOutResponse(out, copy.columnCount());
        }
        BackendMessages.copyDone(out);
        BackendMessages.commandComplete(out, tag);
    }

    private void dataRow(List<ResultColumn> columns, short[] formats, Object[] row) {
        BackendMessages.dataRow(out, columns, formats, row);
        output.flushIfFull();
    }

    private void sync(SqlSession session) {
        readyForQuery(session);
    }

    /** ReadyForQuery; at the end of a transaction its portals go away, as in PostgreSQL. */
    private void readyForQuery(SqlSession session) {
        TransactionStatus status;
        try {
            status = session.transactionStatus();
        } catch (RuntimeException e) {
            LOG.error("could not read the transaction status", e);
            status = TransactionStatus.IDLE;
        }
        if (status == TransactionStatus.IDLE) {
            state.closeAllPortals();
        }
        BackendMessages.readyForQuery(out, status.indicator());
        output.flush();
    }

    private static void rethrowIfClientGone(Throwable t) {
        if (t instanceof PgOutput.ClientGoneException gone) {
            throw gone;
        }
    }

    private void sendError(Throwable t) {
        out.abandonMessage();
        if (output.isClosed()) {
            return;
        }
        PgError error;
        if (t instanceof RustyDbException e) {
            error = PgError.of(e);
        } else if (t instanceof PgWireException e) {
            error = e.error();
        } else {
            LOG.error("internal error while serving a client", t);
            error = PgError.internal(t);
        }
        BackendMessages.errorResponse(out, error);
    }

    /** Types of a Parse message: OID 0 or one RustyDB does not know lets the engine infer. */
    static List<DataType> declaredTypes(int[] oids) {
        List<DataType> types = new ArrayList<>(oids.length);
        for (int oid : oids) {
            types.add(oid == 0 ? null : DataType.fromOid(oid));
        }
        return types;
    }
}
