package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
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
 * The per-connection protocol state machine after startup: simple query and the extended query
 * protocol (Parse/Bind/Describe/Execute/Close/Sync/Flush) against the {@link SqlSession}. Runs on
 * the session thread, one message at a time; it keeps the named statements and portals and the
 * "skip until Sync" state that follows an error in an extended-protocol batch.
 */
final class PgProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PgProtocolHandler.class);

    private final PgOutput output;
    private final PgBuffer out;
    private final PgStatements state = new PgStatements();
    private boolean skipUntilSync;

    PgProtocolHandler(PgOutput output) {
        this.output = output;
        this.out = output.buffer();
    }

    /** Handles one frontend message; never throws for engine or client errors. */
    void handle(FrontendMessage message, SqlSession session) {
        if (output.isClosed()) {
            return;
        }
        if (message instanceof FrontendMessage.Sync) {
            skipUntilSync = false;
        } else if (skipUntilSync) {
            return;
        }
        try {
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
        } else if (message instanceof FrontendMessage.Unsupported u) {
            sendError(new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, u.what()));
            readyForQuery(session);
        } else {
            try {
                extended(message, session);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                if (e instanceof PgOutput.ClientGoneException gone) {
                    throw gone;
                }
                sendError(e);
                skipUntilSync = true;
                output.flush();
            }
        }
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
        try {
            List<ParsedStatement> statements = session.parse(sql);
            if (statements.isEmpty()) {
                BackendMessages.emptyQueryResponse(out);
            }
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    // let the client see earlier results while later statements run
                    output.flush();
                }
                runStatement(session, statements.get(i));
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            if (e instanceof PgOutput.ClientGoneException gone) {
                throw gone;
            }
            sendError(e);
        }
        readyForQuery(session);
    }

    private void runStatement(SqlSession session, ParsedStatement statement) {
        PreparedQuery query = session.prepare(statement, List.of());
        if (query.isEmpty()) {
            BackendMessages.emptyQueryResponse(out);
            return;
        }
        Portal portal = session.bind(query, List.of());
        try {
            List<ResultColumn> columns = portal.resultColumns();
            if (!columns.isEmpty()) {
                BackendMessages.rowDescription(out, columns, null);
            }
            ExecutionResult result = session.execute(portal, 0, row -> dataRow(columns, null, row));
            BackendMessages.commandComplete(out, result.commandTag());
        } finally {
            PgStatements.closeQuietly(portal);
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
        List<ResultColumn> columns = portal.resultColumns();
        short[] formats = bound.resultFormats();
        ExecutionResult result = session.execute(portal, e.maxRows(), row -> dataRow(columns, formats, row));
        if (result.suspended()) {
            BackendMessages.portalSuspended(out);
        } else {
            BackendMessages.commandComplete(out, result.commandTag());
        }
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
