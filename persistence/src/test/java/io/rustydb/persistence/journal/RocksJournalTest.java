package io.rustydb.persistence.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.JournalProtocol;
import org.apache.pekko.persistence.PersistentEnvelope;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The journal's behaviour as Pekko's persistence TCK (JournalSpec) describes it, driven through a
 * real ActorSystem with the plugin as the default journal, by JournalProtocol messages: events 1 to
 * 5 of "p-1" are written before each test (4 and 5 as one AtomicWrite).
 */
class RocksJournalTest {
    private static final String PID = "p-1";
    private static final String WRITER = "writer-1";

    @TempDir
    Path dir;
    private PluginFixture fixture;

    @BeforeEach
    void writeFiveEvents() {
        fixture = new PluginFixture(dir);
        write(1, 5, PID);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void replaysAllEvents() {
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(1L, 2L, 3L, 4L, 5L), 5);
    }

    @Test
    void replaysWithinSequenceNumberBounds() {
        assertReplay(3, Long.MAX_VALUE, Long.MAX_VALUE, List.of(3L, 4L, 5L), 5);
        assertReplay(1, 3, Long.MAX_VALUE, List.of(1L, 2L, 3L), 5);
        assertReplay(2, 3, Long.MAX_VALUE, List.of(2L, 3L), 5);
        assertReplay(2, 2, Long.MAX_VALUE, List.of(2L), 5);
        assertReplay(0, Long.MAX_VALUE, Long.MAX_VALUE, List.of(1L, 2L, 3L, 4L, 5L), 5);
    }

    @Test
    void replaysAtMostMaxEvents() {
        assertReplay(1, Long.MAX_VALUE, 3, List.of(1L, 2L, 3L), 5);
        assertReplay(2, 5, 2, List.of(2L, 3L), 5);
        assertReplay(2, 4, 1, List.of(2L), 5);
        assertReplay(2, 4, 0, List.of(), 5);
    }

    @Test
    void replaysNothingForAnEmptyRangeOrAnUnknownId() {
        assertReplay(3, 2, Long.MAX_VALUE, List.of(), 5);
        assertReplay(6, Long.MAX_VALUE, Long.MAX_VALUE, List.of(), 5);
        TestKit probe = new TestKit(fixture.system);
        fixture.journal().tell(new JournalProtocol.ReplayMessages(0, Long.MAX_VALUE, Long.MAX_VALUE, "no-such-id",
                probe.getRef()), ActorRef.noSender());
        probe.expectMsg(new JournalProtocol.RecoverySuccess(0));
    }

    @Test
    void deletedEventsAreNotReplayedAndTheHighestSequenceNumberStays() {
        delete(PID, 3);
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(4L, 5L), 5);
        assertReplay(2, 4, Long.MAX_VALUE, List.of(4L), 5);
        assertReplay(1, 3, Long.MAX_VALUE, List.of(), 5);

        delete(PID, Long.MAX_VALUE);
        assertReplay(0, Long.MAX_VALUE, Long.MAX_VALUE, List.of(), 5);

