package io.rustydb.persistence.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.testkit.javadsl.TestKit;

/**
 * The process {@link PersistentActorRecoveryTest} kills: deposits 1, 2, 3, ... one at a time and
 * prints "ACK n" once deposit n is acknowledged by the journal, until it is killed.
 */
public final class DepositWriter {
    static final String ID = "account-killed";
    static final long KILL_AFTER = 200;

    private DepositWriter() {
    }

    public static void main(String[] args) {
        try {
            PluginFixture fixture = new PluginFixture(Path.of(args[0]));
            TestKit probe = new TestKit(fixture.system);
            TestKit snapshots = new TestKit(fixture.system);
            ActorRef account = fixture.system.actorOf(Account.props(ID, snapshots.getRef()));
            for (long n = 1; n < 1_000_000; n++) {
                account.tell(new Account.Deposit(List.of(n)), probe.getRef());
                Account.Status status = probe.expectMsgClass(Duration.ofSeconds(30), Account.Status.class);
                System.out.println("ACK " + status.lastSequenceNr());
                System.out.flush();
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
        System.exit(1);
    }
}
