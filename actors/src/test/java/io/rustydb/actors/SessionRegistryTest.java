package io.rustydb.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    @Test
    void admitsUpToMaxConnectionsAndReleaseIsIdempotent() {
        SessionRegistry registry = new SessionRegistry(2);
        var first = registry.admit().orElseThrow();
        var second = registry.admit().orElseThrow();
        assertNotEquals(first.sessionId(), second.sessionId());
        assertTrue(registry.admit().isEmpty());
        registry.release(first);
        registry.release(first);
        assertEquals(1, registry.connectionCount());
        assertTrue(registry.admit().isPresent());
        assertTrue(registry.admit().isEmpty());
    }

    @Test
    void cancelNeedsTheRightSecret() {
        SessionRegistry registry = new SessionRegistry(5);
        var admission = registry.admit().orElseThrow();
        AtomicInteger cancels = new AtomicInteger();
        registry.register(admission, state(admission.sessionId()), cancels::incrementAndGet);
        assertFalse(registry.cancel(admission.sessionId(), admission.secretKey() + 1));
        assertFalse(registry.cancel(admission.sessionId() + 1, admission.secretKey()));
        assertTrue(registry.cancel(admission.sessionId(), admission.secretKey()));
        assertEquals(1, cancels.get());
    }

    @Test
    void publishedStateIsReadableWithoutMessaging() {
        SessionRegistry registry = new SessionRegistry(5);
        var admission = registry.admit().orElseThrow();
        SessionState state = state(admission.sessionId());
        registry.register(admission, state, () -> { });
        state.statementStarted("SELECT 1", "abcdefghjkmnp");
        SessionState seen = registry.sessions().get(0);
        assertEquals(SessionStatus.ACTIVE, seen.status());
        assertEquals("SELECT 1", seen.sqlText());
        assertTrue(seen.statementStartMillis() > 0);
        registry.release(admission);
        assertTrue(registry.sessions().isEmpty());
    }

    @Test
    void terminateRunsTheTransportsTerminatorAndCompletesWhenTheSessionEnds() {
        SessionRegistry registry = new SessionRegistry(5);
        var starting = registry.admit().orElseThrow();
        registry.onTerminate(starting, () -> { });
        assertTrue(registry.terminate(starting.sessionId()).isEmpty(), "a connection in startup is no session yet");

        var admission = registry.admit().orElseThrow();
        AtomicInteger terminations = new AtomicInteger();
        registry.onTerminate(admission, terminations::incrementAndGet);
        registry.register(admission, state(admission.sessionId()), () -> { });
        var ended = registry.terminate(admission.sessionId()).orElseThrow().toCompletableFuture();
        assertEquals(1, terminations.get());
        assertFalse(ended.isDone(), "not ended before the session released its slot");
        registry.release(admission);
        assertTrue(ended.isDone());
        assertTrue(registry.terminate(admission.sessionId()).isEmpty(), "unknown once ended");
        assertTrue(registry.terminate(424242).isEmpty());
    }

    private static SessionState state(int id) {
        return new SessionState(id, "rustydb", "rustydb", "127.0.0.1", Instant.now());
    }
}