        // the next event continues the sequence and is not hidden by the deletion
        write(6, 6, PID);
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(6L), 6);
    }

    @Test
    void deletionAndEventsSurviveAReopenOfTheStorage() {
        delete(PID, 2);
        write(1, 3, "p-2");
        fixture.restart();
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(3L, 4L, 5L), 5);
        delete(PID, Long.MAX_VALUE);
        fixture.restart();
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(), 5);
        TestKit probe = new TestKit(fixture.system);
        replay(probe, "p-2", 1, Long.MAX_VALUE, Long.MAX_VALUE);
        for (long i = 1; i <= 3; i++) {
            assertEquals("p-2-" + i, probe.expectMsgClass(JournalProtocol.ReplayedMessage.class).persistent().payload());
        }
        probe.expectMsg(new JournalProtocol.RecoverySuccess(3));
    }

    @Test
    void persistenceIdsThatArePrefixesOfEachOtherStaySeparate() {
        write(1, 2, "p");
        write(1, 3, "p-10");
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(1L, 2L, 3L, 4L, 5L), 5);
        TestKit probe = new TestKit(fixture.system);
        replay(probe, "p", 1, Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals("p-1", probe.expectMsgClass(JournalProtocol.ReplayedMessage.class).persistent().payload());
        assertEquals("p-2", probe.expectMsgClass(JournalProtocol.ReplayedMessage.class).persistent().payload());
        probe.expectMsg(new JournalProtocol.RecoverySuccess(2));
    }

    @Test
    void rejectsAnAtomicWriteWithAnUnserializableEventAndWritesTheOthers() {
        Object unserializable = new Object() {
            @Override
            public String toString() {
                return "not serializable";
            }
        };
        TestKit probe = new TestKit(fixture.system);
        List<PersistentEnvelope> writes = List.of(
                AtomicWrite.apply(event(6, "p-1-6")),
                AtomicWrite.apply(event(7, unserializable)),
                AtomicWrite.apply(event(8, "p-1-8")),
                // all or nothing: 10 cannot be serialized, so 9 and 11 are not written either
                atomic(event(9, "p-1-9"), event(10, unserializable), event(11, "p-1-11")));
        fixture.journal().tell(new JournalProtocol.WriteMessages(seq(writes), probe.getRef(), 1), ActorRef.noSender());
        probe.expectMsg(JournalProtocol.WriteMessagesSuccessful$.MODULE$);
        assertEquals(6, probe.expectMsgClass(JournalProtocol.WriteMessageSuccess.class).persistent().sequenceNr());
        JournalProtocol.WriteMessageRejected rejected = probe.expectMsgClass(JournalProtocol.WriteMessageRejected.class);
        assertEquals(7, rejected.message().sequenceNr());
        assertInstanceOf(java.io.NotSerializableException.class, rejected.cause());
        assertEquals(8, probe.expectMsgClass(JournalProtocol.WriteMessageSuccess.class).persistent().sequenceNr());
        for (long i = 9; i <= 11; i++) {
            assertEquals(i, probe.expectMsgClass(JournalProtocol.WriteMessageRejected.class).message().sequenceNr());
        }
        assertReplay(1, Long.MAX_VALUE, Long.MAX_VALUE, List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L), 8);
    }

    @Test
    void failsWritesWithAClearErrorUntilTheStorageIsBound() {
        ActorSystem unbound = ActorSystem.create("unbound", ConfigFactory.load());
        try {
            TestKit probe = new TestKit(unbound);
            ActorRef journal = org.apache.pekko.persistence.Persistence.get(unbound).journalFor(null,
                    ConfigFactory.empty());
            journal.tell(new JournalProtocol.WriteMessages(seq(List.of(AtomicWrite.apply(event(1, "x")))),
                    probe.getRef(), 1), ActorRef.noSender());
            JournalProtocol.WriteMessagesFailed failed = probe.expectMsgClass(JournalProtocol.WriteMessagesFailed.class);
            assertInstanceOf(IllegalStateException.class, failed.cause());
            assertTrue(failed.cause().getMessage().contains("no storage yet"), failed.cause().getMessage());
            probe.expectMsgClass(JournalProtocol.WriteMessageFailure.class);

            JournalStorage.get(unbound).bind(fixture.storage);
            journal.tell(new JournalProtocol.WriteMessages(seq(List.of(AtomicWrite.apply(event(6, "p-1-6")))),
                    probe.getRef(), 1), ActorRef.noSender());
            probe.expectMsg(Duration.ofSeconds(5), JournalProtocol.WriteMessagesSuccessful$.MODULE$);
            probe.expectMsgClass(JournalProtocol.WriteMessageSuccess.class);
        } finally {
            TestKit.shutdownActorSystem(unbound);
        }
        assertReplay(5, Long.MAX_VALUE, Long.MAX_VALUE, List.of(5L, 6L), 6);
    }

    /** Writes events from..to of {@code pid} with payload "pid-n", the last two as one AtomicWrite. */
    private void write(long from, long to, String pid) {
        List<PersistentEnvelope> writes = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            if (i == to - 1) {
                writes.add(atomic(repr(pid, i, pid + "-" + i), repr(pid, i + 1, pid + "-" + (i + 1))));
                break;
            }
            writes.add(AtomicWrite.apply(repr(pid, i, pid + "-" + i)));
        }
        TestKit probe = new TestKit(fixture.system);
        fixture.journal().tell(new JournalProtocol.WriteMessages(seq(writes), probe.getRef(), 1), ActorRef.noSender());
        probe.expectMsg(JournalProtocol.WriteMessagesSuccessful$.MODULE$);
        for (long i = from; i <= to; i++) {
            PersistentRepr written = probe.expectMsgClass(JournalProtocol.WriteMessageSuccess.class).persistent();
            assertEquals(i, written.sequenceNr());
            assertEquals(pid + "-" + i, written.payload());
        }
    }

    private void delete(String pid, long to) {
        TestKit probe = new TestKit(fixture.system);
        fixture.journal().tell(new JournalProtocol.DeleteMessagesTo(pid, to, probe.getRef()), ActorRef.noSender());
        probe.expectMsg(new org.apache.pekko.persistence.DeleteMessagesSuccess(to));
    }

    private void assertReplay(long from, long to, long max, List<Long> expected, long highest) {
        TestKit probe = new TestKit(fixture.system);
        replay(probe, PID, from, to, max);
        for (long i : expected) {
            PersistentRepr replayed = probe.expectMsgClass(JournalProtocol.ReplayedMessage.class).persistent();
            assertEquals(i, replayed.sequenceNr());
            assertEquals(PID, replayed.persistenceId());
            assertEquals(PID + "-" + i, replayed.payload());
            assertEquals(WRITER, replayed.writerUuid());
            assertEquals(ActorRef.noSender(), replayed.sender());
        }
        probe.expectMsg(new JournalProtocol.RecoverySuccess(highest));
    }

    private void replay(TestKit probe, String pid, long from, long to, long max) {
        fixture.journal().tell(new JournalProtocol.ReplayMessages(from, to, max, pid, probe.getRef()),
                ActorRef.noSender());
    }

    private static PersistentRepr event(long sequenceNr, Object payload) {
        return repr(PID, sequenceNr, payload);
    }

    private static PersistentRepr repr(String pid, long sequenceNr, Object payload) {
        return PersistentRepr.apply(payload, sequenceNr, pid, "", false, ActorRef.noSender(), WRITER);
    }

    private static AtomicWrite atomic(PersistentRepr... events) {
        return new AtomicWrite(CollectionConverters.asScala(List.of(events)).toList());
    }

    private static scala.collection.immutable.Seq<PersistentEnvelope> seq(List<PersistentEnvelope> writes) {
        return CollectionConverters.asScala(writes).toList();
    }
}
