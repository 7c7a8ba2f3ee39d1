package io.rustydb.sql.session;

import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.Execution;
import java.util.List;
import java.util.function.Consumer;

/** A prepared query bound to values; holds the open execution while suspended. */
final class DefaultPortal implements Portal {
    private final DefaultPreparedQuery query;
    private final List<Object> parameters;
    private final Consumer<DefaultPortal> onClose;
    private Execution execution;
    /** System.nanoTime() when its execution started (for the statement's duration). */
    private long startedNanos;
    /** What its execution measures for the statement statistics. */
    private final io.rustydb.sql.stats.StatementExecution measure = new io.rustydb.sql.stats.StatementExecution();

    DefaultPortal(DefaultPreparedQuery query, List<Object> parameters, Consumer<DefaultPortal> onClose) {
        this.query = query;
        this.parameters = parameters;
        this.onClose = onClose;
    }

    @Override
    public PreparedQuery query() {
        return query;
    }

    DefaultPreparedQuery prepared() {
        return query;
    }

    List<Object> parameters() {
        return parameters;
    }

    Execution execution() {
        return execution;
    }

    void suspend(Execution open) {
        this.execution = open;
    }

    io.rustydb.sql.stats.StatementExecution measure() {
        return measure;
    }

    long startedNanos() {
        return startedNanos;
    }

    void started(long nanos) {
        this.startedNanos = nanos;
    }

    @Override
    public List<ResultColumn> resultColumns() {
        return query.resultColumns();
    }

    /** Closes a suspended execution; its implicit transaction, if any, ends with it. */
    @Override
    public void close() {
        if (execution != null) {
            Execution open = execution;
            execution = null;
            open.close();
            onClose.accept(this);
        }
    }
}
