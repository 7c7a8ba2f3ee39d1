package io.rustydb.common.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.lifecycle.NodeLifecycle.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeLifecycleTest {

    @Test
    void readyOnlyWhileOpen() {
        NodeLifecycle lifecycle = new NodeLifecycle(Instant.now());
        assertEquals(State.STARTING, lifecycle.state());
        assertFalse(lifecycle.isReady(), "not ready before the listener is bound");
        lifecycle.transition(State.OPEN);
        assertTrue(lifecycle.isReady());
        lifecycle.transition(State.STOPPING);
        assertFalse(lifecycle.isReady(), "not ready once shutting down");
        lifecycle.transition(State.STOPPED);
        assertFalse(lifecycle.isReady());
    }

    @Test
    void startupFailureGoesStraightToStopping() {
        NodeLifecycle lifecycle = new NodeLifecycle(Instant.now());
        lifecycle.transition(State.STOPPING);
        assertFalse(lifecycle.isReady());
        assertThrows(IllegalStateException.class, () -> lifecycle.transition(State.OPEN));
    }

    @Test
    void illegalTransitionsThrow() {
        NodeLifecycle lifecycle = new NodeLifecycle(Instant.now());
        assertThrows(IllegalStateException.class, () -> lifecycle.transition(State.STOPPED));
        assertThrows(IllegalStateException.class, () -> lifecycle.transition(State.STARTING));
        lifecycle.transition(State.OPEN);
        assertThrows(IllegalStateException.class, () -> lifecycle.transition(State.OPEN));
        assertEquals(State.OPEN, lifecycle.state(), "a refused transition leaves the state alone");
    }

    @Test
    void tryTransitionIsIdempotentForShutdown() {
        NodeLifecycle lifecycle = new NodeLifecycle(Instant.now());
        lifecycle.transition(State.OPEN);
        assertTrue(lifecycle.tryTransition(State.STOPPING));
        assertFalse(lifecycle.tryTransition(State.STOPPING), "a second shutdown request changes nothing");
        assertEquals(State.STOPPING, lifecycle.state());
    }
}
