package io.rustydb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    @Test
    void readsReferenceDefaults() {
        StorageSettings s = StorageSettings.create(ConfigFactory.defaultReference());
        assertEquals(Path.of("./data"), s.dataDir());
        assertEquals(8192, s.pageSize());
        assertEquals(8_192_000L, s.bufferPoolSize());
        assertEquals(1000, s.bufferPoolPages());
        assertEquals(WalSyncMode.LOCAL, s.walSyncMode());
        assertEquals(Duration.ZERO, s.lockTimeout());
        assertEquals(-1, s.rocksLockTimeoutMillis());
    }

    @Test
    void readsOverridesWithUnits() {
        StorageSettings s = StorageSettings.create(config(
                "rustydb.memory.buffer_pool_size = 64M, rustydb.wal.sync_mode = OFF, "
                        + "rustydb.transaction.lock_timeout = 2s, rustydb.storage.page_size = 16384"));
        assertEquals(64L * 1024 * 1024, s.bufferPoolSize());
        assertEquals(16384, s.pageSize());
        assertEquals(WalSyncMode.OFF, s.walSyncMode());
        assertEquals(2000, s.rocksLockTimeoutMillis());
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        assertKey("rustydb.storage.page_size", "rustydb.storage.page_size = 3000");
        assertKey("rustydb.storage.page_size", "rustydb.storage.page_size = 131072");
        assertKey("rustydb.storage.page_size", "rustydb.storage.page_size = 512");
        assertKey("rustydb.memory.buffer_pool_size", "rustydb.memory.buffer_pool_size = 1000");
        assertKey("rustydb.wal.sync_mode", "rustydb.wal.sync_mode = sometimes");
    }

    @Test
    void parsesSynchronousCommitSpellings() {
        for (String on : new String[] {"local", "ON", "remote_write", "Remote_Apply", " on "}) {
            assertEquals(WalSyncMode.LOCAL, WalSyncMode.parse(on), on);
        }
        assertEquals(WalSyncMode.OFF, WalSyncMode.parse("Off"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WalSyncMode.parse("fast"));
        assertTrue(e.getMessage().contains("fast") && e.getMessage().contains("remote_apply"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalSyncMode.parse(null));
    }

    private static void assertKey(String key, String override) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorageSettings.create(config(override)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    private static Config config(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }
}
