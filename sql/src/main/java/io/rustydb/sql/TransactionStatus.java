package io.rustydb.sql;

/** Transaction status as ReadyForQuery reports it. */
public enum TransactionStatus {
    IDLE('I'),
    IN_TRANSACTION('T'),
    FAILED('E');

    private final char indicator;

    TransactionStatus(char indicator) {
        this.indicator = indicator;
    }

    /** The byte ReadyForQuery carries. */
    public char indicator() {
        return indicator;
    }
}
