package io.rustydb.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.TickerType;

/** The engine's record families (journal, snapshots): not tablespaces, durable, scanned in both directions. */
class RecordFamilyTest {
    @TempDir
    Path dir;

    private StorageEngine open(WalSyncMode mode) {
        return StorageEngine.open(new StorageSettings(dir, 4096, 2L * 1024 * 1024, mode, Duration.ofSeconds(5)));
    }

    @Test
    void recordFamiliesAreNotTablespacesAndSurviveReopen() {
        try (StorageEngine engine = open(WalSyncMode.LOCAL)) {
            assertEquals(List.of("SYSTEM", "USERS", "TEMP"), engine.tablespaceNames());
            assertEquals("journal", engine.journalFamily().name());
            assertEquals("snapshots", engine.snapshotFamily().name());
            engine.journalFamily().batch().put(bytes("k"), bytes("v")).commit();
            // a tablespace may be called JOURNAL: column family names are case-sensitive
            engine.createTablespace("journal");
        }
        try (StorageEngine engine = open(WalSyncMode.LOCAL)) {
            assertEquals(List.of("SYSTEM", "USERS", "TEMP", "JOURNAL"), engine.tablespaceNames());
            assertArrayEquals(bytes("v"), engine.journalFamily().get(bytes("k")));
            assertNull(engine.snapshotFamily().get(bytes("k")));
            assertNull(engine.get(engine.tablespace("JOURNAL"), bytes("k")));
        }
    }

    @Test
    void commitsFsyncTheWalEvenWhenCommitsDoNot() {
        try (StorageEngine engine = open(WalSyncMode.OFF)) {
            long before = engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED);
            engine.put(engine.tablespace("USERS"), bytes("a"), bytes("1"));
            assertEquals(before, engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED),
                    "wal.sync_mode=off: a table write is not fsynced");
            engine.journalFamily().batch().put(bytes("a"), bytes("1")).put(bytes("b"), bytes("2")).commit();
            assertEquals(before + 1, engine.statistics().getTickerCount(TickerType.WAL_FILE_SYNCED));
        }
    }

    @Test
    void scansABoundedRangeAscendingOrDescending() {
        try (StorageEngine engine = open(WalSyncMode.LOCAL)) {
            RecordFamily family = engine.snapshotFamily();
            RecordFamily.Batch batch = family.batch();
            for (String k : List.of("a", "b", "c", "d", "e")) {
                batch.put(bytes(k), bytes(k.toUpperCase()));
            }
            assertEquals(5, batch.size());
            batch.commit();
            try (RecordFamily.Batch b = family.batch()) {
                b.delete(bytes("c")); // never committed
            }
            assertEquals(List.of("b", "c", "d"), keys(family.scan(bytes("b"), bytes("e"), false)));
            assertEquals(List.of("d", "c", "b"), keys(family.scan(bytes("b"), bytes("e"), true)));
            assertEquals(List.of(), keys(family.scan(bytes("x"), bytes("z"), true)));
            family.batch().delete(bytes("c")).delete(bytes("a")).commit();
            assertEquals(List.of("e", "d", "b"), keys(family.scan(bytes("a"), bytes("f"), true)));
            try (KvIterator it = family.scan(bytes("a"), bytes("c"), false)) {
                assertTrue(it.next());
                assertArrayEquals(bytes("B"), it.value());
                assertFalse(it.next());
                assertThrows(IllegalStateException.class, it::key);
            }
        }
    }

    @Test
    void aClosedEngineRefusesRecordFamilyWork() {
        StorageEngine engine = open(WalSyncMode.LOCAL);
        RecordFamily family = engine.journalFamily();
        engine.close();
        assertThrows(RustyDbException.class, () -> family.get(bytes("k")));
        assertThrows(RustyDbException.class, () -> family.batch().put(bytes("k"), bytes("v")).commit());
    }

    private static List<String> keys(KvIterator it) {
        List<String> keys = new ArrayList<>();
        try (it) {
            while (it.next()) {
                keys.add(new String(it.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
