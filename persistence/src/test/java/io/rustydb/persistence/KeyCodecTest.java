package io.rustydb.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    private static final int ID = 42;
    private static final String ALPHABET = "\u0000\u0001a b~\u007f\u00e9\u00ff\u4e2d\uffff\ud83d\ude00";

    @Test
    void roundTripsEveryTypeWithExtremes() {
        roundTrip(DataType.BOOLEAN, true, false, null);
        roundTrip(DataType.SMALLINT, (short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE, null);
        roundTrip(DataType.INTEGER, 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, null);
        roundTrip(DataType.BIGINT, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, null);
        roundTrip(DataType.DATE, 0, -719162, 2932896, null);
        roundTrip(DataType.TIMESTAMP, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, null);
        roundTrip(DataType.REAL, 0.0f, 1.5f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MAX_VALUE, null);
        roundTrip(DataType.DOUBLE, 0.0d, 1.5d, -1.5d, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, null);
        roundTrip(DataType.TEXT, "", "abc", "a\u0000b", "\u0000", "\u0000\u0000", "h\u00e9llo \u4e2d \ud83d\ude00", null);
        roundTrip(DataType.VARCHAR, "", "x", null);
        roundTrip(DataType.CHAR, "ab ", null);
        roundTrip(DataType.NUMERIC, new BigDecimal("-1e-30"), BigDecimal.ZERO, new BigDecimal("12345.6789"),
                new BigDecimal("1e30"), new BigDecimal("-12345.6789"), new BigDecimal("0.001"),
                new BigDecimal("99.99"), new BigDecimal("-1"), new BigDecimal("1234567890123456789012345678901234567890"),
                null);
    }

    @Test
    void negativeZeroEncodesAsZero() {
        assertArrayEquals(key(DataType.DOUBLE, 0.0d), key(DataType.DOUBLE, -0.0d));
        assertArrayEquals(key(DataType.REAL, 0.0f), key(DataType.REAL, -0.0f));
        assertEquals(0.0d, decode(DataType.DOUBLE, key(DataType.DOUBLE, -0.0d)));
    }

    @Test
    void numericTrailingZerosDoNotMatter() {
        assertArrayEquals(key(DataType.NUMERIC, new BigDecimal("1.0")), key(DataType.NUMERIC, new BigDecimal("1.00")));
        assertArrayEquals(key(DataType.NUMERIC, new BigDecimal("0.00")), key(DataType.NUMERIC, BigDecimal.ZERO));
        assertArrayEquals(key(DataType.NUMERIC, new BigDecimal("1E+2")), key(DataType.NUMERIC, new BigDecimal("100")));
    }

    @Test
    void encodedOrderMatchesSqlOrderForEveryType() {
        Random r = new Random(20240611L);
        checkOrder(DataType.BOOLEAN, () -> r.nextBoolean(), Comparator.<Boolean>naturalOrder(), r);
        checkOrder(DataType.SMALLINT, () -> (short) r.nextInt(), Comparator.<Short>naturalOrder(), r,
                Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1);
        checkOrder(DataType.INTEGER, () -> r.nextBoolean() ? r.nextInt() : r.nextInt(200) - 100,
                Comparator.<Integer>naturalOrder(), r, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
        checkOrder(DataType.DATE, () -> r.nextInt(2_000_000) - 1_000_000, Comparator.<Integer>naturalOrder(), r);
        checkOrder(DataType.BIGINT, () -> r.nextBoolean() ? r.nextLong() : (long) r.nextInt(200) - 100,
                Comparator.<Long>naturalOrder(), r, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
        checkOrder(DataType.TIMESTAMP, r::nextLong, Comparator.<Long>naturalOrder(), r);
        Comparator<Float> floats = (a, b) -> Float.compare(a == 0f ? 0f : a, b == 0f ? 0f : b);
        checkOrder(DataType.REAL, () -> r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : r.nextInt(20) - 10f,
                floats, r, 0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE);
        Comparator<Double> doubles = (a, b) -> Double.compare(a == 0d ? 0d : a, b == 0d ? 0d : b);
        checkOrder(DataType.DOUBLE, () -> r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian(),
                doubles, r, 0.0d, -0.0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE);
        checkOrder(DataType.TEXT, () -> randomString(r), KeyCodecTest::compareCodePoints, r, "", "\u0000", "a",
                "a\u0000", "a\u0000\u0000", "a\u0001", "ab");
        checkOrder(DataType.VARCHAR, () -> randomString(r), KeyCodecTest::compareCodePoints, r);
        checkOrder(DataType.NUMERIC, () -> randomDecimal(r), Comparator.<BigDecimal>naturalOrder(), r,
                BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-1e-30"), new BigDecimal("1e30"),
                new BigDecimal("1"), new BigDecimal("1.0"), new BigDecimal("10"), new BigDecimal("9.99"),
                new BigDecimal("0.1"), new BigDecimal("0.11"), new BigDecimal("-0.1"), new BigDecimal("-0.11"));
    }

    @Test
    void compositeKeysOrderColumnByColumn() {
        List<DataType> types = List.of(DataType.INTEGER, DataType.VARCHAR);
        Random r = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new Object[] {r.nextInt(10) == 0 ? null : r.nextInt(7) - 3,
                r.nextInt(10) == 0 ? null : randomString(r)});
        }
        Comparator<Object[]> sql = Comparator
                .comparing((Object[] row) -> (Integer) row[0], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(row -> (String) row[1], Comparator.nullsLast(KeyCodecTest::compareCodePoints));
        rows.sort(sql);
        for (int i = 1; i < rows.size(); i++) {
            int expected = Integer.signum(sql.compare(rows.get(i - 1), rows.get(i)));
            int actual = Integer.signum(Arrays.compareUnsigned(KeyCodec.encodeKey(ID, types, rows.get(i - 1)),
                    KeyCodec.encodeKey(ID, types, rows.get(i))));
            assertEquals(expected, actual, () -> "composite order broken");
        }
    }

    @Test
    void prefixBoundsSelectLeadingValues() {
        List<DataType> types = List.of(DataType.INTEGER, DataType.TEXT);
        byte[] lower = KeyCodec.encodePrefix(ID, types, new Object[] {3}, 1);
        byte[] upper = KeyCodec.prefixEnd(lower);
        for (int a = 1; a <= 5; a++) {
            for (String b : new String[] {"", "\u0000", "a", "zz", "\uffff"}) {
                byte[] k = KeyCodec.encodeKey(ID, types, new Object[] {a, b});
                boolean inRange = Arrays.compareUnsigned(k, lower) >= 0 && Arrays.compareUnsigned(k, upper) < 0;
                assertEquals(a == 3, inRange, a + "/" + b);
                boolean inObject = Arrays.compareUnsigned(k, KeyCodec.objectPrefix(ID)) >= 0
                        && Arrays.compareUnsigned(k, KeyCodec.objectPrefixEnd(ID)) < 0;
                assertTrue(inObject);
                assertTrue(Arrays.compareUnsigned(k, KeyCodec.objectPrefixEnd(ID - 1)) >= 0);
                assertTrue(Arrays.compareUnsigned(k, KeyCodec.objectPrefix(ID + 1)) < 0);
            }
        }
        byte[] nullKey = KeyCodec.encodeKey(ID, types, new Object[] {null, "x"});
        assertTrue(Arrays.compareUnsigned(nullKey, upper) > 0, "NULL sorts after values");
    }

    @Test
    void objectIdAndPrefixes() {
        byte[] k = KeyCodec.encodeKey(0x01020304, List.of(DataType.INTEGER), new Object[] {5});
        assertEquals(0x01020304, KeyCodec.objectId(k));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, KeyCodec.objectPrefix(0x01020304));
        assertArrayEquals(new byte[] {1, 2, 3, 5}, KeyCodec.objectPrefixEnd(0x01020304));
        assertArrayEquals(new byte[] {1, 3}, KeyCodec.prefixEnd(new byte[] {1, 2, (byte) 0xFF}));
        assertNull(KeyCodec.objectPrefixEnd(-1));
    }

    @Test
    void rejectsValuesOfTheWrongClass() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyCodec.encodeKey(ID, List.of(DataType.BIGINT), new Object[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> KeyCodec.encodeKey(ID, List.of(DataType.INTEGER, DataType.INTEGER), new Object[] {1}));
    }

    @SafeVarargs
    private static <T> void checkOrder(DataType type, Supplier<T> gen, Comparator<T> cmp, Random r, T... specials) {
        List<T> values = new ArrayList<>();
        for (T special : specials) {
            values.add(special);
        }
        for (int i = 0; i < 3000; i++) {
            values.add(r.nextInt(50) == 0 ? null : gen.get());
        }
        values.add(null);
        Comparator<T> sql = Comparator.nullsLast(cmp);
        List<byte[]> keys = new ArrayList<>();
        for (T v : values) {
            keys.add(key(type, v));
        }
        values.sort(sql);
        for (int i = 1; i < values.size(); i++) {
            T a = values.get(i - 1);
            T b = values.get(i);
            int expected = Integer.signum(sql.compare(a, b));
            int actual = Integer.signum(Arrays.compareUnsigned(key(type, a), key(type, b)));
            assertEquals(expected, actual, () -> type + ": " + a + " vs " + b);
        }
        keys.sort(Arrays::compareUnsigned);
        for (int i = 0; i < values.size(); i++) {
            Object decoded = decode(type, keys.get(i));
            assertEquals(0, sql.compare(values.get(i), cast(decoded)), type + " at " + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static void roundTrip(DataType type, Object... values) {
        for (Object v : values) {
            Object back = decode(type, key(type, v));
            if (v instanceof BigDecimal d) {
                assertEquals(0, d.compareTo((BigDecimal) back), v + " -> " + back);
            } else {
                assertEquals(v, back, type + " " + v);
            }
        }
        List<DataType> all = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            all.add(type);
        }
        Object[] decoded = KeyCodec.decodeKey(KeyCodec.encodeKey(ID, all, values), all);
        assertEquals(values.length, decoded.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof BigDecimal d) {
                assertEquals(0, d.compareTo((BigDecimal) decoded[i]));
            } else {
                assertEquals(values[i], decoded[i]);
            }
        }
    }

    private static byte[] key(DataType type, Object value) {
        return KeyCodec.encodeKey(ID, List.of(type), new Object[] {value});
    }

    private static Object decode(DataType type, byte[] key) {
        assertEquals(ID, KeyCodec.objectId(key));
        return KeyCodec.decodeKey(key, List.of(type))[0];
    }

    private static String randomString(Random r) {
        int[] cps = ALPHABET.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    private static BigDecimal randomDecimal(Random r) {
        BigInteger unscaled = new BigInteger(r.nextInt(120), r);
        if (r.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, r.nextInt(60) - 30);
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
