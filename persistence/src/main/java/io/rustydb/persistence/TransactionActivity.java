package io.rustydb.persistence;

import java.util.List;

/**
 * What an open storage transaction is doing, read from another thread for monitoring
 * ({@code v$session}'s blocking session, the long-running transactions of
 * {@code /api/v1/stats/transactions}).
 *
 * @param id RocksDB's id of the transaction, unique while the storage is open
 * @param owner the session that began it ({@link StorageEngine#begin(int)}), 0 for the engine's own
 *     transactions (catalog, bulk work)
 * @param startMillis wall-clock time the transaction began
 * @param locksHeld the row locks it held when its owner last counted them
 *     ({@link StorageTransaction#countLocks()}), -1 if never counted
 * @param waitingFor ids of the transactions holding the row lock it is waiting for; empty when it
 *     is not waiting
 * @param waitMillis how long it has been waiting for that lock (the time since the waiting call
 *     began); 0 when it is not waiting
 */
public record TransactionActivity(long id, int owner, long startMillis, long locksHeld, List<Long> waitingFor,
        long waitMillis) {

    public TransactionActivity {
        waitingFor = List.copyOf(waitingFor);
    }

    /** True while the transaction waits for a row lock held by another one. */
    public boolean waiting() {
        return !waitingFor.isEmpty();
    }
}
