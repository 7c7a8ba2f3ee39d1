package io.rustydb.sql.session;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.persistence.Isolation;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.parser.tx.IsolationLevel;

/**
 * The isolation level of a session's current transaction: the one BEGIN or SET TRANSACTION asked
 * for, else default_transaction_isolation. It is fixed when the transaction's first statement
 * takes its snapshot; SET TRANSACTION ISOLATION LEVEL after that fails with 25001, as in PostgreSQL.
 * The level of the open transaction is published in the session's {@link SessionState}.
 */
final class TransactionIsolation {
    private final SessionSettings settings;
    private final SessionState state;
    private IsolationLevel requested;
    private boolean fixed;

    TransactionIsolation(SessionSettings settings, SessionState state) {
        this.settings = settings;
        this.state = state;
    }

    /** BEGIN [ISOLATION LEVEL ...]: {@code level} is null when BEGIN named none. */
    void blockStarted(IsolationLevel level) {
        requested = level;
        fixed = false;
        settings.transactionIsolation(level());
        publish();
    }

    /** SET TRANSACTION ISOLATION LEVEL inside a block. */
    void set(IsolationLevel level) {
        if (level == null) {
            return;
        }
        if (fixed) {
            throw new RustyDbException(ErrorCode.TRANSACTION_MODE_TOO_LATE, "SET TRANSACTION ISOLATION LEVEL");
        }
        requested = level;
        settings.transactionIsolation(level());
        publish();
    }

    /** Before each statement that reads or writes data: the first one fixes the transaction's level. */
    void statementStarting(StorageTransaction transaction) {
        if (!fixed) {
            transaction.isolation(storageLevel(level()));
            fixed = true;
            publish();
        }
    }

    /** The transaction (block or implicit) ended. */
    void ended() {
        requested = null;
        fixed = false;
        settings.transactionIsolation(null);
        state.transactionIsolation(null);
    }

    /** Publishes the level as observers show it: {@code SERIALIZABLE}, {@code READ COMMITTED}, ... */
    private void publish() {
        state.transactionIsolation(level().name().replace('_', ' '));
    }

    IsolationLevel level() {
        return requested != null ? requested : settings.defaultIsolation();
    }

    private static Isolation storageLevel(IsolationLevel level) {
        switch (level) {
            case REPEATABLE_READ:
                return Isolation.REPEATABLE_READ;
            case SERIALIZABLE:
                return Isolation.SERIALIZABLE;
            default:
                return Isolation.READ_COMMITTED;
        }
    }
}
