package io.rustydb.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StorageEngine#transactionActivity()}: owners, counted locks and row lock waits seen from another thread. */
class TransactionActivityTest {
    @TempDir
    Path dir;

    private static byte[] key(String k) {
        return k.getBytes(UTF_8);
    }

    private static Map<Integer, TransactionActivity> byOwner(StorageEngine engine) {
        return engine.transactionActivity().stream()
                .collect(Collectors.toMap(TransactionActivity::owner, Function.identity()));
    }

    @Test
    void aWaitingTransactionNamesTheHolderAndHowLongItHasWaited() throws Exception {
        try (StorageEngine engine = StorageEngine.open(new StorageSettings(dir, 4096, 2L << 20, WalSyncMode.OFF,
                Duration.ZERO))) {
            Tablespace users = engine.tablespace(StorageEngine.USERS);
            StorageTransaction holder = engine.begin(7);
            holder.beginStatement();
            holder.put(users, key("a"), key("1"));
            holder.getForUpdate(users, key("b"));
            holder.put(users, key("c"), key("1"));
            Map<Integer, TransactionActivity> before = byOwner(engine);
            assertEquals(-1, before.get(7).locksHeld(), "not counted yet");
            holder.countLocks();
            TransactionActivity held = byOwner(engine).get(7);
            assertEquals(3, held.locksHeld());
            assertFalse(held.waiting());
            assertEquals(0, held.waitMillis());

            StorageTransaction waiter = engine.begin(8);
            waiter.beginStatement();
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> waiter.put(users, key("b"), key("2")));
            TransactionActivity waiting = null;
            for (int i = 0; i < 200 && (waiting == null || !waiting.waiting()); i++) {
                Thread.sleep(10);
                waiting = byOwner(engine).get(8);
            }
            assertTrue(waiting != null && waiting.waiting(), String.valueOf(waiting));
            assertEquals(List.of(held.id()), waiting.waitingFor());
            Thread.sleep(300);
            long waited = byOwner(engine).get(8).waitMillis();
            assertTrue(waited >= 300 && waited < 10_000, "waited " + waited + " ms");
            assertFalse(blocked.isDone());

            holder.rollback();
            blocked.get(10, TimeUnit.SECONDS);
            Map<Integer, TransactionActivity> after = byOwner(engine);
            assertFalse(after.containsKey(7), "an ended transaction is not reported");
            assertFalse(after.get(8).waiting());
            waiter.commit();
            assertEquals(List.of(), engine.transactionActivity());
        }
    }
}
