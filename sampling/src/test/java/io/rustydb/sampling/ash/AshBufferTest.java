package io.rustydb.sampling.ash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rustydb.common.session.WaitClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshBufferTest {

    static AshSample sample(long id, long time) {
        return new AshSample(id, time, 1000, 1, 1, "u", "p", "a", 0, "sql" + id, "text", 1, 0, AshSample.ON_CPU,
                WaitClass.CPU, null, 0, 0, 0, null, null, -1, -1);
    }

    @Test
    void wrapsKeepingTheNewestSamples() {
        AshBuffer buffer = new AshBuffer(3);
        assertNull(buffer.oldest());
        for (long i = 1; i <= 5; i++) {
            buffer.append(sample(i, i * 1000));
        }
        assertEquals(3, buffer.size());
        assertEquals(2, buffer.overwritten());
        assertEquals(5, buffer.appended());
        assertEquals(List.of(3L, 4L, 5L), buffer.select(s -> true).stream().map(AshSample::sampleId).toList());
        assertEquals(List.of(5L, 4L), buffer.newest(s -> true, 2).stream().map(AshSample::sampleId).toList());
        assertEquals(3, buffer.oldest().sampleId());
        assertEquals(5, buffer.newest().sampleId());
    }

    @Test
    void expiresSamplesOlderThanTheRetention() {
        AshBuffer buffer = new AshBuffer(10);
        for (long i = 1; i <= 5; i++) {
            buffer.append(sample(i, i * 1000));
        }
        buffer.expireBefore(3500);
        assertEquals(List.of(4L, 5L), buffer.select(s -> true).stream().map(AshSample::sampleId).toList());
        assertEquals(3, buffer.expired());
    }

    @Test
    void resizingKeepsTheNewestThatFit() {
        AshBuffer buffer = new AshBuffer(4);
        for (long i = 1; i <= 6; i++) {
            buffer.append(sample(i, i));
        }
        buffer.resize(2);
        assertEquals(List.of(5L, 6L), buffer.select(s -> true).stream().map(AshSample::sampleId).toList());
        buffer.resize(5);
        buffer.append(sample(7, 7));
        assertEquals(List.of(5L, 6L, 7L), buffer.select(s -> true).stream().map(AshSample::sampleId).toList());
        assertEquals(4, buffer.overwritten());
    }
}
