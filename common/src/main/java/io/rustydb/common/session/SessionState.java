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
    private static final boolean CPU_SUPPORTED = THREADS.isThreadCpuTimeSupported();
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
    /** Cumulative DB time (elapsed while active) of this session's finished statements, nanoseconds. */
    private volatile long dbNanos;
    /** When the running statement started (nanoTime). */
    private volatile long statementNanos;
    /**
     * The session's CPU time is its connection thread's (a connection runs on one thread for its
     * whole life): that thread's id, -1 until the first statement binds it, and the thread's CPU
     * time then; once the connection ended, the final figure ({@link #connectionEnded}).
     */
    private volatile long cpuThreadId = -1;
    private volatile long cpuBaseNanos;
    private volatile long cpuFinalNanos = -1;
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
        if (cpuThreadId == -1 && CPU_SUPPORTED) {
            // once per session: later CPU time is read from this thread when asked, never per statement
            cpuBaseNanos = THREADS.getCurrentThreadCpuTime();
            cpuThreadId = Thread.currentThread().getId();
        }
        this.statementNanos = System.nanoTime();
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
            this.dbNanos = dbNanos + Math.max(0, System.nanoTime() - statementNanos);
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

    /**
     * The session's CPU time since its first statement, nanoseconds: its connection thread's CPU
     * clock (statements, and the protocol work around them), read now; 0 before the first
     * statement, -1 where the JVM cannot tell. Costs one clock read of another thread, on demand.
     */
    public long cpuNanos() {
        long ended = cpuFinalNanos;
        if (ended >= 0) {
            return ended;
        }
        long thread = cpuThreadId;
        if (thread == -1) {
            return CPU_SUPPORTED ? 0 : -1;
        }
        long now = thread == Thread.currentThread().getId() ? THREADS.getCurrentThreadCpuTime()
                : THREADS.getThreadCpuTime(thread);
        return now < 0 ? -1 : Math.max(0, now - cpuBaseNanos);
    }

    /**
     * Called on the connection's thread as the connection ends, before the thread may serve
     * another connection: the session's CPU time is final.
     */
    public void connectionEnded() {
        if (cpuFinalNanos < 0 && cpuThreadId == Thread.currentThread().getId()) {
            cpuFinalNanos = Math.max(0, THREADS.getCurrentThreadCpuTime() - cpuBaseNanos);
        } else if (cpuFinalNanos < 0) {
            cpuFinalNanos = Math.max(0, cpuNanos());
        }
    }

    /**
     * The session's DB time, nanoseconds: the elapsed time of its finished statements and of the
     * running one so far.
     */
    public long dbNanos() {
        long finished = dbNanos;
        if (status == SessionStatus.ACTIVE) {
            return finished + Math.max(0, System.nanoTime() - statementNanos);
        }
        return finished;
    }
}
