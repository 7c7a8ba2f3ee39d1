package io.rustydb.sql.session;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import io.rustydb.common.types.DataType;
import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.CopyIn;
import io.rustydb.sql.CopySink;
import io.rustydb.sql.ExecutionResult;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.RowSink;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.TransactionStatus;
import io.rustydb.sql.command.TransactionControlPlan;
import io.rustydb.sql.exec.CopyFromStdin;
import io.rustydb.sql.exec.CopyToStdout;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.ErrorTranslator;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.ModificationPlan;
import io.rustydb.sql.exec.SessionControl;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.StatementPlan;
import io.rustydb.sql.parser.ParsedSql;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.SqlId;
import io.rustydb.sql.parser.SqlNormalizer;
import io.rustydb.sql.parser.tx.AccessMode;
import io.rustydb.sql.parser.tx.TransactionModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The session of one client: settings, transaction (explicit block or one implicit transaction
 * per statement, i.e. autocommit), the failed-transaction state, cancellation and the published
 * {@link SessionState}.
 */
public final class DefaultSqlSession implements SqlSession, SessionControl {
    private final EngineContext engine;
    private final SessionState state;
    private final SessionListener listener;
    private final SessionSettings settings;
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private final StatementShapes shapes = new StatementShapes();
    private final TransactionIsolation isolation;
    private final io.rustydb.sql.sequence.SessionSequences sequences;
    private final QueryMetrics metrics;
    private final io.rustydb.sql.stats.StatementMonitor monitor;
    private final io.rustydb.sql.stats.StatementMeter meter;
    /** Counts the rows an execute call sends; reused, so counting allocates nothing. */
    private final CountingSink counting = new CountingSink();
    /** The sample of the execution the current call runs (its commit time goes there); null when none. */
    private io.rustydb.monitoring.statements.ExecutionSample running;
    /** How long the statement that just ended ran, -1 if it ended before running. */
    private long lastElapsed = -1;

    private StorageTransaction transaction;
    private boolean explicitBlock;
    private boolean failed;
    private boolean readOnly;
    private boolean sessionReadOnly;
    /** Wall-clock deadline of the running statement's statement_timeout, 0 for none. */
    private long statementDeadline;
    /** System.nanoTime() when the running statement began executing; -1 when none is. */
    private long statementStart = -1;
    /** System.nanoTime() when the open transaction began (BEGIN, or its implicit statement's start). */
    private long transactionStart;

    public DefaultSqlSession(EngineContext engine, SessionState state, Map<String, String> startupParameters,
            SessionListener listener) {
        this(engine, state, startupParameters, listener, io.rustydb.sql.stats.StatementMonitor.disabled());
    }

