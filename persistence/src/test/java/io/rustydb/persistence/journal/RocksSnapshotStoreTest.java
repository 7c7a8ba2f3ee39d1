package io.rustydb.persistence.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.persistence.DeleteSnapshotSuccess;
import org.apache.pekko.persistence.DeleteSnapshotsSuccess;
import org.apache.pekko.persistence.SaveSnapshotFailure;
import org.apache.pekko.persistence.SaveSnapshotSuccess;
import org.apache.pekko.persistence.SelectedSnapshot;
import org.apache.pekko.persistence.SnapshotMetadata;
import org.apache.pekko.persistence.SnapshotProtocol;
import org.apache.pekko.persistence.SnapshotSelectionCriteria;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * The snapshot store's behaviour as Pekko's persistence TCK (SnapshotStoreSpec) describes it,
 * through a real ActorSystem with the plugin as the default snapshot store, by SnapshotProtocol
 * messages: snapshots "s-1".."s-5" at sequence numbers 11..15 are saved before each test, each in
 * a later millisecond than the one before so that timestamps tell them apart.
 */
class RocksSnapshotStoreTest {
    private static final String PID = "p-1";

    @TempDir
    Path dir;
    private PluginFixture fixture;
    private TestKit probe;
    private final List<SnapshotMetadata> saved = new ArrayList<>();

