package io.rustydb.actors;

import io.rustydb.common.session.SessionState;
import io.rustydb.sql.admin.LockWaits;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's sessions: admission against {@code max_connections}, the state each session
 * publishes, the cancel keys of CancelRequest, and the administrator's termination of a session
 * (which the session's transport carries out). A connection beyond {@code max_connections}
 * waits in a first-come first-served queue for up to the admission timeout and is then refused
 * (53300, as PostgreSQL refuses at once); a slot that frees up goes to the longest waiter.
 * Thread-safe; readers of the published states take no lock, so a sampler can read every
 * session's state without messaging.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    /** A slot granted to a connection: its session id (the protocol's process id) and secret key. */
    public record Admission(int sessionId, int secretKey) {
    }

    /** What the registry holds for an open session. */
    public record Entry(Admission admission, SessionState state, Runnable canceller) {
    }

    /** A connection waiting for a slot; {@code granted} is set by the release that hands it one. */
    private static final class Waiter {
        boolean granted;
    }

    private final int maxConnections;
    private final Duration admissionTimeout;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    /** Guards {@link #admitted} and {@link #waiters}. */
    private final Object lock = new Object();
    private int admitted;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final AtomicLong admittedTotal = new AtomicLong();
    private final AtomicLong refusedTotal = new AtomicLong();
    private final Set<Integer> admittedIds = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
    /** How each admitted connection's transport ends it on an administrator's request. */
    private final Map<Integer, Runnable> terminators = new ConcurrentHashMap<>();
    /** Completed when the admitted session has ended and freed its slot. */
    private final Map<Integer, CompletableFuture<Void>> endings = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Every session's finished waits, kept after the session ends ({@code v$system_wait_events}). */
    private final io.rustydb.common.session.WaitTotals waitTotals = new io.rustydb.common.session.WaitTotals();
    /** Who waits for whose locks; none until the SQL engine is plugged in. */
    private volatile LockWaits lockWaits;
    private volatile java.util.function.IntFunction<String> objectNames;

    /** A registry that refuses a connection beyond {@code maxConnections} at once. */
    public SessionRegistry(int maxConnections) {
        this(maxConnections, Duration.ZERO);
    }

    /**
     * @param admissionTimeout how long a connection beyond {@code maxConnections} waits for a
     *     slot before it is refused; zero refuses at once
     */
    public SessionRegistry(int maxConnections, Duration admissionTimeout) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1");
        }
        if (admissionTimeout == null || admissionTimeout.isNegative()) {
            throw new IllegalArgumentException("admission_timeout must be zero or positive");
        }
        this.maxConnections = maxConnections;
        this.admissionTimeout = admissionTimeout;
    }

    /** The node's cumulative waits, which every session's {@link SessionState} adds to. */
    public io.rustydb.common.session.WaitTotals waitTotals() {
        return waitTotals;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public Duration admissionTimeout() {
        return admissionTimeout;
    }

    /** {@link #admit(BooleanSupplier)} for a connection that is never abandoned. */
    public Optional<Admission> admit() {
        return admit(() -> false);
    }

    /**
     * Reserves a slot for a new connection, waiting behind earlier waiters for up to the admission
     * timeout when {@code max_connections} are in use; empty when none came free in time (counted
     * in {@link #refusedTotal()}) or when {@code abandoned} turned true while waiting (checked
     * whenever {@link #wakeWaiters()} is called; not counted). Blocks the calling thread.
     */
    public Optional<Admission> admit(BooleanSupplier abandoned) {
        synchronized (lock) {
            if (admitted < maxConnections && waiters.isEmpty()) {
                admitted++;
                return Optional.of(grant());
            }
            if (admissionTimeout.isZero()) {
                refusedTotal.incrementAndGet();
                return Optional.empty();
            }
            Waiter waiter = new Waiter();
            waiters.addLast(waiter);
            long deadline = System.nanoTime() + admissionTimeout.toNanos();
            try {
                while (!waiter.granted && !abandoned.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!waiter.granted) {
                    waiters.remove(waiter);
                }
            }
            if (waiter.granted) {
                return Optional.of(grant());
            }
            if (!abandoned.getAsBoolean()) {
                refusedTotal.incrementAndGet();
            }
            return Optional.empty();
        }
    }

    private Admission grant() {
        Admission admission = new Admission(nextId.getAndIncrement(), random.nextInt());
        endings.put(admission.sessionId(), new CompletableFuture<>());
        admittedIds.add(admission.sessionId());
        admittedTotal.incrementAndGet();
        return admission;
    }

    /** Makes every waiting connection check whether it was abandoned (a server stop closes them). */
    public void wakeWaiters() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Publishes an admitted session's state and how to cancel its running statement. */
    public void register(Admission admission, SessionState state, Runnable canceller) {
        entries.put(admission.sessionId(), new Entry(admission, state, canceller));
    }

    /**
     * Sets how the transport of an admitted connection ends it when an administrator terminates
     * the session (pgwire: cancel the running statement, send FATAL 57P01, close the socket, which
     * closes the session and rolls back its transaction).
     */
    public void onTerminate(Admission admission, Runnable terminator) {
        if (admittedIds.contains(admission.sessionId())) {
            terminators.put(admission.sessionId(), terminator);
        }
    }

    /**
     * Frees the slot of a session that ended (or never finished its startup), handing it to the
     * longest-waiting connection if any; idempotent.
     */
    public void release(Admission admission) {
        entries.remove(admission.sessionId());
        terminators.remove(admission.sessionId());
        if (admittedIds.remove(admission.sessionId())) {
            synchronized (lock) {
                Waiter next = waiters.pollFirst();
                if (next != null) {
                    next.granted = true;
                    lock.notifyAll();
                } else {
                    admitted--;
                }
            }
        }
        CompletableFuture<Void> ending = endings.remove(admission.sessionId());
        if (ending != null) {
            ending.complete(null);
        }
    }

    /**
     * Ends an open session's connection as an administrator command. The stage completes once the
     * session has ended: its transaction rolled back and its slot freed. Empty if no open session
     * has this id (including connections still in their startup).
     */
    public Optional<CompletionStage<Void>> terminate(int sessionId) {
        Entry entry = entries.get(sessionId);
        CompletableFuture<Void> ending = endings.get(sessionId);
        if (entry == null || ending == null) {
            return Optional.empty();
        }
        Runnable terminator = terminators.get(sessionId);
        if (terminator == null) {
            throw new IllegalStateException("session " + sessionId + " has no transport that can end it");
        }
        LOG.info("terminating session {} (user {}) by administrator command", sessionId, entry.state().user());
        terminator.run();
        return Optional.of(ending.minimalCompletionStage());
    }

    /** The open session with this id, if any. */
    public Optional<Entry> entry(int sessionId) {
        return Optional.ofNullable(entries.get(sessionId));
    }

    /**
     * Cancels the running statement of the session with this id if the secret matches, as
     * PostgreSQL's CancelRequest does; true if a statement was asked to stop.
     */
    public boolean cancel(int sessionId, int secretKey) {
        Entry entry = entries.get(sessionId);
        if (entry == null || entry.admission().secretKey() != secretKey) {
            return false;
        }
        entry.canceller().run();
        return true;
    }

    /** A point-in-time copy of the open sessions. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** A point-in-time copy of every open session's published state. */
    public List<SessionState> sessions() {
        List<SessionState> states = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            states.add(e.state());
        }
        return states;
    }

    /** Lets {@link #snapshot()} name the tables and indexes sessions work on (the SQL catalog's names). */
    public void objectNames(java.util.function.IntFunction<String> names) {
        this.objectNames = names;
    }

    /** Lets {@link #snapshot()} and {@link #lockWaits()} tell which sessions wait for whose locks. */
    public void plugLockWaits(LockWaits waits) {
        this.lockWaits = waits;
    }

    /**
     * The open sessions waiting for a row or table lock now, by session id (evaluated now: two
     * native calls per open transaction). Empty until {@link #plugLockWaits} was called.
     */
    public Map<Integer, LockWaits.LockWait> lockWaits() {
        LockWaits source = lockWaits;
        if (source == null) {
            return Map.of();
        }
        Map<Integer, LockWaits.LockWait> waits = new java.util.HashMap<>(source.current());
        waits.keySet().retainAll(entries.keySet());
        return waits;
    }

    /** Open sessions waiting for a lock now (for the lock contention check and v$system_performance). */
    public int blockedSessionCount() {
        return lockWaits().size();
    }

    /** Every open session as v$session shows it, by session id, with its lock wait. */
    public List<SessionSnapshot> snapshot() {
        Map<Integer, LockWaits.LockWait> waits = lockWaits();
        List<SessionSnapshot> all = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            all.add(SessionSnapshot.of(e.state(), waits.get(e.state().sessionId()), objectNames));
        }
        all.sort(Comparator.comparingInt(SessionSnapshot::sessionId));
        return all;
    }

    /** One open session as v$session shows it, if there is one with this id. */
    public Optional<SessionSnapshot> snapshot(int sessionId) {
        Entry entry = entries.get(sessionId);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(SessionSnapshot.of(entry.state(), lockWaits().get(sessionId), objectNames));
    }

    /** Connections holding a slot, including those still in startup. */
    public int connectionCount() {
        synchronized (lock) {
            return admitted;
        }
    }

    /** Connections waiting for a slot now. */
    public int waitingCount() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    /** Connections admitted since the node started. */
    public long admittedTotal() {
        return admittedTotal.get();
    }

    /** Connections refused for want of a slot (53300) since the node started. */
    public long refusedTotal() {
        return refusedTotal.get();
    }
}
