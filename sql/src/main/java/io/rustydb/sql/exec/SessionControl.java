package io.rustydb.sql.exec;

import io.rustydb.sql.parser.tx.TransactionModes;
import io.rustydb.sql.session.SessionSettings;

/** What session-level statements (transaction control, SET, SHOW) may do to their session. */
public interface SessionControl {

    /** The session's id (the protocol's process id), the owner of its table locks. */
    int sessionId();

    /** BEGIN / START TRANSACTION. */
    void begin(TransactionModes modes);

    /** COMMIT: returns the command tag, ROLLBACK when the transaction had failed. */
    String commit();

    /** ROLLBACK. */
    void rollback();

    /** SET TRANSACTION (current transaction) or SET SESSION CHARACTERISTICS AS TRANSACTION. */
    void setTransactionModes(TransactionModes modes, boolean sessionCharacteristics);

    /** True inside an explicit transaction block. */
    boolean inTransactionBlock();

    SessionSettings settings();

    /** The user the session authenticated as. */
    String userName();

    /** The database the client connected to. */
    String databaseName();

    /** Tells the client a reported parameter changed. */
    void parameterChanged(String name);

    void notice(String severity, String sqlState, String message);

    /** What the session publishes for observers (its waits among them). */
    io.rustydb.common.session.SessionState state();

    /** The session's sequence state (currval, lastval). */
    io.rustydb.sql.sequence.SessionSequences sequences();
}
