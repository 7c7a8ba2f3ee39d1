package io.rustydb.pgwire;

import static io.rustydb.pgwire.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.common.types.text.PgDateTimeText;
import io.rustydb.common.types.text.PgFloatText;
import io.rustydb.common.types.text.PgTextCodec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgTypeCodecTest {

    private static long millis(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static int days(String isoDate) {
        return (int) LocalDate.parse(isoDate).toEpochDay();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|1.5", "1e20|1e+20", "0.0001|0.0001", "1e-5|1e-05", "0.1|0.1", "100|100", "-2.5|-2.5",
        "123456789012345|123456789012345", "1e15|1e+15", "1234567890123456|1.234567890123456e+15",
        "12345.678|12345.678", "2.5e-5|2.5e-05", "0.00012|0.00012", "1e100|1e+100", "1e23|1e+23",
        "1.7976931348623157e308|1.7976931348623157e+308", "4.9e-324|5e-324", "0.30000000000000004|0.30000000000000004",
        "0|0", "-0.0|-0", "5e-324|5e-324", "2.2250738585072014e-308|2.2250738585072014e-308",
        "9007199254740993|9.007199254740992e+15", "3.141592653589793|3.141592653589793", "1e-4|0.0001",
        "123e-7|1.23e-05", "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity"})
    void float8TextOutput(String input, String expected) {
        assertEquals(expected, PgTypeCodec.encodeText(DataType.DOUBLE, Double.parseDouble(input)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|1.5", "0.1|0.1", "123456|123456", "1234567|1.234567e+06", "1e6|1e+06", "1.1|1.1",
        "3.4028235e38|3.4028235e+38", "1e-5|1e-05", "0.33333334|0.33333334", "-0.0|-0", "1.4e-45|1e-45",
        "100000|100000", "16777217|1.6777216e+07"})
    void float4TextOutput(String input, String expected) {
        assertEquals(expected, PgTypeCodec.encodeText(DataType.REAL, Float.parseFloat(input)));
    }

    @Test
    void floatTextRoundTripsAndIsShortest() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            String text = PgFloatText.formatDouble(d);
            assertEquals(d, PgFloatText.parseDouble(text), text);
            String digits = text.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "").replaceFirst("^0+", "");
            assertEquals(true, digits.length() <= 17, text);
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f)) {
                String ft = PgFloatText.formatFloat(f);
                assertEquals(f, PgFloatText.parseFloat(ft), ft);
            }
        }
    }

    @Test
    void floatTextInput() {
        assertEquals(1.5, PgTypeCodec.decodeText(DataType.DOUBLE, " 1.5 "));
        assertEquals(Double.NEGATIVE_INFINITY, PgTypeCodec.decodeText(DataType.DOUBLE, "-Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, PgTypeCodec.decodeText(DataType.DOUBLE, "inf"));
        assertEquals(Double.NaN, PgTypeCodec.decodeText(DataType.DOUBLE, "nan"));
        assertEquals(-0.5, PgTypeCodec.decodeText(DataType.DOUBLE, "-.5"));
        assertEquals(0.0, PgTypeCodec.decodeText(DataType.DOUBLE, "0e10"));
        assertEquals(1.25f, PgTypeCodec.decodeText(DataType.REAL, "1.25"));
        RustyDbException e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.DOUBLE, "1e400"));
        assertEquals("22003", e.sqlState());
        assertEquals("\"1e400\" is out of range for type double precision", e.getMessage());
        assertEquals("22003", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeText(DataType.DOUBLE, "1e-400")).sqlState());
        assertEquals("22003", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeText(DataType.REAL, "1e39")).sqlState());
        e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.DOUBLE, "1.5d"));
        assertEquals("22P02", e.sqlState());
        assertEquals("invalid input syntax for type double precision: \"1.5d\"", e.getMessage());
    }

    @Test
    void booleanText() {
        for (String t : List.of("t", "TRUE", " yes ", "on", "1", "tr", "y")) {
            assertEquals(true, PgTypeCodec.decodeText(DataType.BOOLEAN, t), t);
        }
        for (String f : List.of("f", "False", "no", "off", "OF", "0", "n")) {
            assertEquals(false, PgTypeCodec.decodeText(DataType.BOOLEAN, f), f);
        }
        for (String bad : List.of("o", "maybe", "", "10", "truee")) {
            RustyDbException e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.BOOLEAN, bad));
            assertEquals("22P02", e.sqlState());
            assertEquals("invalid input syntax for type boolean: \"" + bad + "\"", e.getMessage());
        }
        assertEquals("t", PgTypeCodec.encodeText(DataType.BOOLEAN, true));
        assertEquals("f", PgTypeCodec.encodeText(DataType.BOOLEAN, false));
    }

    @Test
    void integerText() {
        assertEquals(42, PgTypeCodec.decodeText(DataType.INTEGER, " 42 "));
        assertEquals(7, PgTypeCodec.decodeText(DataType.INTEGER, "+7"));
        assertEquals(Integer.MIN_VALUE, PgTypeCodec.decodeText(DataType.INTEGER, "-2147483648"));
        assertEquals((short) -32768, PgTypeCodec.decodeText(DataType.SMALLINT, "-32768"));
        assertEquals(Long.MAX_VALUE, PgTypeCodec.decodeText(DataType.BIGINT, "9223372036854775807"));
        assertEquals(Long.MIN_VALUE, PgTypeCodec.decodeText(DataType.BIGINT, "-9223372036854775808"));
        RustyDbException e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.INTEGER, "2147483648"));
        assertEquals("22003", e.sqlState());
        assertEquals("value \"2147483648\" is out of range for type integer", e.getMessage());
        assertEquals("value \"32768\" is out of range for type smallint", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeText(DataType.SMALLINT, "32768")).getMessage());
        assertEquals("value \"9223372036854775808\" is out of range for type bigint", assertThrows(
                RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.BIGINT, "9223372036854775808")).getMessage());
        for (String bad : List.of("12a", "", "-", "1.0", "0x10", "1 2")) {
            e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.INTEGER, bad));
            assertEquals("22P02", e.sqlState(), bad);
            assertEquals("invalid input syntax for type integer: \"" + bad + "\"", e.getMessage());
        }
        assertEquals("-12", PgTypeCodec.encodeText(DataType.INTEGER, -12));
        assertEquals("5", PgTypeCodec.encodeText(DataType.SMALLINT, (short) 5));
        assertEquals("9223372036854775807", PgTypeCodec.encodeText(DataType.BIGINT, Long.MAX_VALUE));
    }

    @Test
    void numericText() {
        assertEquals(new BigDecimal("1.50"), PgTypeCodec.decodeText(DataType.NUMERIC, "1.50"));
        assertEquals(new BigDecimal("1000"), PgTypeCodec.decodeText(DataType.NUMERIC, "1e3"));
        assertEquals(new BigDecimal("0.150"), PgTypeCodec.decodeText(DataType.NUMERIC, "1.50e-1"));
        assertEquals(new BigDecimal("-0.5"), PgTypeCodec.decodeText(DataType.NUMERIC, " -.5 "));
        assertEquals("22P02", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeText(DataType.NUMERIC, "1.2.3")).sqlState());
        assertEquals("1.50", PgTypeCodec.encodeText(DataType.NUMERIC, new BigDecimal("1.50")));
        assertEquals("1000", PgTypeCodec.encodeText(DataType.NUMERIC, new BigDecimal("1E+3")));
        assertEquals("0.00000001", PgTypeCodec.encodeText(DataType.NUMERIC, new BigDecimal("1E-8")));
    }

    @Test
    void dateText() {
        assertEquals("1970-01-01", PgTypeCodec.encodeText(DataType.DATE, 0));
        assertEquals("2024-02-29", PgTypeCodec.encodeText(DataType.DATE, days("2024-02-29")));
        assertEquals("0044-03-15 BC", PgTypeCodec.encodeText(DataType.DATE, (int) LocalDate.of(-43, 3, 15).toEpochDay()));
        assertEquals("10000-01-01", PgTypeCodec.encodeText(DataType.DATE, days("+10000-01-01")));
        assertEquals(days("2024-01-02"), PgTypeCodec.decodeText(DataType.DATE, "2024-01-02"));
        assertEquals(days("2024-01-02"), PgTypeCodec.decodeText(DataType.DATE, " 2024-1-2 "));
        assertEquals(days("2024-01-02"), PgTypeCodec.decodeText(DataType.DATE, "2024-01-02 +01"));
        assertEquals(days("2024-01-02"), PgTypeCodec.decodeText(DataType.DATE, "2024-01-02 10:11:12"));
        assertEquals((int) LocalDate.of(-43, 3, 15).toEpochDay(), PgTypeCodec.decodeText(DataType.DATE, "0044-03-15 BC"));
        assertEquals(0, PgTypeCodec.decodeText(DataType.DATE, "epoch"));
        RustyDbException e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.DATE, "2024-02-30"));
        assertEquals("22008", e.sqlState());
        assertEquals("date/time field value out of range: \"2024-02-30\"", e.getMessage());
        e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.DATE, "yesterday-ish"));
        assertEquals("22007", e.sqlState());
        assertEquals("invalid input syntax for type date: \"yesterday-ish\"", e.getMessage());
    }

    @Test
    void timestampText() {
        assertEquals("2009-02-13 23:31:30.123", PgTypeCodec.encodeText(DataType.TIMESTAMP, 1234567890123L));
        assertEquals("1970-01-01 00:00:01.5", PgTypeCodec.encodeText(DataType.TIMESTAMP, 1500L));
        assertEquals("1970-01-01 00:00:00.01", PgTypeCodec.encodeText(DataType.TIMESTAMP, 10L));
        assertEquals("1969-12-31 23:59:59.999", PgTypeCodec.encodeText(DataType.TIMESTAMP, -1L));
        assertEquals("2024-01-02 03:04:05", PgTypeCodec.encodeText(DataType.TIMESTAMP, millis("2024-01-02T03:04:05")));
        assertEquals("0001-12-31 23:00:00 BC", PgTypeCodec.encodeText(DataType.TIMESTAMP, millis("0000-12-31T23:00:00")));
        assertEquals(millis("2024-01-02T10:11:12.123"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02 10:11:12.123456+01"));
        assertEquals(millis("2024-01-02T10:11:12.124"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02T10:11:12.1235"));
        assertEquals(millis("2024-01-02T00:00:00"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02"));
        assertEquals(millis("2024-01-03T00:00:00"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02 24:00:00"));
        assertEquals(millis("2024-01-02T10:11:00"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02 10:11"));
        assertEquals(millis("0000-12-31T23:00:00"), PgTypeCodec.decodeText(DataType.TIMESTAMP, "0001-12-31 23:00:00 BC"));
        assertEquals("22008", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeText(DataType.TIMESTAMP, "2024-01-02 25:00:00")).sqlState());
        RustyDbException e = assertThrows(RustyDbException.class, () -> PgTypeCodec.decodeText(DataType.TIMESTAMP, "noon"));
        assertEquals("invalid input syntax for type timestamp: \"noon\"", e.getMessage());
    }

    @Test
    void textTypesPassThrough() {
        assertEquals("ab  ", PgTypeCodec.encodeText(DataType.CHAR, "ab  "));
        assertEquals("é", PgTypeCodec.decodeText(DataType.VARCHAR, "é"));
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), PgTypeCodec.encodeBinary(DataType.TEXT, "é"));
    }

    @Test
    void binaryFixedWidthLayouts() {
        assertArrayEquals(hex("01"), PgTypeCodec.encodeBinary(DataType.BOOLEAN, true));
        assertArrayEquals(hex("FFFE"), PgTypeCodec.encodeBinary(DataType.SMALLINT, (short) -2));
        assertArrayEquals(hex("000004D2"), PgTypeCodec.encodeBinary(DataType.INTEGER, 1234));
        assertArrayEquals(hex("7FFFFFFFFFFFFFFF"), PgTypeCodec.encodeBinary(DataType.BIGINT, Long.MAX_VALUE));
        assertArrayEquals(hex("3FC00000"), PgTypeCodec.encodeBinary(DataType.REAL, 1.5f));
        assertArrayEquals(hex("3FF8000000000000"), PgTypeCodec.encodeBinary(DataType.DOUBLE, 1.5));
        assertArrayEquals(hex("00000000"), PgTypeCodec.encodeBinary(DataType.DATE, days("2000-01-01")));
        assertArrayEquals(hex("FFFFD533"), PgTypeCodec.encodeBinary(DataType.DATE, 0));
        assertArrayEquals(hex("00000000000003E8"), PgTypeCodec.encodeBinary(DataType.TIMESTAMP, millis("2000-01-01T00:00:00.001")));
        assertArrayEquals(hex("FFFCA2FEC4C82000"), PgTypeCodec.encodeBinary(DataType.TIMESTAMP, 0L));
    }

    @Test
    void binaryRoundTrips() {
        List<Object[]> cases = List.of(
                new Object[] {DataType.BOOLEAN, false}, new Object[] {DataType.SMALLINT, (short) 300},
                new Object[] {DataType.INTEGER, -7}, new Object[] {DataType.BIGINT, 1L << 40},
                new Object[] {DataType.REAL, -0.25f}, new Object[] {DataType.DOUBLE, Math.PI},
                new Object[] {DataType.NUMERIC, new BigDecimal("-12345678.900")},
                new Object[] {DataType.VARCHAR, "naïve"}, new Object[] {DataType.DATE, days("1999-12-31")},
                new Object[] {DataType.TIMESTAMP, millis("2024-06-30T12:34:56.789")},
                new Object[] {DataType.TIMESTAMP, millis("1900-01-01T00:00:00.001")});
        for (Object[] c : cases) {
            DataType type = (DataType) c[0];
            byte[] bytes = PgTypeCodec.encodeBinary(type, c[1]);
            assertEquals(c[1], PgTypeCodec.decodeBinary(type, bytes), type.name());
            String text = PgTypeCodec.encodeText(type, c[1]);
            assertEquals(c[1], PgTypeCodec.decodeText(type, text), type.name() + " " + text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0000 0000 0000 0000",
        "0.00|0000 0000 0000 0002",
        "1|0001 0000 0000 0000 0001",
        "-1.5|0002 0000 4000 0001 0001 1388",
        "0.5|0001 FFFF 0000 0001 1388",
        "0.0001|0001 FFFF 0000 0004 0001",
        "0.00001|0001 FFFE 0000 0005 03E8",
        "12345678.9|0003 0001 0000 0001 04D2 162E 2328",
        "100000000|0001 0002 0000 0000 0001",
        "10000.0|0001 0001 0000 0001 0001",
        "-0.000123|0002 FFFF 4000 0006 0001 08FC",
        "9999|0001 0000 0000 0000 270F",
        "123456789012345678901234567890.123|0009 0007 0000 0003 000C 0D80 1ED2 04D2 162E 2334 0D80 1ED2 04CE"})
    void numericBinary(String value, String expectedHex) {
        BigDecimal v = new BigDecimal(value);
        byte[] expected = hex(expectedHex);
        assertArrayEquals(expected, PgTypeCodec.encodeBinary(DataType.NUMERIC, v));
        assertEquals(v, PgTypeCodec.decodeBinary(DataType.NUMERIC, expected));
    }

    @Test
    void numericBinaryRejectsNaNAndBadDigits() {
        assertThrows(IllegalArgumentException.class,
                () -> PgTypeCodec.decodeBinary(DataType.NUMERIC, hex("0000 0000 C000 0000")));
        assertThrows(IllegalArgumentException.class,
                () -> PgTypeCodec.decodeBinary(DataType.NUMERIC, hex("0001 0000 0000 0000 2710")));
        assertThrows(IllegalArgumentException.class,
                () -> PgTypeCodec.decodeBinary(DataType.NUMERIC, hex("0002 0000 0000 0000 0001")));
    }

    @Test
    void bindParameterDecoding() {
        assertEquals(5, PgTypeCodec.decodeParameter(DataType.INTEGER, PgTypeCodec.TEXT, "5".getBytes(), 1));
        assertEquals(5, PgTypeCodec.decodeParameter(DataType.INTEGER, PgTypeCodec.BINARY,
                ByteBuffer.allocate(4).putInt(5).array(), 1));
        assertEquals(null, PgTypeCodec.decodeParameter(DataType.INTEGER, PgTypeCodec.BINARY, null, 1));
        assertEquals("x", PgTypeCodec.decodeParameter(null, PgTypeCodec.TEXT, "x".getBytes(), 1));
        PgWireException e = assertThrows(PgWireException.class,
                () -> PgTypeCodec.decodeParameter(DataType.INTEGER, PgTypeCodec.BINARY, new byte[3], 2));
        assertEquals("22P03", e.error().sqlState());
        assertEquals("incorrect binary data format in bind parameter 2", e.error().message());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> PgTypeCodec.decodeParameter(DataType.INTEGER, (short) 2, new byte[4], 1)).sqlState());
    }
}
