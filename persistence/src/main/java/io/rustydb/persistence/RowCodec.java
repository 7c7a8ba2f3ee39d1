package io.rustydb.persistence;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Compact, versioned row format: a format-version byte, the column count (varint), a null bitmap
 * (bit {@code i % 8} of byte {@code i / 8} set for NULL), then each non-null value: zigzag varints
 * for integer types, DATE and TIMESTAMP; 1 byte for BOOLEAN; 4/8 big-endian bytes for REAL/DOUBLE;
 * length-prefixed UTF-8 for strings; zigzag scale plus length-prefixed two's-complement unscaled
 * bytes for NUMERIC; months, days and microseconds as three zigzag varints for INTERVAL. Decoding with more types than stored columns yields NULL for the missing
 * trailing columns (ALTER TABLE ADD COLUMN); extra stored columns are ignored.
 */
public final class RowCodec {
    /** Current row format version. */
    public static final int FORMAT_VERSION = 1;

    private RowCodec() {
    }

    /**
     * Encodes a row of {@code types.size()} values.
     *
     * @throws IllegalArgumentException when a value's class does not match its type
     */
    public static byte[] encode(List<DataType> types, Object[] row) {
        int n = types.size();
        if (row == null || row.length != n) {
            throw new IllegalArgumentException("row has " + (row == null ? "no" : row.length)
                    + " values for " + n + " column(s)");
        }
        ByteSink out = new ByteSink(24 + n * 6);
        out.write(FORMAT_VERSION);
        Varint.write(out, n);
        int nulls = out.size();
        for (int i = 0; i < (n + 7) / 8; i++) {
            out.write(0);
        }
        for (int i = 0; i < n; i++) {
            Values.check(types.get(i), row[i], i);
            if (row[i] == null) {
                out.or(nulls + (i >>> 3), 1 << (i & 7));
            } else {
                encodeValue(types.get(i), row[i], out);
            }
        }
        return out.toByteArray();
    }

    /** Decodes a row as {@code types}; see the class comment for differing column counts. */
    public static Object[] decode(byte[] data, List<DataType> types) {
        try {
            int[] pos = {0};
            int version = data[pos[0]++] & 0xFF;
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown row format version " + version);
            }
            int stored = (int) Varint.read(data, pos);
            int nullStart = pos[0];
            pos[0] += (stored + 7) / 8;
            Object[] row = new Object[types.size()];
            int count = Math.min(stored, row.length);
            for (int i = 0; i < count; i++) {
                boolean isNull = (data[nullStart + (i >>> 3)] & (1 << (i & 7))) != 0;
                if (!isNull) {
                    row[i] = decodeValue(types.get(i), data, pos);
                }
            }
            return row;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("row data too short for " + types, e);
        }
    }

    private static void encodeValue(DataType type, Object value, ByteSink out) {
        switch (type) {
            case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
            case SMALLINT -> Varint.writeSigned(out, (Short) value);
            case INTEGER, DATE -> Varint.writeSigned(out, (Integer) value);
            case BIGINT, TIMESTAMP -> Varint.writeSigned(out, (Long) value);
            case REAL -> writeFixed(out, Float.floatToRawIntBits((Float) value), 4);
            case DOUBLE -> writeFixed(out, Double.doubleToRawLongBits((Double) value), 8);
            case CHAR, VARCHAR, TEXT -> writeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
            case NUMERIC -> {
                BigDecimal d = (BigDecimal) value;
                Varint.writeSigned(out, d.scale());
                writeBytes(out, d.unscaledValue().toByteArray());
            }
            case INTERVAL -> {
                io.rustydb.common.types.Interval v = (io.rustydb.common.types.Interval) value;
                Varint.writeSigned(out, v.months());
                Varint.writeSigned(out, v.days());
                Varint.writeSigned(out, v.micros());
            }
            default -> throw new IllegalArgumentException("unsupported column type " + type);
        }
    }

    private static Object decodeValue(DataType type, byte[] in, int[] pos) {
        return switch (type) {
            case BOOLEAN -> in[pos[0]++] != 0;
            case SMALLINT -> (short) Varint.readSigned(in, pos);
            case INTEGER, DATE -> (int) Varint.readSigned(in, pos);
            case BIGINT, TIMESTAMP -> Varint.readSigned(in, pos);
            case REAL -> Float.intBitsToFloat((int) readFixed(in, pos, 4));
            case DOUBLE -> Double.longBitsToDouble(readFixed(in, pos, 8));
            case CHAR, VARCHAR, TEXT -> new String(readBytes(in, pos), StandardCharsets.UTF_8);
            case NUMERIC -> {
                int scale = (int) Varint.readSigned(in, pos);
                yield new BigDecimal(new BigInteger(readBytes(in, pos)), scale);
            }
            case INTERVAL -> new io.rustydb.common.types.Interval((int) Varint.readSigned(in, pos),
                    (int) Varint.readSigned(in, pos), Varint.readSigned(in, pos));
            default -> throw new IllegalArgumentException("unsupported column type " + type);
        };
    }

    private static void writeFixed(ByteSink out, long bits, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (bits >>> shift));
        }
    }

    private static long readFixed(byte[] in, int[] pos, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (in[pos[0]++] & 0xFF);
        }
        return v;
    }

    private static void writeBytes(ByteSink out, byte[] bytes) {
        Varint.write(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static byte[] readBytes(byte[] in, int[] pos) {
        int length = (int) Varint.read(in, pos);
        if (length < 0 || pos[0] + length > in.length) {
            throw new IllegalArgumentException("corrupt row: length " + length);
        }
        byte[] bytes = Arrays.copyOfRange(in, pos[0], pos[0] + length);
        pos[0] += length;
        return bytes;
    }
}
