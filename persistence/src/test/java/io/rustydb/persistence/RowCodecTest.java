package io.rustydb.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final List<DataType> ALL = List.of(DataType.BOOLEAN, DataType.SMALLINT, DataType.INTEGER,
            DataType.BIGINT, DataType.REAL, DataType.DOUBLE, DataType.NUMERIC, DataType.CHAR, DataType.VARCHAR,
            DataType.TEXT, DataType.DATE, DataType.TIMESTAMP);

    @Test
    void roundTripsEveryType() {
        Object[] row = {true, (short) -7, Integer.MIN_VALUE, Long.MAX_VALUE, -1.25f, Double.NaN,
            new BigDecimal("-12345.67890"), "ab ", "h\u00e9llo \ud83d\ude00", "a\u0000b", 19000, -86_400_000L};
        Object[] back = RowCodec.decode(RowCodec.encode(ALL, row), ALL);
        assertArrayEquals(row, back);
        assertEquals(5, ((BigDecimal) back[6]).scale(), "numeric scale is kept in rows");
    }

    @Test
    void roundTripsExtremesAndEmptyValues() {
        Object[] row = {false, Short.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, -0.0f, Double.NEGATIVE_INFINITY,
            BigDecimal.ZERO, "", "", "", Integer.MIN_VALUE, Long.MAX_VALUE};
        assertArrayEquals(row, RowCodec.decode(RowCodec.encode(ALL, row), ALL));
    }

    @Test
    void roundTripsNulls() {
        Object[] row = new Object[ALL.size()];
        assertArrayEquals(row, RowCodec.decode(RowCodec.encode(ALL, row), ALL));
        row[3] = 5L;
        row[9] = "x";
        assertArrayEquals(row, RowCodec.decode(RowCodec.encode(ALL, row), ALL));
    }

    @Test
    void decodesAddedColumnsAsNullAndIgnoresDroppedTrailingOnes() {
        List<DataType> v1 = List.of(DataType.INTEGER, DataType.TEXT);
        byte[] stored = RowCodec.encode(v1, new Object[] {1, "abc"});
        List<DataType> v2 = List.of(DataType.INTEGER, DataType.TEXT, DataType.BIGINT, DataType.BOOLEAN);
        assertArrayEquals(new Object[] {1, "abc", null, null}, RowCodec.decode(stored, v2));
        assertArrayEquals(new Object[] {1}, RowCodec.decode(stored, List.of(DataType.INTEGER)));
    }

    @Test
    void manyColumnsUseAMultiByteNullBitmap() {
        List<DataType> types = new ArrayList<>(Collections.nCopies(20, DataType.INTEGER));
        Object[] row = new Object[20];
        for (int i = 0; i < 20; i++) {
            row[i] = i % 3 == 0 ? null : i * 1000;
        }
        assertArrayEquals(row, RowCodec.decode(RowCodec.encode(types, row), types));
    }

    @Test
    void encodingIsCompact() {
        byte[] data = RowCodec.encode(List.of(DataType.INTEGER, DataType.TEXT, DataType.BIGINT),
                new Object[] {1, "abc", null});
        assertTrue(data.length < 12, "row is " + data.length + " bytes");
    }

    @Test
    void rejectsMismatchedValues() {
        assertThrows(IllegalArgumentException.class,
                () -> RowCodec.encode(List.of(DataType.INTEGER), new Object[] {1L}));
        assertThrows(IllegalArgumentException.class,
                () -> RowCodec.encode(List.of(DataType.TEXT), new Object[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RowCodec.encode(List.of(DataType.TEXT, DataType.TEXT), new Object[] {"a"}));
        assertThrows(IllegalArgumentException.class,
                () -> RowCodec.decode(new byte[] {9, 1, 0}, List.of(DataType.INTEGER)));
    }
}
