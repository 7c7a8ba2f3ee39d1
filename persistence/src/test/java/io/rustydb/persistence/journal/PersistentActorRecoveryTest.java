package io.rustydb.persistence.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.persistence.SaveSnapshotSuccess;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A persistent actor on the plugins recovers its state after the storage is closed or the process killed. */
class PersistentActorRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void recoversFromTheLatestSnapshotAndTheEventsAfterItAcrossAReopen() {
        try (PluginFixture fixture = new PluginFixture(dir)) {
            TestKit probe = new TestKit(fixture.system);
            TestKit snapshots = new TestKit(fixture.system);
            ActorRef account = fixture.system.actorOf(Account.props("account-1", snapshots.getRef()));
            for (long amount = 1; amount <= 4; amount++) {
                account.tell(new Account.Deposit(List.of(amount)), probe.getRef());
                assertEquals(amount, probe.expectMsgClass(Account.Status.class).lastSequenceNr());
            }
            // events 5, 6 and 7 in one atomic write; 6 is a snapshot point
            account.tell(new Account.Deposit(List.of(5L, 6L, 7L)), probe.getRef());
            Account.Status status = probe.expectMsgClass(Account.Status.class);
            assertEquals(new Account.Balance(28, 7), status.balance());
            assertEquals(3, snapshots.expectMsgClass(SaveSnapshotSuccess.class).metadata().sequenceNr());
            assertEquals(6, snapshots.expectMsgClass(SaveSnapshotSuccess.class).metadata().sequenceNr());
            fixture.restart();

            probe = new TestKit(fixture.system);
            account = fixture.system.actorOf(Account.props("account-1", probe.getRef()));
            account.tell(Account.Get.INSTANCE, probe.getRef());
            // the snapshot at 6 (balance 21 from 6 deposits) and event 7 replayed on top of it
            assertEquals(new Account.Status(new Account.Balance(28, 7), 6, 1, 7),
                    probe.expectMsgClass(Account.Status.class));
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesKillMinus9() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DepositWriter.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        // should the writer hang, end it: the read loop below then sees the end of its output
        CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(child::destroyForcibly);
        long acknowledged = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4).trim());
                    if (acknowledged >= DepositWriter.KILL_AFTER) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no RocksDB close
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= DepositWriter.KILL_AFTER, "the writer acknowledged " + acknowledged + ": "
                + String.join("\n", output));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (PluginFixture fixture = new PluginFixture(dir)) {
            TestKit probe = new TestKit(fixture.system);
            ActorRef account = fixture.system.actorOf(Account.props(DepositWriter.ID, probe.getRef()));
            account.tell(Account.Get.INSTANCE, probe.getRef());
            Account.Status status = probe.expectMsgClass(Duration.ofSeconds(10), Account.Status.class);
            long deposits = status.balance().deposits();
            LoggerFactory.getLogger(PersistentActorRecoveryTest.class).info(
                    "kill -9 after {} acknowledged deposits: {} recovered", acknowledged, deposits);
            assertTrue(deposits >= acknowledged, deposits + " deposits recovered, " + acknowledged + " acknowledged");
            // deposit n is n: the state is exactly the events 1..deposits, none lost in between
            assertEquals(deposits * (deposits + 1) / 2, status.balance().total());
            assertEquals(deposits, status.lastSequenceNr());
        }
    }
}
