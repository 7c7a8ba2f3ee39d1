package io.rustydb.common.lifecycle;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a node is in its life, with validated transitions (as Ratis' {@code LifeCycle}): it is
 * {@link State#STARTING} until its PostgreSQL listener is bound, then {@link State#OPEN} (the only
 * state in which it is ready for traffic), {@link State#STOPPING} from the moment a shutdown
 * begins, and {@link State#STOPPED} once storage is closed. Thread-safe.
 */
public final class NodeLifecycle {

    /** The states, in the order a node goes through them. */
    public enum State {
        STARTING, OPEN, STOPPING, STOPPED
    }

    private static final Map<State, Set<State>> NEXT = Map.of(
            State.STARTING, EnumSet.of(State.OPEN, State.STOPPING),
            State.OPEN, EnumSet.of(State.STOPPING),
            State.STOPPING, EnumSet.of(State.STOPPED),
            State.STOPPED, EnumSet.noneOf(State.class));

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final Instant startedAt;

    public NodeLifecycle(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** When the node started (for uptime). */
    public Instant startedAt() {
        return startedAt;
    }

    public State state() {
        return state.get();
    }

    /** True only while {@link State#OPEN}: the node accepts and serves connections. */
    public boolean isReady() {
        return state.get() == State.OPEN;
    }

    /**
     * Moves to {@code next}; an illegal move (backwards, or skipping a state) is a programming error
     * and throws {@link IllegalStateException}.
     */
    public void transition(State next) {
        State current = state.get();
        while (true) {
            if (!NEXT.get(current).contains(next)) {
                throw new IllegalStateException("illegal node state transition " + current + " -> " + next);
            }
            if (state.compareAndSet(current, next)) {
                return;
            }
            current = state.get();
        }
    }

    /**
     * Moves to {@code next} if that is legal from the current state, else leaves the state alone;
     * true if the state changed. For shutdown paths that may run more than once.
     */
    public boolean tryTransition(State next) {
        while (true) {
            State current = state.get();
            if (!NEXT.get(current).contains(next)) {
                return false;
            }
            if (state.compareAndSet(current, next)) {
                return true;
            }
        }
    }
}
