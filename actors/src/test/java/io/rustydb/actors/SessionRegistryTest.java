package io.rustydb.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void aConnectionBeyondTheLimitWaitsAndGetsTheFreedSlot() throws Exception {
        SessionRegistry registry = new SessionRegistry(1, Duration.ofSeconds(30));
        var first = registry.admit().orElseThrow();
        CompletableFuture<Optional<SessionRegistry.Admission>> waiting =
                CompletableFuture.supplyAsync(registry::admit);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.waitingCount() != 1) {
            assertTrue(System.nanoTime() < deadline, "no waiter");
            Thread.sleep(5);
        }
        assertFalse(waiting.isDone());
        registry.release(first);
        var second = waiting.get(10, TimeUnit.SECONDS).orElseThrow();
        assertNotEquals(first.sessionId(), second.sessionId());
        assertEquals(1, registry.connectionCount());
        assertEquals(0, registry.waitingCount());
        assertEquals(2, registry.admittedTotal());
        assertEquals(0, registry.refusedTotal());
    }

    @Test
    void aWaiterIsRefusedAfterTheTimeoutAndZeroRefusesAtOnce() {
        SessionRegistry registry = new SessionRegistry(1, Duration.ofMillis(200));
        registry.admit().orElseThrow();
        long start = System.nanoTime();
        assertTrue(registry.admit().isEmpty());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
        assertEquals(1, registry.refusedTotal());
        assertEquals(0, registry.waitingCount());

        SessionRegistry immediate = new SessionRegistry(1);
        immediate.admit().orElseThrow();
        start = System.nanoTime();
        assertTrue(immediate.admit().isEmpty());
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(150));
        assertEquals(1, immediate.refusedTotal());
    }

    @Test
    void anAbandonedWaiterLeavesWhenWokenWithoutCountingAsATimeout() throws Exception {
        SessionRegistry registry = new SessionRegistry(1, Duration.ofSeconds(30));
        registry.admit().orElseThrow();
        AtomicBoolean closing = new AtomicBoolean();
        CompletableFuture<Optional<SessionRegistry.Admission>> waiting =
                CompletableFuture.supplyAsync(() -> registry.admit(closing::get));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.waitingCount() != 1) {
            assertTrue(System.nanoTime() < deadline, "no waiter");
            Thread.sleep(5);
        }
        closing.set(true);
        registry.wakeWaiters();
        assertTrue(waiting.get(10, TimeUnit.SECONDS).isEmpty());
        assertEquals(0, registry.waitingCount());
        assertEquals(0, registry.refusedTotal());
    }

    private static SessionState state(int id) {
        return new SessionState(id, "rustydb", "rustydb", "127.0.0.1", Instant.now());
    }
}
