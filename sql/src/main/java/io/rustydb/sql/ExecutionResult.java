package io.rustydb.sql;

/**
 * How an execution ended: the PostgreSQL command tag ({@code SELECT 3}, {@code INSERT 0 2},
 * {@code CREATE TABLE}, ...) or, when suspended, that more rows remain in the portal.
 */
public record ExecutionResult(String commandTag, boolean suspended) {

    public static ExecutionResult completed(String commandTag) {
        return new ExecutionResult(commandTag, false);
    }

    public static ExecutionResult suspendedResult() {
        return new ExecutionResult(null, true);
    }
}
