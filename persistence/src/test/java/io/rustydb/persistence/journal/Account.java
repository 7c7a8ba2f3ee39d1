package io.rustydb.persistence.journal;

import io.rustydb.common.serialization.KryoSerializable;
import java.util.List;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.persistence.AbstractPersistentActor;
import org.apache.pekko.persistence.RecoveryCompleted;
import org.apache.pekko.persistence.SaveSnapshotSuccess;
import org.apache.pekko.persistence.SnapshotOffer;

/**
 * A classic persistent actor on the default journal and snapshot store: deposits are events, the
 * balance is its state, snapshotted whenever the sequence number reaches a multiple of three.
 */
final class Account extends AbstractPersistentActor {
    /** Command: deposit these amounts, all in one atomic write. */
    record Deposit(List<Long> amounts) {
    }

    /** Command: reply with the {@link Status}. */
    enum Get { INSTANCE }

    record Deposited(long amount) implements KryoSerializable {
    }

    record Balance(long total, long deposits) implements KryoSerializable {
        Balance add(long amount) {
            return new Balance(total + amount, deposits + 1);
        }
    }

    /** The state, how recovery went, and the sequence number. */
    record Status(Balance balance, long snapshotSequenceNr, int replayedEvents, long lastSequenceNr) {
    }

    private final String id;
    private final ActorRef snapshots;
    private Balance balance = new Balance(0, 0);
    private long snapshotSequenceNr;
    private int replayedEvents;

    private Account(String id, ActorRef snapshots) {
        this.id = id;
        this.snapshots = snapshots;
    }

    /** @param snapshots told each SaveSnapshotSuccess */
    static Props props(String id, ActorRef snapshots) {
        return Props.create(Account.class, () -> new Account(id, snapshots));
    }

    @Override
    public String persistenceId() {
        return id;
    }

    @Override
    public Receive createReceiveRecover() {
        return receiveBuilder()
                .match(SnapshotOffer.class, this::onSnapshotOffer)
                .match(Deposited.class, this::onReplayed)
                .match(RecoveryCompleted.class, done -> { })
                .build();
    }

    private void onSnapshotOffer(SnapshotOffer offer) {
        balance = (Balance) offer.snapshot();
        snapshotSequenceNr = offer.metadata().sequenceNr();
    }

    private void onReplayed(Deposited event) {
        balance = balance.add(event.amount());
        replayedEvents++;
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Deposit.class, this::onDeposit)
                .match(Get.class, get -> getSender().tell(status(), getSelf()))
                .match(SaveSnapshotSuccess.class, saved -> snapshots.tell(saved, getSelf()))
                .build();
    }

    private void onDeposit(Deposit deposit) {
        ActorRef replyTo = getSender();
        List<Deposited> events = deposit.amounts().stream().map(Deposited::new).toList();
        persistAll(events, event -> {
            balance = balance.add(event.amount());
            if (lastSequenceNr() % 3 == 0) {
                saveSnapshot(balance);
            }
            if (event == events.get(events.size() - 1)) {
                replyTo.tell(status(), getSelf());
            }
        });
    }

    private Status status() {
        return new Status(balance, snapshotSequenceNr, replayedEvents, lastSequenceNr());
    }
}
