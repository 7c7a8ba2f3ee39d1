package io.rustydb.actors;

import io.rustydb.common.session.SessionState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's sessions: admission against {@code max_connections}, the state each session
 * publishes, the cancel keys of CancelRequest, and the administrator's termination of a session
 * (which the session's transport carries out). Thread-safe and lock-free for readers, so a
 * sampler can read every session's state without messaging.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    /** A slot granted to a connection: its session id (the protocol's process id) and secret key. */
    public record Admission(int sessionId, int secretKey) {
    }

    /** What the registry holds for an open session. */
    public record Entry(Admission admission, SessionState state, Runnable canceller) {
    }

    private final int maxConnections;
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final AtomicInteger admitted = new AtomicInteger();
    private final Set<Integer> admittedIds = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
    /** How each admitted connection's transport ends it on an administrator's request. */
    private final Map<Integer, Runnable> terminators = new ConcurrentHashMap<>();
    /** Completed when the admitted session has ended and freed its slot. */
    private final Map<Integer, CompletableFuture<Void>> endings = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SessionRegistry(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1");
        }
        this.maxConnections = maxConnections;
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Reserves a slot for a new connection, or empty when {@code max_connections} are in use. */
    public Optional<Admission> admit() {
        while (true) {
            int current = admitted.get();
            if (current >= maxConnections) {
                return Optional.empty();
            }
            if (admitted.compareAndSet(current, current + 1)) {
                Admission admission = new Admission(nextId.getAndIncrement(), random.nextInt());
                endings.put(admission.sessionId(), new CompletableFuture<>());
                admittedIds.add(admission.sessionId());
                return Optional.of(admission);
            }
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

    /** Frees the slot of a session that ended (or never finished its startup); idempotent. */
    public void release(Admission admission) {
        entries.remove(admission.sessionId());
        terminators.remove(admission.sessionId());
        if (admittedIds.remove(admission.sessionId())) {
            admitted.decrementAndGet();
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

    /** Connections holding a slot, including those still in startup. */
    public int connectionCount() {
        return admitted.get();
    }
}
