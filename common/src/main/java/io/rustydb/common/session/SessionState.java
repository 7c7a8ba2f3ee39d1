package io.rustydb.common.session;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The state one session publishes for observers (v$session, the ASH sampler). The session's own
 * thread is the only writer; readers on other threads see each field through {@code volatile}
 * without messaging the session. Identity fields are fixed at login.
 */
public final class SessionState {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** Whether statements measure their thread's CPU time (ASH's capture_resource_usage). */
    private static volatile boolean measureCpu = THREADS.isCurrentThreadCpuTimeSupported();
    private final int sessionId;
    private final String user;
    private final String database;
    private final String clientAddress;
    private final Instant loginTime;

    private volatile String applicationName = "";
    private volatile SessionStatus status = SessionStatus.IDLE;
    private volatile String sqlText;
    private volatile String sqlId;
    /** Wall-clock millis when the current (or last) statement started, 0 before the first. */
    private volatile long statementStartMillis;
    /** Wall-clock millis when the current transaction started, 0 outside a transaction. */
    private volatile long transactionStartMillis;
    /** Wall-clock millis of the last status change. */
    private volatile long stateChangeMillis;
    /** Statements started so far: the running statement's execution number (Oracle's sql_exec_id). */
    private volatile long statementCount;
    /** Hash of the running statement's plan, 0 if it has none (e.g. a utility statement). */
    private volatile long planHash;
    /** The wait in progress, null while on CPU or idle between statements. */
    private volatile Wait wait;
    /** The storage object (table or index id) the running statement last read or wrote, 0 if none (yet). */
    private volatile int currentObject;
    private volatile String currentTablespace;
    /** Cumulative CPU and DB (elapsed while active) time of this session's statements, nanoseconds. */
    private volatile long cpuNanos;
    private volatile long dbNanos;
    /** When the running statement started: nanoTime, and the thread's CPU time (-1 if not measured). */
    private long statementNanos;
    private long statementCpuNanos = -1;
    private final AtomicLongArray waitCounts = new AtomicLongArray(WaitEvent.values().length);
    private final AtomicLongArray waitNanos = new AtomicLongArray(WaitEvent.values().length);
    private final AtomicLongArray waitMaxNanos = new AtomicLongArray(WaitEvent.values().length);
    private final WaitTotals totals;

    /**
     * A wait in progress: its event, when it began ({@link System#nanoTime()} and wall clock), the
     * session holding what it waits for, and the object it waits on (by name, or by storage object
     * id when only the storage layer knows it, 0 if none).
     *
     * @param blockingSession the blocking session if known when the wait began, else 0
     * @param blocker finds the blocking session while the wait lasts (0 if none or gone); may be null
     */
    public record Wait(WaitEvent event, long startNanos, long startMillis, int blockingSession,
            java.util.function.IntSupplier blocker, String object, int objectId) {

        /** The session holding what this wait is for, 0 if unknown or none. */
        public int blockingSessionNow() {
            if (blockingSession != 0 || blocker == null) {
                return blockingSession;
            }
            return blocker.getAsInt();
        }
    }
    /** Isolation level of the current transaction (SQL name), null outside a transaction. */
    private volatile String transactionIsolation;

    public SessionState(int sessionId, String user, String database, String clientAddress, Instant loginTime) {
        this(sessionId, user, database, clientAddress, loginTime, new WaitTotals());
    }

    /** A session whose finished waits also count in the node's {@code totals}. */
    public SessionState(int sessionId, String user, String database, String clientAddress, Instant loginTime,
            WaitTotals totals) {
        this.totals = totals;
        this.sessionId = sessionId;
        this.user = user;
        this.database = database;
        this.clientAddress = clientAddress;
        this.loginTime = loginTime;
        this.stateChangeMillis = loginTime.toEpochMilli();
    }

    public int sessionId() {
        return sessionId;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant loginTime() {
        return loginTime;
    }

    public String applicationName() {
        return applicationName;
    }

    public void applicationName(String name) {
        this.applicationName = name == null ? "" : name;
    }

    public SessionStatus status() {
        return status;
    }

    public String sqlText() {
        return sqlText;
    }

    public String sqlId() {
        return sqlId;
    }

    public long statementStartMillis() {
        return statementStartMillis;
    }

    public long transactionStartMillis() {
        return transactionStartMillis;
    }

    public long stateChangeMillis() {
        return stateChangeMillis;
    }

    /** The SQL name of the current transaction's isolation level, null outside a transaction. */
    public String transactionIsolation() {
        return transactionIsolation;
    }

    public void transactionIsolation(String level) {
        this.transactionIsolation = level;
    }

    /** Marks the start of a statement: the session becomes ACTIVE on it. */
    public void statementStarted(String text, String id) {
        long now = System.currentTimeMillis();
        this.sqlText = text;
        this.sqlId = id;
        this.planHash = 0;
        this.statementCount = statementCount + 1;
        this.statementNanos = System.nanoTime();
        this.statementCpuNanos = measureCpu ? THREADS.getCurrentThreadCpuTime() : -1;
        this.statementStartMillis = now;
        this.stateChangeMillis = now;
        this.currentObject = 0;
        this.currentTablespace = null;
        this.status = SessionStatus.ACTIVE;
    }

    /** Records the session's state once it waits for the client again. */
    public void becameIdle(SessionStatus idleStatus) {
        if (idleStatus == SessionStatus.ACTIVE) {
            throw new IllegalArgumentException("not an idle status: " + idleStatus);
        }
        if (status == SessionStatus.ACTIVE) {
            // the statement ran on this thread from statementStarted to here
            long cpu = statementCpuNanos >= 0 ? THREADS.getCurrentThreadCpuTime() - statementCpuNanos : 0;
            addStatementTime(cpu, System.nanoTime() - statementNanos);
        }
        this.stateChangeMillis = System.currentTimeMillis();
        this.currentObject = 0;
        this.currentTablespace = null;
        this.status = idleStatus;
    }

    public void transactionStarted() {
        this.transactionStartMillis = System.currentTimeMillis();
    }

    public void transactionEnded() {
        this.transactionStartMillis = 0;
    }

    /** The running (or last) statement's execution number within this session. */
    public long statementCount() {
        return statementCount;
    }

    public long planHash() {
        return planHash;
    }

    /** Records the hash of the running statement's plan. */
    public void planHash(long hash) {
        this.planHash = hash;
    }

    /** The wait in progress, or null. */
    public Wait currentWait() {
        return wait;
    }

    /**
     * Marks the start of a wait on {@code event}; the session's thread calls {@link #endWait} right
     * after the blocking call returns (in a finally block).
     */
    public void beginWait(WaitEvent event, int blockingSession, String object) {
        this.wait = new Wait(event, System.nanoTime(), System.currentTimeMillis(), blockingSession, null, object, 0);
    }

    /**
     * Marks the start of a wait on storage object {@code objectId} (0 if none) whose blocker, if
     * any, {@code blocker} finds on demand.
     */
    public void beginWait(WaitEvent event, java.util.function.IntSupplier blocker, int objectId) {
        this.wait = new Wait(event, System.nanoTime(), System.currentTimeMillis(), 0, blocker, null, objectId);
    }

    /** Ends the wait in progress, adding it to this session's and the node's totals. */
    public void endWait(boolean timedOut) {
        Wait w = wait;
        if (w == null) {
            return;
        }
        wait = null;
        long waited = Math.max(0, System.nanoTime() - w.startNanos());
        int i = w.event().ordinal();
        waitCounts.lazySet(i, waitCounts.get(i) + 1);
        waitNanos.lazySet(i, waitNanos.get(i) + waited);
        if (waited > waitMaxNanos.get(i)) {
            waitMaxNanos.lazySet(i, waited);
        }
        totals.add(w.event(), waited, timedOut);
        if (w.event().waitClass() == WaitClass.USER_IO) {
            ThreadWaits.current().userIoNanos += waited;
        }
    }

    public void endWait() {
        endWait(false);
    }

    /** How many waits on {@code event} this session finished. */
    public long waitCount(WaitEvent event) {
        return waitCounts.get(event.ordinal());
    }

    /** The total time this session waited on {@code event}, nanoseconds. */
    public long waitNanos(WaitEvent event) {
        return waitNanos.get(event.ordinal());
    }

    /** The longest finished wait of this session on {@code event}, nanoseconds. */
    public long maxWaitNanos(WaitEvent event) {
        return waitMaxNanos.get(event.ordinal());
    }

    /** The storage object (table or index id) the running statement works on now, and its tablespace. */
    public void currentObject(int objectId, String tablespace) {
        if (objectId != currentObject) {
            this.currentObject = objectId;
        }
        if (tablespace != currentTablespace) {
            this.currentTablespace = tablespace;
        }
    }

    public int currentObject() {
        return currentObject;
    }

    public String currentTablespace() {
        return currentTablespace;
    }

    /** Whether sessions measure the CPU time of their statements. */
    public static boolean measuresCpu() {
        return measureCpu;
    }

    /** Whether sessions measure the CPU time of their statements (a system call per statement start and end). */
    public static void measureCpu(boolean on) {
        measureCpu = on && THREADS.isCurrentThreadCpuTimeSupported();
    }

    /** Whether statements' CPU time is being measured now (see {@link #measureCpu(boolean)}). */
    public static boolean cpuMeasured() {
        return measureCpu;
    }

    /** Adds a finished statement's CPU and elapsed time. */
    private void addStatementTime(long cpu, long elapsed) {
        this.cpuNanos = cpuNanos + Math.max(0, cpu);
        this.dbNanos = dbNanos + Math.max(0, elapsed);
    }

    /** Cumulative CPU time of this session's finished statements, nanoseconds. */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** Cumulative DB time (elapsed while active) of this session's finished statements, nanoseconds. */
    public long dbNanos() {
        return dbNanos;
    }
}
