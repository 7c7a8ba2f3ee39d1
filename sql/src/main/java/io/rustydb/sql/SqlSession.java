package io.rustydb.sql;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.types.DataType;
import java.util.List;
import java.util.Map;

/**
 * One client session of the SQL engine: its settings, its transaction, its prepared statements'
 * plans. Protocol-neutral: the wire protocol drives it through parse/prepare/bind/execute.
 * Errors are thrown as {@link io.rustydb.common.RustyDbException}; after an error inside an
 * explicit transaction block the session is {@link TransactionStatus#FAILED} and rejects every
 * statement but ROLLBACK/COMMIT with 25P02.
 *
 * <p>Not thread-safe: one thread at a time (its SessionActor), except {@link #cancel()}.
 */
public interface SqlSession extends AutoCloseable {

    /** The state this session publishes for observers. */
    SessionState state();

    /**
     * Parses a simple-query string into its statements, all before any runs (as PostgreSQL does).
     * An empty or comment-only string yields an empty list. Syntax errors carry a position. For
     * the simple query protocol only: a statement may come back already prepared with its
     * literals bound, which {@link #prepare(ParsedStatement, List)} then returns as it is.
     */
    List<ParsedStatement> parse(String sql);

    /**
     * Plans one parsed statement. {@code declaredParameterTypes} holds the client's declared type
     * per {@code $n} (index n-1); a {@code null} entry or a short list lets the engine infer.
     */
    PreparedQuery prepare(ParsedStatement statement, List<DataType> declaredParameterTypes);

    /** Parses and plans text that must hold at most one statement (extended protocol Parse). */
    PreparedQuery prepare(String sql, List<DataType> declaredParameterTypes);

    /** Binds parameter values (Java values per {@link DataType}) to a prepared query. */
    Portal bind(PreparedQuery query, List<Object> parameters);

    /**
     * Runs (or resumes) a portal, passing at most {@code maxRows} rows to {@code sink}
     * ({@code maxRows <= 0}: all). The result is suspended when rows remain.
     */
    ExecutionResult execute(Portal portal, long maxRows, RowSink sink);

    /**
     * Starts a bound {@code COPY ... FROM STDIN} (its query's {@link PreparedQuery#copy()} says
     * fromClient). The statement runs until the returned handle is finished or failed.
     */
    CopyIn beginCopyIn(Portal portal);

    /**
     * Runs a bound {@code COPY ... TO STDOUT}, passing each encoded row to {@code sink}; returns
     * the command tag, e.g. {@code COPY 1000}.
     */
    String copyOut(Portal portal, CopySink sink);

    TransactionStatus transactionStatus();

    /** The run-time parameters reported to the client (ParameterStatus) and their values now. */
    Map<String, String> reportedParameters();

    /** Asks the running statement to stop with 57014; callable from any thread. */
    void cancel();

    /** Rolls back any open transaction and releases resources. */
    @Override
    void close();
}
