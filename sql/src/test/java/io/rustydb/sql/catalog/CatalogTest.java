package io.rustydb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