    /** A session whose executions {@code monitor} measures, records and logs when slow. */
    public DefaultSqlSession(EngineContext engine, SessionState state, Map<String, String> startupParameters,
            SessionListener listener, io.rustydb.sql.stats.StatementMonitor monitor) {
        this.engine = engine;
        this.monitor = monitor;
        this.meter = monitor.meter();
        this.state = state;
        this.listener = listener;
        this.settings = new SessionSettings(startupParameters, state.user());
        this.isolation = new TransactionIsolation(settings, state);
        this.sequences = new io.rustydb.sql.sequence.SessionSequences(engine.catalog());
        this.metrics = engine.metrics();
        state.applicationName(settings.applicationName());
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public String userName() {
        return state.user();
    }

    @Override
    public String databaseName() {
        return state.database();
    }

    @Override
    public List<ParsedStatement> parse(String sql) {
        try {
            DefaultPreparedQuery shaped = shapes.match(sql, engine.catalog().version(), this::planQuietly);
            if (shaped != null) {
                return List.of(new ShapedStatement(shaped));
            }
            return parseStatements(sql);
        } catch (RuntimeException e) {
            metrics.failed(-1);
            throw e;
        }
    }

    private List<ParsedStatement> parseStatements(String sql) {
        if (io.rustydb.sql.admin.KillSessionStatement.recognize(sql).isPresent()
                || io.rustydb.sql.admin.ExecStatement.recognize(sql).isPresent()) {
            // not in the grammar: recognised from the text (see KillSessionStatement, ExecStatement)
            String text = sql.strip();
            return List.of(new DefaultParsedStatement(text, sql.indexOf(text)));
        }
        List<ParsedStatement> statements = new ArrayList<>();
        for (ParsedSql parsed : RustyDbParser.parseStatementsWithText(sql)) {
            statements.add(new DefaultParsedStatement(parsed.text(), parsed.offset()));
        }
        return statements;
    }

    /** Prepares a single statement for {@link StatementShapes}: errors are thrown, not recorded. */
    private DefaultPreparedQuery planQuietly(String text, List<DataType> declared) {
        DefaultParsedStatement parsed = new DefaultParsedStatement(text, 0);
        String normalized = SqlNormalizer.normalize(text).text();
        return new DefaultPreparedQuery(parsed, SqlId.of(normalized), normalized, declared,
                StatementPlanner.plan(engine, this, text, declared), engine.catalog().version());
    }

    @Override
    public PreparedQuery prepare(ParsedStatement statement, List<DataType> declaredParameterTypes) {
        if (statement instanceof ShapedStatement shaped) {
            return shaped.query();
        }
        DefaultParsedStatement parsed = (DefaultParsedStatement) statement;
        List<DataType> declared = declaredParameterTypes == null ? List.of() : declaredParameterTypes;
        String normalized = SqlNormalizer.normalize(parsed.text()).text();
        String sqlId = SqlId.of(normalized);
        try {
            StatementPlan plan = StatementPlanner.plan(engine, this, parsed.text(), declared);
            return new DefaultPreparedQuery(parsed, sqlId, normalized, declared, plan, engine.catalog().version());
        } catch (RuntimeException e) {
            throw failStatement(ErrorTranslator.translate(e, parsed.text(), parsed.offset()));
        }
    }

    @Override
    public PreparedQuery prepare(String sql, List<DataType> declaredParameterTypes) {
        List<ParsedStatement> statements;
        try {
            statements = parseStatements(sql);
        } catch (RuntimeException e) {
            metrics.failed(-1);
            throw e;
        }
        if (statements.isEmpty()) {
            return new DefaultPreparedQuery(null, SqlId.of(""), "", List.of(), null, 0);
        }
        if (statements.size() > 1) {
            throw failStatement(new RustyDbException(ErrorCode.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement"));
        }
        return prepare(statements.get(0), declaredParameterTypes);
    }

    @Override
    public Portal bind(PreparedQuery query, List<Object> parameters) {
        DefaultPreparedQuery prepared = (DefaultPreparedQuery) query;
        if (prepared.boundLiterals() != null && parameters.isEmpty()) {
            return new DefaultPortal(prepared, prepared.boundLiterals(), this::suspendedPortalClosed);
        }
        int expected = prepared.parameterTypes().size();
        if (parameters.size() != expected) {
            throw new RustyDbException(ErrorCode.PROTOCOL_VIOLATION, "bind message supplies " + parameters.size()
                    + " parameters, but prepared statement \"\" requires " + expected);
        }
        return new DefaultPortal(prepared, nullable(parameters), this::suspendedPortalClosed);
    }

    private static List<Object> nullable(List<Object> parameters) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    @Override
    public ExecutionResult execute(Portal portal, long maxRows, RowSink sink) {
        DefaultPortal p = (DefaultPortal) portal;
        DefaultPreparedQuery query = p.prepared();
        if (query.isEmpty()) {
            return ExecutionResult.completed("");
        }
        Execution execution = p.execution();
        io.rustydb.sql.stats.StatementExecution measure = p.measure();
        boolean measuring = monitor.measuring();
        try {
            if (execution == null) {
                if (measuring) {
                    startMeasuring(measure, query, true);
                }
                execution = start(query, p.parameters(), measuring ? measure : null);
                p.started(statementStart);
            } else {
                statementStart = p.startedNanos();
                if (measuring) {
                    meter.enter(measure.profiling());
                    running = measure.sample();
                }
            }
            boolean more;
            if (measuring) {
                more = execution.fetch(maxRows, counting.counting(sink));
                measure.sample().rowsReturned += counting.count();
            } else {
                more = execution.fetch(maxRows, sink);
            }
            if (more) {
                p.suspend(execution);
                endCall(measure);
                return ExecutionResult.suspendedResult();
            }
            p.suspend(null);
            String tag = execution.commandTag();
            execution.close();
            finishImplicit();
            becomeIdle();
            statementCompleted();
            if (measuring) {
                endCall(measure);
                monitor.completed(measure, query.plan(), lastElapsed, rowsWritten(query.plan(), tag));
            }
            return ExecutionResult.completed(tag);
        } catch (RuntimeException e) {
            p.suspend(null);
            if (execution != null) {
                closeQuietly(execution);
            }
            DefaultParsedStatement statement = query.statement();
            RustyDbException error = failStatement(ErrorTranslator.translate(e, statement.text(), statement.offset()));
            if (measuring) {
                statementFailed(measure, query);
            }
            throw error;
        }
    }

    /** Before a statement's first call: prepares its measuring (and profile) and starts measuring the call. */
    private void startMeasuring(io.rustydb.sql.stats.StatementExecution measure, DefaultPreparedQuery query,
            boolean mayProfile) {
        long version = engine.catalog().version();
        // a plan about to be re-planned for a catalog change is not profiled: its instrumented copy would be stale
        monitor.starting(measure, query.sqlId(), query.normalizedText(), query.plan(),
                mayProfile && query.catalogVersion() == version ? version : -1);
        meter.enter(measure.profiling());
        running = measure.sample();
    }

    /** After a call that ran part of a statement: adds what the call measured. */
    private void endCall(io.rustydb.sql.stats.StatementExecution measure) {
        if (running != null) {
            meter.exit(measure.sample());
            running = null;
        }
    }

    /** A measured statement failed: recorded if it had started running. */
    private void statementFailed(io.rustydb.sql.stats.StatementExecution measure, DefaultPreparedQuery query) {
        endCall(measure);
        if (lastElapsed >= 0) {
            monitor.failed(measure, query.plan(), lastElapsed);
        } else {
            monitor.notRun(measure);
        }
    }

    /** Rows a statement that writes wrote, from its command tag ({@code INSERT 0 5}, {@code COPY 3}); 0 otherwise. */
    private static long rowsWritten(StatementPlan plan, String tag) {
        if (plan == null || !(plan.modifiesData() || plan instanceof CopyFromStdin)) {
            return 0;
        }
        int space = tag.lastIndexOf(' ');
        try {
            return space < 0 ? 0 : Long.parseLong(tag.substring(space + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A row sink that counts the rows it passes on; reused across calls. */
    private static final class CountingSink implements RowSink {
        private RowSink target;
        private long count;

        RowSink counting(RowSink sink) {
            target = sink;
            count = 0;
            return this;
        }

        long count() {
            return count;
        }

        @Override
        public void accept(Object[] row) {
            count++;
            target.accept(row);
        }
    }

    @Override
    public CopyIn beginCopyIn(Portal portal) {
        DefaultPreparedQuery query = ((DefaultPortal) portal).prepared();
        if (!(query.plan() instanceof CopyFromStdin)) {
            throw new RustyDbException(ErrorCode.PROTOCOL_VIOLATION, "statement is not COPY FROM STDIN");
        }
        DefaultParsedStatement statement = query.statement();
        // COPY FROM spans several calls: measured from its start to its end, never profiled
        io.rustydb.sql.stats.StatementExecution measure = ((DefaultPortal) portal).measure();
        boolean measuring = monitor.measuring();
        CopyIn load;
        try {
            if (measuring) {
                startMeasuring(measure, query, false);
            }
            StatementContext context = begin(query);
            load = ((CopyFromStdin) query.plan()).open(context, ((DefaultPortal) portal).parameters());
        } catch (RuntimeException e) {
            throw copyFailed(ErrorTranslator.translate(e, statement.text(), statement.offset()), measure, query);
        }
        return new CopyIn() {
            @Override
            public void data(byte[] chunk) {
                try {
                    load.data(chunk);
                } catch (RuntimeException e) {
                    throw copyFailed(ErrorTranslator.translate(e, statement.text(), statement.offset()), measure, query);
                }
            }

            @Override
            public String finish() {
                try {
                    String tag = load.finish();
                    finishImplicit();
                    becomeIdle();
                    statementCompleted();
                    if (measuring) {
                        endCall(measure);
                        monitor.completed(measure, query.plan(), lastElapsed, rowsWritten(query.plan(), tag));
                    }
                    return tag;
                } catch (RuntimeException e) {
                    throw copyFailed(ErrorTranslator.translate(e, statement.text(), statement.offset()), measure, query);
                }
            }

            @Override
            public void fail(String message) {
                try {
                    load.fail(message);
                } catch (RuntimeException e) {
                    throw copyFailed(ErrorTranslator.translate(e, statement.text(), statement.offset()), measure, query);
                }
                throw copyFailed(new RustyDbException(ErrorCode.QUERY_CANCELED_COPY, message), measure, query);
            }
        };
    }

    @Override
    public String copyOut(Portal portal, CopySink sink) {
        DefaultPreparedQuery query = ((DefaultPortal) portal).prepared();
        if (!(query.plan() instanceof CopyToStdout)) {
            throw new RustyDbException(ErrorCode.PROTOCOL_VIOLATION, "statement is not COPY TO STDOUT");
        }
        io.rustydb.sql.stats.StatementExecution measure = ((DefaultPortal) portal).measure();
        boolean measuring = monitor.measuring();
        try {
            if (measuring) {
                startMeasuring(measure, query, true);
            }
            StatementContext context = begin(query);
            long rows = ((CopyToStdout) query.plan()).copyOut(context, ((DefaultPortal) portal).parameters(), sink);
            finishImplicit();
            becomeIdle();
            statementCompleted();
            if (measuring) {
                endCall(measure);
                measure.sample().rowsReturned = rows;
                monitor.completed(measure, query.plan(), lastElapsed, 0);
            }
            return "COPY " + rows;
        } catch (RuntimeException e) {
            DefaultParsedStatement statement = query.statement();
            RustyDbException error = failStatement(ErrorTranslator.translate(e, statement.text(), statement.offset()));
            if (measuring) {
                statementFailed(measure, query);
            }
            throw error;
        }
    }

    /**
     * Begins the statement and starts its execution: the profiler's instrumented run when
     * {@code measure} has one for the plan that is still current, the plan otherwise.
     */
    /** A COPY FROM failed: the statement fails, and is recorded if it was measured. */
    private RustyDbException copyFailed(RustyDbException cause, io.rustydb.sql.stats.StatementExecution measure,
            DefaultPreparedQuery query) {
        RustyDbException error = failStatement(cause);
        if (monitor.measuring()) {
            statementFailed(measure, query);
        }
        return error;
    }

    private Execution start(DefaultPreparedQuery query, List<Object> parameters,
            io.rustydb.sql.stats.StatementExecution measure) {
        StatementPlan planned = query.plan();
        StatementContext context = begin(query);
        io.rustydb.sql.exec.InstrumentedRun run = measure == null ? null : measure.run();
        if (run != null) {
            if (query.plan() == planned) {
                return run.start(context, parameters);
            }
            monitor.notRun(measure); // re-planned in begin: the instrumented copy is of the old plan
        }
        return query.plan().start(context, parameters);
    }

    /**
     * Everything before a statement runs: the failed-transaction check, re-planning after DDL,
     * the published state, the transaction and its statement snapshot.
     */
    private StatementContext begin(DefaultPreparedQuery query) {
        StatementPlan plan = query.plan();
        if (failed && !(plan instanceof TransactionControlPlan control && control.endsTransaction())) {
            throw new RustyDbException(ErrorCode.IN_FAILED_SQL_TRANSACTION);
        }
        if (query.catalogVersion() != engine.catalog().version() && plan.transactional()) {
            query.replan(StatementPlanner.plan(engine, this, query.sql(), query.declaredTypes()),
                    engine.catalog().version());
            plan = query.plan();
        }
        cancelFlag.set(false);
        statementStart = System.nanoTime();
        state.statementStarted(query.sql(), query.sqlId());
        state.planHash(query.planHash());
        long now = System.currentTimeMillis();
        long timeout = settings.statementTimeoutMillis();
        if (plan.transactional()) {
            if (transaction == null) {
                transaction = engine.storage().begin(state.sessionId());
                transaction.session(state);
                transactionStart = System.nanoTime();
            }
            if (readOnly && plan.modifiesData()) {
                throw new RustyDbException(ErrorCode.READ_ONLY_SQL_TRANSACTION, plan.commandName());
            }
            isolation.statementStarting(transaction);
            transaction.beginStatement();
            transaction.lockTimeout(lockWaitMillis(settings.lockTimeoutMillis(), timeout));
        }
        statementDeadline = timeout > 0 ? now + timeout : 0;
        StatementContext context = new StatementContext(engine, transaction, cancelFlag, now,
                timeout > 0 ? now + timeout : 0, settings.timeZone(), this);
        if (plan instanceof ModificationPlan write) {
            engine.catalog().locks().lockShared(write.tableId(), state.sessionId(), context);
        }
        return context;
    }

    /**
     * How long a row-lock wait of this statement may last: lock_timeout, and never past the
     * statement_timeout (a lock wait cannot be interrupted otherwise); -1 for the engine default.
     */
    private static long lockWaitMillis(long lockTimeout, long statementTimeout) {
        if (lockTimeout > 0 && statementTimeout > 0) {
            return Math.min(lockTimeout, statementTimeout);
        }
        return lockTimeout > 0 ? lockTimeout : statementTimeout > 0 ? statementTimeout : -1;
    }

    /** Commits the implicit transaction of an autocommit statement, if one is open. */
    private void finishImplicit() {
        if (!explicitBlock && transaction != null) {
            StorageTransaction t = transaction;
            transaction = null;
            isolation.ended();
            try {
                commitCounted(t);
            } finally {
                releaseTableLocks();
            }
        }
    }

    /** Commits {@code t}, counting it as committed, or as rolled back if the commit fails. */
    private void commitCounted(StorageTransaction t) {
        io.rustydb.monitoring.statements.ExecutionSample sample = running;
        long commitStart = sample != null ? System.nanoTime() : 0;
        try {
            t.commit();
        } catch (RuntimeException e) {
            metrics.rolledBack(transactionNanos());
            throw e;
        } finally {
            if (sample != null) {
                sample.commitNanos += System.nanoTime() - commitStart;
                sample.commits++;
            }
        }
        metrics.committed(transactionNanos());
    }

    /** How long the open transaction has run, for the transaction statistics. */
    private long transactionNanos() {
        return System.nanoTime() - transactionStart;
    }

    /** The running statement completed: counts it with the time since it began executing. */
    private void statementCompleted() {
        long start = statementStart;
        statementStart = -1;
        lastElapsed = start >= 0 ? System.nanoTime() - start : 0;
        metrics.completed(lastElapsed);
    }

    /** A portal closed while suspended: its statement ends there, and its implicit transaction with it. */
    private void suspendedPortalClosed(DefaultPortal portal) {
        long ran = System.nanoTime() - portal.startedNanos();
        boolean measuring = monitor.measuring();
        io.rustydb.sql.stats.StatementExecution measure = portal.measure();
        DefaultPreparedQuery query = portal.prepared();
        running = measuring ? measure.sample() : null;
        try {
            finishImplicit();
        } catch (RuntimeException e) {
            running = null;
            metrics.failed(ran);
            if (measuring) {
                monitor.failed(measure, query.plan(), ran);
            }
            throw e;
        }
        running = null;
        metrics.completed(ran);
        if (measuring) {
            monitor.completed(measure, query.plan(), ran, 0);
        }
    }

    /** The transaction ended: other sessions' DDL on the tables it wrote may proceed. */
    private void releaseTableLocks() {
        engine.catalog().locks().releaseAll(state.sessionId());
    }

    /** Records a failed statement: its transaction is rolled back, an explicit block becomes failed. */
    private RustyDbException failStatement(RustyDbException cause) {
        long start = statementStart;
        statementStart = -1;
        lastElapsed = start >= 0 ? System.nanoTime() - start : -1;
        metrics.failed(lastElapsed);
        RustyDbException error = cause;
        if (cause.code() == ErrorCode.DEADLOCK_DETECTED) {
            metrics.deadlock();
        }
        if (cause.code() == ErrorCode.LOCK_NOT_AVAILABLE) {
            boolean timedOut = statementDeadline > 0 && System.currentTimeMillis() >= statementDeadline - 10;
            error = new RustyDbException(timedOut ? ErrorCode.STATEMENT_TIMEOUT : ErrorCode.LOCK_TIMEOUT);
        }
        if (transaction != null) {
            transaction.rollback();
            transaction = null;
            if (!explicitBlock) {
                metrics.rolledBack(transactionNanos());
            }
        }
        releaseTableLocks();
        if (explicitBlock) {
            failed = true;
        } else {
            isolation.ended();
        }
        becomeIdle();
        return error;
    }

    private void becomeIdle() {
        if (transaction != null) {
            transaction.countLocks(); // what an idle transaction holds, for v$session and the statistics
        }
        state.becameIdle(!explicitBlock ? SessionStatus.IDLE
                : failed ? SessionStatus.IDLE_IN_TRANSACTION_ABORTED : SessionStatus.IDLE_IN_TRANSACTION);
    }

    private static void closeQuietly(Execution execution) {
        try {
            execution.close();
        } catch (RuntimeException ignored) {
            // the original error is what the client needs to see
        }
    }

    /** The open storage transaction, or null (for tests of what a transaction holds). */
    StorageTransaction transaction() {
        return transaction;
    }

    @Override
    public TransactionStatus transactionStatus() {
        return failed ? TransactionStatus.FAILED
                : explicitBlock ? TransactionStatus.IN_TRANSACTION : TransactionStatus.IDLE;
    }

    @Override
    public Map<String, String> reportedParameters() {
        return settings.reported();
    }

    @Override
    public void cancel() {
        cancelFlag.set(true);
    }

    @Override
    public void close() {
        if (transaction != null || explicitBlock) {
            metrics.rolledBack(transactionNanos());
        }
        if (transaction != null) {
            transaction.rollback();
            transaction = null;
        }
        releaseTableLocks();
        explicitBlock = false;
        failed = false;
    }

    // SessionControl

    @Override
    public int sessionId() {
        return state.sessionId();
    }

    @Override
    public void begin(TransactionModes modes) {
        if (explicitBlock) {
            notice("WARNING", "25001", "there is already a transaction in progress");
            return;
        }
        applyModes(modes);
        isolation.blockStarted(modes.isolationLevel());
        if (transaction == null) {
            transaction = engine.storage().begin(state.sessionId());
            transaction.session(state);
            transactionStart = System.nanoTime();
        }
        explicitBlock = true;
        state.transactionStarted();
    }

    @Override
    public String commit() {
        if (!explicitBlock) {
            notice("WARNING", "25P01", "there is no transaction in progress");
            return "COMMIT";
        }
        boolean wasFailed = failed;
        StorageTransaction t = transaction;
        try {
            if (wasFailed) {
                if (t != null) {
                    t.rollback();
                }
                metrics.rolledBack(transactionNanos());
            } else if (t != null) {
                commitCounted(t);
            } else {
                metrics.committed(transactionNanos());
            }
        } finally {
            endBlock();
        }
        return wasFailed ? "ROLLBACK" : "COMMIT";
    }

    @Override
    public void rollback() {
        if (!explicitBlock) {
            notice("WARNING", "25P01", "there is no transaction in progress");
            return;
        }
        StorageTransaction t = transaction;
        try {
            if (t != null) {
                t.rollback();
            }
        } finally {
            metrics.rolledBack(transactionNanos());
            endBlock();
        }
    }

    private void endBlock() {
        releaseTableLocks();
        transaction = null;
        explicitBlock = false;
        failed = false;
        readOnly = sessionReadOnly;
        isolation.ended();
        state.transactionEnded();
        settings.endTransaction().forEach(this::parameterChanged);
    }

    @Override
    public void setTransactionModes(TransactionModes modes, boolean sessionCharacteristics) {
        if (sessionCharacteristics) {
            if (modes.isolationLevel() != null) {
                settings.set("default_transaction_isolation", modes.isolationLevel().sqlName(), false);
            }
            if (modes.accessMode() != null) {
                sessionReadOnly = modes.accessMode() == AccessMode.READ_ONLY;
            }
            if (!explicitBlock) {
                readOnly = sessionReadOnly;
            }
            return;
        }
        if (!explicitBlock) {
            notice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks");
            return;
        }
        isolation.set(modes.isolationLevel());
        applyModes(modes);
    }

    private void applyModes(TransactionModes modes) {
        readOnly = modes.accessMode() == null ? sessionReadOnly : modes.accessMode() == AccessMode.READ_ONLY;
    }

    @Override
    public boolean inTransactionBlock() {
        return explicitBlock;
    }

    @Override
    public SessionSettings settings() {
        return settings;
    }

    @Override
    public void parameterChanged(String name) {
        if (name.equals("application_name")) {
            state.applicationName(settings.applicationName());
        }
        listener.parameterStatus(name, settings.get(name));
    }

    @Override
    public io.rustydb.sql.sequence.SessionSequences sequences() {
        return sequences;
    }

    @Override
    public void notice(String severity, String sqlState, String message) {
        listener.notice(severity, sqlState, message);
    }
}
