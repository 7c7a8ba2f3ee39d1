package io.rustydb.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class PgSettingsTest {

    @Test
    void defaultsFromReferenceConf() {
        PgSettings s = PgSettings.create(ConfigFactory.load());
        assertEquals(new PgSettings("127.0.0.1", 5432, 1024, 1 << 30), s);
    }

    @Test
    void overrides() {
        PgSettings s = PgSettings.create(ConfigFactory.parseString(
                "rustydb.server { listen_host = \"0.0.0.0\", listen_port = 6543, backlog = 16, max_message_size = 64M }")
                .withFallback(ConfigFactory.load()));
        assertEquals(new PgSettings("0.0.0.0", 6543, 16, 64 << 20), s);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PgSettings.create(ConfigFactory
                .parseString("rustydb.server.listen_port = 70000").withFallback(ConfigFactory.load())));
    }
}
