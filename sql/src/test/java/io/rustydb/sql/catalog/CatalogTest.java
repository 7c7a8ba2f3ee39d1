package io.rustydb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.types.DataType;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path dir;

    private StorageEngine open() {
        return StorageEngine.open(new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.LOCAL, Duration.ZERO));
    }

    @Test
    void objectIdsAreNeverReusedAfterARestart() {
        int orphan;
        try (StorageEngine storage = open()) {
            Catalog catalog = Catalog.load(storage);
            // a table rebuild allocated this id and wrote rows, then the node crashed before the
            // catalog switched to it: the rows stay behind without a definition
            orphan = catalog.newObjectId();
            storage.put(storage.tablespace(StorageEngine.USERS),
                    KeyCodec.encodeKey(orphan, List.of(DataType.INTEGER), new Object[] {1}), new byte[] {1});
        }
        try (StorageEngine storage = open()) {
            assertNotEquals(orphan, Catalog.load(storage).newObjectId());
        }
    }

    @Test
    void deleteObjectRemovesEveryKeyOfTheObjectAcrossBatches() {
        try (StorageEngine storage = open()) {
            Catalog catalog = Catalog.load(storage);
            var users = storage.tablespace(StorageEngine.USERS);
            int gone = catalog.newObjectId();
            int kept = catalog.newObjectId();
            int rows = 25_123;
            try (var txn = storage.begin()) {
                for (int i = 0; i < rows; i++) {
                    txn.put(users, KeyCodec.encodeKey(gone, List.of(DataType.INTEGER), new Object[] {i}), new byte[] {1});
                }
                txn.put(users, KeyCodec.encodeKey(kept, List.of(DataType.INTEGER), new Object[] {0}), new byte[] {2});
                txn.commit();
            }
            catalog.deleteObject(StorageEngine.USERS, gone);
            try (var txn = storage.begin()) {
                txn.beginStatement();
                try (var it = txn.scan(users, KeyCodec.objectPrefix(gone), KeyCodec.objectPrefixEnd(kept))) {
                    assertTrue(it.next());
                    assertArrayEquals(KeyCodec.encodeKey(kept, List.of(DataType.INTEGER), new Object[] {0}), it.key());
                    assertFalse(it.next());
                }
            }
        }
    }

    @Test
    void retiredObjectsAreRemovedInTheBackgroundAndAfterARestart() throws Exception {
        int first;
        int second;
        try (StorageEngine storage = open()) {
            Catalog catalog = Catalog.load(storage);
            first = catalog.newObjectId();
            second = catalog.newObjectId();
            fill(storage, first, 30_000);
            catalog.retireObject(StorageEngine.USERS, first);
            assertTrue(catalog.awaitRetiredObjectsRemoved(60_000));
            assertEquals(0, count(storage, first));
            fill(storage, second, 30_000);
            // stop the reaper before it starts: the retirement is durable, the removal is not done
            catalog.close();
            catalog.retireObject(StorageEngine.USERS, second);
            assertEquals(30_000, count(storage, second));
        }
        try (StorageEngine storage = open()) {
            Catalog catalog = Catalog.load(storage);
            assertTrue(catalog.awaitRetiredObjectsRemoved(60_000));
            assertEquals(0, count(storage, second), "the restart resumed the removal");
            catalog.close();
        }
    }

    private static void fill(StorageEngine storage, int objectId, int rows) {
        var users = storage.tablespace(StorageEngine.USERS);
        try (var txn = storage.begin()) {
            for (int i = 0; i < rows; i++) {
                txn.put(users, KeyCodec.encodeKey(objectId, List.of(DataType.INTEGER), new Object[] {i}), new byte[] {1});
            }
            txn.commit();
        }
    }

    private static int count(StorageEngine storage, int objectId) {
        var users = storage.tablespace(StorageEngine.USERS);
        int n = 0;
        try (var txn = storage.begin()) {
            txn.beginStatement();
            try (var it = txn.scan(users, KeyCodec.objectPrefix(objectId), KeyCodec.objectPrefixEnd(objectId))) {
                while (it.next()) {
                    n++;
                }
            }
        }
        return n;
    }
}
