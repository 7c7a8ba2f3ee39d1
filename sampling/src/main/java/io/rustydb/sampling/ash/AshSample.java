package io.rustydb.sampling.ash;

import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;

/**
 * One sampled session at one tick: who it was, what it ran and what it was doing. {@code weightMillis}
 * is the time since the previous tick, the DB time this sample stands for; reports sum weights,
 * so a runtime change of the interval keeps percentages shares of DB time.
 *
 * @param sessionState {@code ON CPU}, {@code WAITING}, or {@code BLOCKED} (waiting on a lock whose
 *     holder is known)
 * @param waitClass {@code CPU} on CPU, else the class of the wait in progress
 * @param waitEvent the wait in progress, null on CPU or when wait events are not captured
 * @param waitId identifies the wait in progress within its session (its start, nanoTime), 0 on CPU
 * @param timeWaitedMicros how long the wait in progress had lasted when sampled, 0 on CPU
 * @param blockingSession the session holding what it waits for, 0 if none
 * @param sqlExecId the session's statement counter: samples of one execution share it
 * @param cpuNanos the session's cumulative CPU time at the sample (-1 when not captured)
 * @param dbNanos the session's cumulative DB time at the sample (-1 when not captured)
 */
public record AshSample(long sampleId, long sampleTimeMillis, long weightMillis, int sessionId, long sessionSerial,
        String user, String program, String clientAddress, long loginTimeMillis, String sqlId, String sqlText,
        long sqlExecId, long planHash, String sessionState, WaitClass waitClass, WaitEvent waitEvent,
        long waitId, long timeWaitedMicros, int blockingSession, String currentObject, String tablespace, long cpuNanos,
        long dbNanos) {
    public static final String ON_CPU = "ON CPU";
    public static final String WAITING = "WAITING";
    public static final String BLOCKED = "BLOCKED";

    public boolean onCpu() {
        return waitClass == WaitClass.CPU;
    }
}
