package io.rustydb.sql.session;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.Isolation;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.parser.tx.IsolationLevel;

/**
 * The isolation level of a session's current transaction: the one BEGIN or SET TRANSACTION asked
 * for, else default_transaction_isolation. It is fixed when the transaction's first statement
 * takes its snapshot; SET TRANSACTION ISOLATION LEVEL after that fails with 25001, as in PostgreSQL.
 */
final class TransactionIsolation {
    private final SessionSettings settings;
    private IsolationLevel requested;
    private boolean fixed;

    TransactionIsolation(SessionSettings settings) {
        this.settings = settings;
    }

    /** BEGIN [ISOLATION LEVEL ...]: {@code level} is null when BEGIN named none. */
    void blockStarted(IsolationLevel level) {
        requested = level;
        fixed = false;
        settings.transactionIsolation(level());
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
    }

    /** Before each statement that reads or writes data: the first one fixes the transaction's level. */
    void statementStarting(StorageTransaction transaction) {
        if (!fixed) {
            transaction.isolation(storageLevel(level()));
            fixed = true;
        }
    }

    /** The transaction (block or implicit) ended. */
    void ended() {
        requested = null;
        fixed = false;
        settings.transactionIsolation(null);
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
