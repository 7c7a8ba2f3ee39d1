package io.rustydb.monitoring.statements;

/**
 * Time a profiled execution spent waiting for one kind of thing, as measured (see
 * docs/monitoring.md for what each event covers).
 *
 * @param event {@code TABLE_LOCK}, {@code ROW_LOCK}, {@code IO_READ} or {@code COMMIT}
 * @param waitTimeMs total time of the waits
 * @param waitCount how many waits there were
 */
public record WaitEvent(String event, double waitTimeMs, long waitCount) {
}
