package io.rustydb.persistence.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.Test;

/** The Kryo serializer: round trips, its binding in Pekko, and reading data written by older classes. */
class KryoSerializerTest {
    private final KryoSerializer serializer = new KryoSerializer(getClass().getClassLoader());

    @Test
    void roundTripsRecordsCollectionsAndPlainClasses() throws NotSerializableException {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", null);
        Samples.Everything e = new Samples.Everything(-7, Long.MAX_VALUE, 0.25, true, 'ß', "text", null,
                new byte[] {1, 2, 3}, new BigDecimal("12345.6789"), new UUID(1, 2), Duration.ofMillis(1500),
                Instant.parse("2025-06-01T10:00:00.123456Z"),
                List.of(new Samples.Metric("db_time", "s", 1.5)), Stream.of("x", "y").toList(),
                Collections.unmodifiableList(Arrays.asList("a", null)), new ArrayList<>(List.of(1, 2)),
                Map.of("k", 3), Collections.unmodifiableMap(ordered), Set.of(Samples.Level.HIGH), Optional.of("o"),
                new Samples.Counter("commits", 9, 2));
        Samples.Everything back = (Samples.Everything) serializer.fromBinary(serializer.toBinary(e),
                serializer.manifest(e));
        assertEquals(e.i(), back.i());
        assertEquals(e.l(), back.l());
        assertEquals(e.d(), back.d());
        assertEquals(e.b(), back.b());
        assertEquals(e.c(), back.c());
        assertEquals(e.s(), back.s());
        assertNull(back.missing());
        assertArrayEquals(e.bytes(), back.bytes());
        assertEquals(e.decimal(), back.decimal());
        assertEquals(e.uuid(), back.uuid());
        assertEquals(e.duration(), back.duration());
        assertEquals(e.at(), back.at());
        assertEquals(e.immutableList(), back.immutableList());
        assertEquals(e.streamed(), back.streamed());
        assertEquals(e.withNull(), back.withNull());
        assertEquals(e.arrayList(), back.arrayList());
        assertEquals(ArrayList.class, back.arrayList().getClass());
        assertEquals(e.immutableMap(), back.immutableMap());
        assertEquals(List.of("z", "a"), List.copyOf(back.ordered().keySet()));
        assertNull(back.ordered().get("a"));
        assertEquals(e.levels(), back.levels());
        assertEquals(e.optional(), back.optional());
        assertEquals("commits", back.counter().name);
        assertEquals(9, back.counter().count);
        assertEquals(2, back.counter().version);
        assertThrows(UnsupportedOperationException.class, () -> back.immutableList().add(null));
    }

    @Test
    void readsEventsWrittenBeforeFieldsWereAdded() throws Exception {
        // written by the classes as they were before note, unit, MEDIUM and version existed
        Samples.SampleTaken old = (Samples.SampleTaken) serializer.fromBinary(golden("sample-taken-v1.hex"),
                Samples.SampleTaken.class.getName());
        assertEquals(new Samples.SampleTaken(42, null, Instant.parse("2025-01-02T03:04:05.006Z"),
                List.of(new Samples.Metric("db_time", null, 12.5), new Samples.Metric("cpu", null, 3.25)),
                Map.of("db file sequential read", 17L), Samples.Level.HIGH), old);

        Samples.Counter counter = (Samples.Counter) serializer.fromBinary(golden("counter-v1.hex"),
                Samples.Counter.class.getName());
        assertEquals("commits", counter.name);
        assertEquals(7, counter.count);
        assertEquals(0, counter.version);
    }

    @Test
    void readsNewerEventsIntoAClassWithFewerFields() throws NotSerializableException {
        Samples.SampleTaken newer = new Samples.SampleTaken(5, "n", Instant.EPOCH, List.of(), Map.of("w", 1L),
                Samples.Level.MEDIUM);
        Object fewer = serializer.fromBinary(serializer.toBinary(newer), Samples.SampleTakenWithoutWaits.class.getName());
        assertEquals(new Samples.SampleTakenWithoutWaits(5, Samples.Level.MEDIUM), fewer);
        Object older = serializer.fromBinary(serializer.toBinary(new Samples.SampleTakenWithoutWaits(6, null)),
                Samples.SampleTaken.class.getName());
        assertEquals(new Samples.SampleTaken(6, null, null, null, null, null), older);
    }

    @Test
    void refusesClassesThatDidNotOptIn() {
        assertThrows(IllegalArgumentException.class, () -> serializer.toBinary(new Samples.Metric("a", "b", 1)));
        NotSerializableException e = assertThrows(NotSerializableException.class,
                () -> serializer.fromBinary(new byte[] {1}, Samples.Metric.class.getName()));
        assertTrue(e.getMessage().contains("does not implement"), e.getMessage());
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[] {1}, "no.such.Class"));
        assertThrows(NotSerializableException.class,
                () -> serializer.fromBinary(new byte[] {9}, Samples.SampleTaken.class.getName()));
    }

    @Test
    void pekkoSerializesMarkedClassesWithIt() {
        ActorSystem system = ActorSystem.create("kryo-test", ConfigFactory.load());
        try {
            Serialization serialization = SerializationExtension.get(system);
            Samples.SampleTaken event = new Samples.SampleTaken(1, "x", Instant.EPOCH, List.of(), Map.of(),
                    Samples.Level.LOW);
            assertEquals(KryoSerializer.IDENTIFIER, serialization.findSerializerFor(event).identifier());
            assertEquals(KryoSerializer.IDENTIFIER, serialization.findSerializerFor(new Samples.Counter()).identifier());
            byte[] bytes = serialization.serialize(event).get();
            assertEquals(event, serialization.deserialize(bytes, KryoSerializer.IDENTIFIER,
                    Samples.SampleTaken.class.getName()).get());
            assertEquals("rustydb.persistence.journal", system.settings().config().getString(
                    "pekko.persistence.journal.plugin"));
            assertEquals("rustydb.persistence.snapshot-store", system.settings().config().getString(
                    "pekko.persistence.snapshot-store.plugin"));
        } finally {
            TestKit.shutdownActorSystem(system);
        }
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = KryoSerializerTest.class.getResourceAsStream("/kryo/" + name)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }
}