    @BeforeEach
    void saveFiveSnapshots() throws InterruptedException {
        fixture = new PluginFixture(dir);
        probe = new TestKit(fixture.system);
        for (int i = 1; i <= 5; i++) {
            long before = saved.isEmpty() ? 0 : saved.get(saved.size() - 1).timestamp();
            while (System.currentTimeMillis() <= before) {
                Thread.sleep(1);
            }
            saved.add(save(SnapshotMetadata.apply(PID, i + 10), "s-" + i));
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void loadsNothingForAnUnknownIdOrNonMatchingCriteria() {
        assertLoad("invalid", SnapshotSelectionCriteria.latest(), Long.MAX_VALUE, null);
        assertLoad(PID, SnapshotSelectionCriteria.latest().copy(Long.MAX_VALUE, 100, 0, 0), Long.MAX_VALUE, null);
        assertLoad(PID, SnapshotSelectionCriteria.create(7, Long.MAX_VALUE), Long.MAX_VALUE, null);
        assertLoad(PID, SnapshotSelectionCriteria.latest(), 7, null);
    }

    @Test
    void loadsTheNewestSnapshotMatchingTheCriteria() {
        assertLoad(PID, SnapshotSelectionCriteria.latest(), Long.MAX_VALUE, 4);
        assertLoad(PID, SnapshotSelectionCriteria.create(13, Long.MAX_VALUE), Long.MAX_VALUE, 2);
        assertLoad(PID, SnapshotSelectionCriteria.latest(), 13, 2);
        // by timestamp: the newest taken at or before s-3's time is s-3, before it s-2
        assertLoad(PID, SnapshotSelectionCriteria.create(Long.MAX_VALUE, saved.get(2).timestamp()), Long.MAX_VALUE, 2);
        assertLoad(PID, SnapshotSelectionCriteria.create(Long.MAX_VALUE, saved.get(2).timestamp() - 1), Long.MAX_VALUE,
                1);
        assertLoad(PID, SnapshotSelectionCriteria.create(15, saved.get(2).timestamp()), 13, 2);
        // lower bounds
        assertLoad(PID, SnapshotSelectionCriteria.create(13, Long.MAX_VALUE, 13, 0), Long.MAX_VALUE, 2);
        assertLoad(PID, SnapshotSelectionCriteria.create(12, Long.MAX_VALUE, 13, 0), Long.MAX_VALUE, null);
        assertLoad(PID, SnapshotSelectionCriteria.create(Long.MAX_VALUE, Long.MAX_VALUE, 0,
                saved.get(4).timestamp() + 1), Long.MAX_VALUE, null);
    }

    @Test
    void deletesOneSnapshotByMetadata() {
        // timestamp 0: whatever the timestamp
        SnapshotMetadata md = new SnapshotMetadata(PID, saved.get(2).sequenceNr(), 0);
        fixture.snapshotStore().tell(new SnapshotProtocol.DeleteSnapshot(md), probe.getRef());
        probe.expectMsg(new DeleteSnapshotSuccess(md));
        assertLoad(PID, SnapshotSelectionCriteria.create(13, Long.MAX_VALUE), Long.MAX_VALUE, 1);
        // a timestamp that is not the snapshot's deletes nothing
        SnapshotMetadata other = new SnapshotMetadata(PID, saved.get(1).sequenceNr(), saved.get(1).timestamp() + 1);
        fixture.snapshotStore().tell(new SnapshotProtocol.DeleteSnapshot(other), probe.getRef());
        probe.expectMsg(new DeleteSnapshotSuccess(other));
        assertLoad(PID, SnapshotSelectionCriteria.create(13, Long.MAX_VALUE), Long.MAX_VALUE, 1);
        fixture.snapshotStore().tell(new SnapshotProtocol.DeleteSnapshot(saved.get(1)), probe.getRef());
        probe.expectMsg(new DeleteSnapshotSuccess(saved.get(1)));
        assertLoad(PID, SnapshotSelectionCriteria.create(13, Long.MAX_VALUE), Long.MAX_VALUE, 0);
    }

    @Test
    void deletesEverySnapshotMatchingCriteria() {
        SnapshotSelectionCriteria criteria = SnapshotSelectionCriteria.create(saved.get(2).sequenceNr(),
                saved.get(2).timestamp());
        fixture.snapshotStore().tell(new SnapshotProtocol.DeleteSnapshots(PID, criteria), probe.getRef());
        probe.expectMsg(new DeleteSnapshotsSuccess(criteria));
        assertLoad(PID, criteria, Long.MAX_VALUE, null);
        assertLoad(PID, SnapshotSelectionCriteria.create(saved.get(3).sequenceNr(), saved.get(3).timestamp()),
                Long.MAX_VALUE, 3);

        // a timestamp bound below s-4's keeps it
        SnapshotSelectionCriteria older = SnapshotSelectionCriteria.create(saved.get(3).sequenceNr(),
                saved.get(3).timestamp() - 1);
        fixture.snapshotStore().tell(new SnapshotProtocol.DeleteSnapshots(PID, older), probe.getRef());
        probe.expectMsg(new DeleteSnapshotsSuccess(older));
        assertLoad(PID, SnapshotSelectionCriteria.latest(), Long.MAX_VALUE, 4);
        assertLoad(PID, SnapshotSelectionCriteria.create(14, Long.MAX_VALUE), Long.MAX_VALUE, 3);
    }

    @Test
    void savingTheSameSequenceNumberAgainReplacesTheSnapshot() throws InterruptedException {
        Thread.sleep(2);
        SnapshotMetadata md = save(SnapshotMetadata.apply(PID, saved.get(4).sequenceNr()), "s-5-modified");
        assertEquals(saved.get(4).sequenceNr(), md.sequenceNr());
        assertNotEquals(saved.get(4).timestamp(), md.timestamp());
        fixture.snapshotStore().tell(new SnapshotProtocol.LoadSnapshot(PID, SnapshotSelectionCriteria.latest(),
                Long.MAX_VALUE), probe.getRef());
        SnapshotProtocol.LoadSnapshotResult result = probe.expectMsgClass(SnapshotProtocol.LoadSnapshotResult.class);
        assertEquals(SelectedSnapshot.create(md, "s-5-modified"), result.snapshot().get());
        // the old one is gone, not just shadowed
        assertLoad(PID, SnapshotSelectionCriteria.create(Long.MAX_VALUE, md.timestamp() - 1), Long.MAX_VALUE, 3);
    }

    @Test
    void savesLargeSnapshotsAndKeepsThemAcrossAReopen() {
        String big = "0".repeat(1_000_000);
        SnapshotMetadata md = save(SnapshotMetadata.apply(PID, 100), big);
        fixture.restart();
        probe = new TestKit(fixture.system);
        fixture.snapshotStore().tell(new SnapshotProtocol.LoadSnapshot(PID, SnapshotSelectionCriteria.latest(),
                Long.MAX_VALUE), probe.getRef());
        SnapshotProtocol.LoadSnapshotResult result = probe.expectMsgClass(SnapshotProtocol.LoadSnapshotResult.class);
        assertEquals(SelectedSnapshot.create(md, big), result.snapshot().get());
        assertLoad(PID, SnapshotSelectionCriteria.create(99, Long.MAX_VALUE), Long.MAX_VALUE, 4);
    }

    @Test
    void failsToSaveAnUnserializableSnapshot() {
        fixture.snapshotStore().tell(new SnapshotProtocol.SaveSnapshot(SnapshotMetadata.apply(PID, 200), new Object()),
                probe.getRef());
        SaveSnapshotFailure failure = probe.expectMsgClass(SaveSnapshotFailure.class);
        assertTrue(failure.cause() instanceof java.io.NotSerializableException, failure.cause().toString());
        assertLoad(PID, SnapshotSelectionCriteria.latest(), Long.MAX_VALUE, 4);
    }

    private SnapshotMetadata save(SnapshotMetadata metadata, Object snapshot) {
        fixture.snapshotStore().tell(new SnapshotProtocol.SaveSnapshot(metadata, snapshot), probe.getRef());
        SnapshotMetadata md = probe.expectMsgClass(SaveSnapshotSuccess.class).metadata();
        assertTrue(md.timestamp() > 0, "the store stamps the time");
        return md;
    }

    /** Loads and expects {@code saved[index]} with payload "s-(index+1)", or nothing for null. */
    private void assertLoad(String pid, SnapshotSelectionCriteria criteria, long toSequenceNr, Integer index) {
        fixture.snapshotStore().tell(new SnapshotProtocol.LoadSnapshot(pid, criteria, toSequenceNr), probe.getRef());
        Option<SelectedSnapshot> expected = index == null ? Option.empty()
                : Option.apply(SelectedSnapshot.create(saved.get(index), "s-" + (index + 1)));
        probe.expectMsg(new SnapshotProtocol.LoadSnapshotResult(expected, toSequenceNr));
    }
}
