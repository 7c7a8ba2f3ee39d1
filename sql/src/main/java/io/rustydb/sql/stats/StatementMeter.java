package io.rustydb.sql.stats;

import io.rustydb.common.session.ThreadWaits;
import io.rustydb.monitoring.statements.ExecutionSample;
import io.rustydb.persistence.ThreadIo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A session's meter: around each call that runs part of a statement on the session's thread, it
 * takes the thread's counters ({@link ThreadCounters}, RocksDB's PerfContext) before and adds the
 * differences to the execution's {@link ExecutionSample} after, with the thread's User I/O wait
 * time and, with {@code rustydb.monitoring.sql_cpu_time} on (and always for a profiled execution),
 * its CPU time. The CPU clock is read once per call, at its end: a call's CPU time is the thread's
 * since the previous call's end on the same thread (the protocol work and planning that led to
 * the call included), or since its own start when it is the first. For a profiled
 * execution it also turns on RocksDB's timing for the thread. One call at a time;
 * not thread-safe (a session runs one statement call at a time).
 */
public final class StatementMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();

    private final ThreadIo io;
    private final long[] before = new long[ThreadIo.SIZE];
    private final long[] after = new long[ThreadIo.SIZE];
    private ThreadCounters counters;
    private long rows;
    private long lockNanos;
    private long lockWaits;
    private long cpu;
    /** The thread whose CPU clock {@link #cpu} was read on (a reading is valid only there). */
    private Thread cpuThread;
    private long ioWait;
    private ThreadWaits waits;
    private boolean active;
    private boolean profiling;

    private final boolean cpuTime;
    /** Whether this call's CPU time is measured. */
    private boolean timingCpu;

    /**
     * @param io the storage's per-thread counters, or null to leave block reads unmeasured
     * @param cpuTime whether every call's CPU time is measured (else only profiled executions')
     */
    StatementMeter(ThreadIo io, boolean cpuTime) {
        this.io = io;
        this.cpuTime = cpuTime;
    }

    /** Before a call: snapshots the thread's counters. */
    public void enter(boolean profiled) {
        counters = ThreadCounters.current();
        rows = counters.rowsExamined;
        lockNanos = counters.tableLockWaitNanos;
        lockWaits = counters.tableLockWaits;
        profiling = profiled;
        if (io != null) {
            if (profiled) {
                io.timing(true);
                io.readAll(before);
            } else {
                io.read(before);
            }
        }
        timingCpu = CPU_CLOCK && (cpuTime || profiled);
        if (timingCpu && (!cpuTime || cpuThread != Thread.currentThread())) {
            // the first call on this thread, or a profiled one without continuous timing: from here
            cpu = THREADS.getCurrentThreadCpuTime();
            cpuThread = Thread.currentThread();
        }
        waits = ThreadWaits.current();
        ioWait = waits.userIoNanos;
        active = true;
    }

    /** After the call: adds what the thread did since {@link #enter} to {@code sample}; no-op if not entered. */
    public void exit(ExecutionSample sample) {
        if (!active) {
            return;
        }
        active = false;
        sample.rowsExamined += counters.rowsExamined - rows;
        sample.lockWaitNanos += counters.tableLockWaitNanos - lockNanos;
        sample.lockWaits += counters.tableLockWaits - lockWaits;
        sample.ioWaitNanos += waits.userIoNanos - ioWait;
        if (timingCpu && cpuThread == Thread.currentThread()) {
            long now = THREADS.getCurrentThreadCpuTime();
            sample.cpuNanos = Math.max(0, sample.cpuNanos) + Math.max(0, now - cpu);
            cpu = now; // the next call counts from here
        }
        if (io == null) {
            return;
        }
        if (profiling) {
            io.readAll(after);
            io.timing(false);
            sample.ioReadNanos = Math.max(0, sample.ioReadNanos) + after[ThreadIo.READ_NANOS] - before[ThreadIo.READ_NANOS];
            sample.rowLockWaitNanos = Math.max(0, sample.rowLockWaitNanos)
                    + after[ThreadIo.ROW_LOCK_WAIT_NANOS] - before[ThreadIo.ROW_LOCK_WAIT_NANOS];
            sample.rowLockWaits = Math.max(0, sample.rowLockWaits)
                    + after[ThreadIo.ROW_LOCK_WAITS] - before[ThreadIo.ROW_LOCK_WAITS];
        } else {
            io.read(after);
        }
        sample.cacheHits += after[ThreadIo.CACHE_HITS] - before[ThreadIo.CACHE_HITS];
        sample.blockReads += after[ThreadIo.BLOCK_READS] - before[ThreadIo.BLOCK_READS];
        sample.bytesRead += after[ThreadIo.BYTES_READ] - before[ThreadIo.BYTES_READ];
    }
}
