package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.common.types.text.PgDateTimeText;
import io.rustydb.common.types.text.PgFloatText;
import io.rustydb.common.types.text.PgText;
import io.rustydb.common.types.text.PgTextCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Converts between the Java value of each {@link DataType} and its PostgreSQL text (format 0) or
 * binary (format 1) wire form, exactly as PostgreSQL 15 prints and accepts them.
 */
final class PgTypeCodec {
    static final short TEXT = 0;
    static final short BINARY = 1;

    private PgTypeCodec() {
    }

    /** The text form of a non-null value. */
    static String encodeText(DataType type, Object value) {
        return PgText.format(type, value);
    }

    /** Writes the binary form of a non-null value (without its length prefix). */
    static void writeBinary(PgBuffer b, DataType type, Object value) {
        PgBinaryCodec.write(b, type, value);
    }

    /** The binary form of a non-null value. */
    static byte[] encodeBinary(DataType type, Object value) {
        PgBuffer b = new PgBuffer(16);
        PgBinaryCodec.write(b, type, value);
        return b.toByteArray();
    }

    /** Parses text input into the Java value of {@code type}; bad input throws 22P02 / 22003 / 22007. */
    static Object decodeText(DataType type, String text) {
        return switch (type) {
            case BOOLEAN -> PgTextCodec.parseBoolean(text);
            case SMALLINT -> PgTextCodec.parseSmallint(text);
            case INTEGER -> PgTextCodec.parseInt(text);
            case BIGINT -> PgTextCodec.parseBigint(text);
            case REAL -> PgFloatText.parseFloat(text);
            case DOUBLE -> PgFloatText.parseDouble(text);
            case NUMERIC -> PgTextCodec.parseNumeric(text);
            case CHAR, VARCHAR, TEXT -> text;
            case DATE -> PgDateTimeText.parseDate(text);
            case TIMESTAMP -> PgDateTimeText.parseTimestamp(text);
            case INTERVAL -> io.rustydb.common.types.Interval.parse(text);
        };
    }

    /** Parses binary input; malformed bytes throw {@link IllegalArgumentException}. */
    static Object decodeBinary(DataType type, byte[] bytes) {
        return PgBinaryCodec.read(type, bytes);
    }

    /**
     * Decodes one Bind parameter. A parameter whose type the engine could not infer ({@code null})
     * is passed on as its text; binary data in a bad layout is 22P03, as PostgreSQL reports it.
     */
    static Object decodeParameter(DataType type, short format, byte[] bytes, int parameterNumber) {
        if (bytes == null) {
            return null;
        }
        if (format == TEXT) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return type == null ? text : decodeText(type, text);
        }
        if (format != BINARY) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "unsupported format code: " + format);
        }
        try {
            return decodeBinary(type == null ? DataType.TEXT : type, bytes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw PgWireException.error("22P03",
                    "incorrect binary data format in bind parameter " + parameterNumber);
        }
    }

    static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(value.toString());
    }
}
