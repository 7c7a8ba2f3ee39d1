package io.rustydb.pgwire;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary format (format code 1) of every {@link DataType}, as PostgreSQL's {@code *send} and
 * {@code *recv} functions define it: big-endian integers and IEEE floats, UTF-8 text, date as int32
 * days and timestamp as int64 microseconds since 2000-01-01, numeric as base-10000 digits.
 * Malformed input throws {@link IllegalArgumentException}; the caller maps it to 22P03.
 */
final class PgBinaryCodec {
    /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    static final int PG_EPOCH_DAYS = 10_957;
    static final long PG_EPOCH_MILLIS = PG_EPOCH_DAYS * 86_400_000L;

    private static final int NUMERIC_POS = 0x0000;
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_MAX_DSCALE = 0x3FFF;
    private static final BigInteger NBASE = BigInteger.valueOf(10_000);

    private PgBinaryCodec() {
    }

    static void write(PgBuffer b, DataType type, Object value) {
        switch (type) {
            case BOOLEAN -> b.writeByte((Boolean) value ? 1 : 0);
            case SMALLINT -> b.writeShort(((Number) value).shortValue());
            case INTEGER -> b.writeInt(((Number) value).intValue());
            case BIGINT -> b.writeLong(((Number) value).longValue());
            case REAL -> b.writeInt(Float.floatToIntBits(((Number) value).floatValue()));
            case DOUBLE -> b.writeLong(Double.doubleToLongBits(((Number) value).doubleValue()));
            case NUMERIC -> writeNumeric(b, PgTypeCodec.toBigDecimal(value));
            case CHAR, VARCHAR, TEXT -> b.writeUtf8(value.toString());
            case DATE -> b.writeInt(((Number) value).intValue() - PG_EPOCH_DAYS);
            case TIMESTAMP -> b.writeLong(Math.multiplyExact(((Number) value).longValue() - PG_EPOCH_MILLIS, 1000L));
            case INTERVAL -> {
                io.rustydb.common.types.Interval v = (io.rustydb.common.types.Interval) value;
                b.writeLong(v.micros());
                b.writeInt(v.days());
                b.writeInt(v.months());
            }
        }
    }

    static Object read(DataType type, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return switch (type) {
            case BOOLEAN -> {
                expectLength(bytes, 1);
                yield bytes[0] != 0;
            }
            case SMALLINT -> {
                expectLength(bytes, 2);
                yield in.getShort();
            }
            case INTEGER -> {
                expectLength(bytes, 4);
                yield in.getInt();
            }
            case BIGINT -> {
                expectLength(bytes, 8);
                yield in.getLong();
            }
            case REAL -> {
                expectLength(bytes, 4);
                yield in.getFloat();
            }
            case DOUBLE -> {
                expectLength(bytes, 8);
                yield in.getDouble();
            }
            case NUMERIC -> readNumeric(in);
            case CHAR, VARCHAR, TEXT -> new String(bytes, StandardCharsets.UTF_8);
            case DATE -> {
                expectLength(bytes, 4);
                int days = in.getInt();
                if (days == Integer.MIN_VALUE || days == Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("infinite dates are not supported");
                }
                yield days + PG_EPOCH_DAYS;
            }
            case TIMESTAMP -> {
                expectLength(bytes, 8);
                long micros = in.getLong();
                if (micros == Long.MIN_VALUE || micros == Long.MAX_VALUE) {
                    throw new IllegalArgumentException("infinite timestamps are not supported");
                }
                yield Math.floorDiv(micros + 500, 1000L) + PG_EPOCH_MILLIS;
            }
            case INTERVAL -> {
                expectLength(bytes, 16);
                long micros = in.getLong();
                int days = in.getInt();
                yield new io.rustydb.common.types.Interval(in.getInt(), days, micros);
            }
        };
    }

    /** {@code numeric_send}: ndigits, weight, sign, dscale, then ndigits base-10000 digits. */
    static void writeNumeric(PgBuffer b, BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int dscale = v.scale();
        BigInteger unscaled = v.unscaledValue().abs();
        // align the decimal point on a base-10000 digit boundary
        int pad = (4 - dscale % 4) % 4;
        unscaled = unscaled.multiply(BigInteger.TEN.pow(pad));
        int fractionGroups = (dscale + pad) / 4;
        String decimal = unscaled.toString();
        int groups = (decimal.length() + 3) / 4;
        short[] digits = new short[groups];
        for (int g = 0, end = decimal.length(); g < groups; g++, end -= 4) {
            digits[groups - 1 - g] = Short.parseShort(decimal.substring(Math.max(0, end - 4), end));
        }
        int first = 0;
        while (first < groups && digits[first] == 0) {
            first++;
        }
        int last = groups - 1;
        while (last >= first && digits[last] == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        int weight = groups - 1 - fractionGroups - first;
        if (ndigits == 0) {
            weight = 0;
        }
        b.writeShort(ndigits).writeShort(weight)
                .writeShort(ndigits != 0 && v.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS)
                .writeShort(dscale);
        for (int i = first; i <= last; i++) {
            b.writeShort(digits[i]);
        }
    }

    /** {@code numeric_recv}. */
    static BigDecimal readNumeric(ByteBuffer in) {
        if (in.remaining() < 8) {
            throw new IllegalArgumentException("numeric header too short");
        }
        int ndigits = in.getShort();
        int weight = in.getShort();
        int sign = in.getShort() & 0xFFFF;
        int dscale = in.getShort() & 0xFFFF;
        if (ndigits < 0 || in.remaining() != ndigits * 2) {
            throw new IllegalArgumentException("invalid length in external \"numeric\" value");
        }
        if (sign == NUMERIC_NAN || (sign & 0xC000) == 0xC000) {
            throw new IllegalArgumentException("numeric NaN and infinity are not supported");
        }
        if (sign != NUMERIC_POS && sign != NUMERIC_NEG) {
            throw new IllegalArgumentException("invalid sign in external \"numeric\" value");
        }
        if (dscale > NUMERIC_MAX_DSCALE) {
            throw new IllegalArgumentException("invalid scale in external \"numeric\" value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int d = in.getShort();
            if (d < 0 || d >= 10_000) {
                throw new IllegalArgumentException("invalid digit in external \"numeric\" value");
            }
            unscaled = unscaled.multiply(NBASE).add(BigInteger.valueOf(d));
        }
        // value = unscaled * 10000^(weight - ndigits + 1)
        int exponent10 = 4 * (weight - ndigits + 1);
        BigDecimal value = new BigDecimal(unscaled, -exponent10);
        if (sign == NUMERIC_NEG) {
            value = value.negate();
        }
        return value.setScale(dscale, RoundingMode.HALF_UP);
    }

    private static void expectLength(byte[] bytes, int length) {
        if (bytes.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + bytes.length);
        }
    }
}
