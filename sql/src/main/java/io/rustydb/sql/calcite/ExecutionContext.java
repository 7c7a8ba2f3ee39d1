package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.StorageTransaction;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} one execution of a compiled query runs in: the session's transaction,
 * the parameter values, the statement's clock and the cancellation flag.
 */
public final class ExecutionContext implements DataContext {
    /** {@link #get} key of the session's user name. */
    public static final String USER = "user";
    /** {@link #get} key of the database the session connected to. */
    public static final String DATABASE = "rustydb.database";
    /** {@link #get} key of the session running the statement ({@code io.rustydb.sql.exec.SessionControl}). */
    public static final String SESSION = "rustydb.session";
    /** {@link #get} key of the engine's {@code io.rustydb.sql.admin.Administration}. */
    public static final String ADMINISTRATION = "rustydb.administration";

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final StorageTransaction transaction;
    private final Object[] parameters;
    private final AtomicBoolean cancelFlag;
    private final long statementTimeMillis;
    private final TimeZone timeZone;
    private final long deadlineMillis;
    private final String user;
    private final String database;
    private java.util.Map<String, Object> stashed;
    private Object sequences;
    private Object session;
    private Object administration;

    public ExecutionContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, StorageTransaction transaction,
            Object[] parameters, AtomicBoolean cancelFlag, long statementTimeMillis, TimeZone timeZone,
            long deadlineMillis, String user, String database) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.transaction = transaction;
        this.parameters = parameters;
        this.cancelFlag = cancelFlag;
        this.statementTimeMillis = statementTimeMillis;
        this.timeZone = timeZone;
        this.deadlineMillis = deadlineMillis;
        this.user = user;
        this.database = database;
    }

    /** This context also answering the values a compiled plan stashed (its non-literal constants). */
    public ExecutionContext withStashed(java.util.Map<String, Object> values) {
        ExecutionContext copy = new ExecutionContext(rootSchema, typeFactory, transaction, parameters, cancelFlag,
                statementTimeMillis, timeZone, deadlineMillis, user, database);
        copy.stashed = values;
        copy.sequences = sequences;
        copy.session = session;
        copy.administration = administration;
        return copy;
    }

    /** Makes the running session and the engine's administration available to pg_cancel_backend & co. */
    public ExecutionContext withSession(Object runningSession, Object engineAdministration) {
        this.session = runningSession;
        this.administration = engineAdministration;
        return this;
    }

    /** Makes the session's sequence state available to nextval/currval/setval/lastval. */
    public ExecutionContext withSequences(Object sessionSequences) {
        this.sequences = sessionSequences;
        return this;
    }

    public StorageTransaction transaction() {
        return transaction;
    }

    /** Throws 57014 if the statement was cancelled or ran past statement_timeout. */
    public void checkCancelled() {
        if (cancelFlag.get()) {
            throw new RustyDbException(ErrorCode.QUERY_CANCELED);
        }
        if (deadlineMillis > 0 && System.currentTimeMillis() > deadlineMillis) {
            throw new RustyDbException(ErrorCode.STATEMENT_TIMEOUT);
        }
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (stashed != null && stashed.containsKey(name)) {
            return stashed.get(name);
        }
        if (name.startsWith("?")) {
            return parameters[Integer.parseInt(name.substring(1))];
        }
        long local = statementTimeMillis + timeZone.getOffset(statementTimeMillis);
        return switch (name) {
            case "cancelFlag" -> cancelFlag;
            case io.rustydb.sql.sequence.SequenceFunctions.CONTEXT_KEY -> sequences;
            case "utcTimestamp" -> statementTimeMillis;
            case "currentTimestamp", "localTimestamp" -> local;
            case "timeZone" -> timeZone;
            case "locale" -> Locale.ROOT;
            case USER -> user;
            case DATABASE -> database;
            case SESSION -> session;
            case ADMINISTRATION -> administration;
            default -> null;
        };
    }
}
