package io.rustydb.persistence;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Order-preserving key encoding: the unsigned lexicographic order of encoded keys equals the SQL
 * order of their values (PostgreSQL ordering with the C collation, NULLs last in ascending order).
 * A key is the 4-byte big-endian object (table or index) id followed by one self-delimiting field
 * per value: a marker byte (value, or NULL) and, for a value, integers sign-flipped big-endian,
 * floats in IEEE total order (-0 = 0, NaN greatest), booleans as 0/1, strings as UTF-8 with
 * {@code 0x00} escaped to {@code 0x00 0xFF} and terminated by {@code 0x00 0x01}, numerics as
 * in {@link OrderedNumeric}. A prefix of the fields is a byte prefix of the key, so
 * {@code [encodePrefix(..), prefixEnd(encodePrefix(..)))} ranges over keys with leading values.
 */
public final class KeyCodec {
    private static final int NOT_NULL = 0x01;
    private static final int NULL = 0x02;
    private static final int ESCAPE = 0xFF;
    private static final int TERMINATOR = 0x01;

    private KeyCodec() {
    }

    /** Encodes the full key {@code objectId, values[0..types.size())}. */
    public static byte[] encodeKey(int objectId, List<DataType> types, Object[] values) {
        return encodePrefix(objectId, types, values, types.size());
    }

    /** Encodes the object id and the first {@code count} values only (for range scans). */
    public static byte[] encodePrefix(int objectId, List<DataType> types, Object[] values, int count) {
        Values.checkArity(types, values, count);
        ByteSink out = new ByteSink(8 + count * 9);
        writeInt(out, objectId);
        for (int i = 0; i < count; i++) {
            DataType type = types.get(i);
            Object value = values[i];
            Values.check(type, value, i);
            if (value == null) {
                out.write(NULL);
            } else {
                out.write(NOT_NULL);
                encodeValue(type, value, out);
            }
        }
        return out.toByteArray();
    }

    /** Decodes the values of {@code types} following the object id; trailing bytes are ignored. */
    public static Object[] decodeKey(byte[] key, List<DataType> types) {
        Object[] values = new Object[types.size()];
        int[] pos = {4};
        try {
            for (int i = 0; i < values.length; i++) {
                int marker = key[pos[0]++] & 0xFF;
                if (marker == NULL) {
                    continue;
                }
                if (marker != NOT_NULL) {
                    throw new IllegalArgumentException("corrupt key: marker " + marker + " at column " + i);
                }
                values[i] = decodeValue(types.get(i), key, pos);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("key too short for " + types, e);
        }
        return values;
    }

    /** The 4-byte big-endian prefix shared by all keys of {@code objectId}. */
    public static byte[] objectPrefix(int objectId) {
        return new byte[] {(byte) (objectId >>> 24), (byte) (objectId >>> 16), (byte) (objectId >>> 8),
            (byte) objectId};
    }

    /** Exclusive upper bound of the keys of {@code objectId}; {@code null} (unbounded) for id -1. */
    public static byte[] objectPrefixEnd(int objectId) {
        return prefixEnd(objectPrefix(objectId));
    }

    /** The smallest key greater than {@code key}: the end of the range holding only {@code key}. */
    public static byte[] successor(byte[] key) {
        return java.util.Arrays.copyOf(key, key.length + 1);
    }

    /**
     * The smallest byte string greater than every string starting with {@code prefix}, or
     * {@code null} (unbounded) when the prefix is all {@code 0xFF}.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if ((prefix[i] & 0xFF) != 0xFF) {
                byte[] end = java.util.Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** The object id a key starts with. */
    public static int objectId(byte[] key) {
        return ((key[0] & 0xFF) << 24) | ((key[1] & 0xFF) << 16) | ((key[2] & 0xFF) << 8) | (key[3] & 0xFF);
    }

    private static void encodeValue(DataType type, Object value, ByteSink out) {
        switch (type) {
            case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
            case SMALLINT -> {
                int v = ((Short) value) ^ Short.MIN_VALUE;
                out.write(v >>> 8);
                out.write(v);
            }
            case INTEGER, DATE -> writeInt(out, (Integer) value ^ Integer.MIN_VALUE);
            case BIGINT, TIMESTAMP -> writeLong(out, (Long) value ^ Long.MIN_VALUE);
            case REAL -> {
                float f = (Float) value;
                int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f);
                writeInt(out, bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE);
            }
            case DOUBLE -> {
                double d = (Double) value;
                long bits = Double.doubleToLongBits(d == 0.0d ? 0.0d : d);
                writeLong(out, bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            }
            case NUMERIC -> OrderedNumeric.encode((BigDecimal) value, out);
            case CHAR, VARCHAR, TEXT -> {
                for (byte b : ((String) value).getBytes(StandardCharsets.UTF_8)) {
                    out.write(b);
                    if (b == 0) {
                        out.write(ESCAPE);
                    }
                }
                out.write(0);
                out.write(TERMINATOR);
            }
            default -> throw new IllegalArgumentException("unsupported key type " + type);
        }
    }

    private static Object decodeValue(DataType type, byte[] in, int[] pos) {
        switch (type) {
            case BOOLEAN:
                return in[pos[0]++] != 0;
            case SMALLINT: {
                int v = ((in[pos[0]] & 0xFF) << 8) | (in[pos[0] + 1] & 0xFF);
                pos[0] += 2;
                return (short) (v ^ 0x8000);
            }
            case INTEGER:
            case DATE:
                return readInt(in, pos) ^ Integer.MIN_VALUE;
            case BIGINT:
            case TIMESTAMP:
                return readLong(in, pos) ^ Long.MIN_VALUE;
            case REAL: {
                int bits = readInt(in, pos);
                return Float.intBitsToFloat(bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits);
            }
            case DOUBLE: {
                long bits = readLong(in, pos);
                return Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
            }
            case NUMERIC:
                return OrderedNumeric.decode(in, pos);
            case CHAR:
            case VARCHAR:
            case TEXT:
                return decodeString(in, pos);
            default:
                throw new IllegalArgumentException("unsupported key type " + type);
        }
    }

    private static String decodeString(byte[] in, int[] pos) {
        ByteSink out = new ByteSink(32);
        while (true) {
            int b = in[pos[0]++] & 0xFF;
            if (b != 0) {
                out.write(b);
                continue;
            }
            int next = in[pos[0]++] & 0xFF;
            if (next == TERMINATOR) {
                return new String(out.toByteArray(), StandardCharsets.UTF_8);
            }
            if (next != ESCAPE) {
                throw new IllegalArgumentException("corrupt string key escape " + next);
            }
            out.write(0);
        }
    }

    private static void writeInt(ByteSink out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeLong(ByteSink out, long v) {
        writeInt(out, (int) (v >>> 32));
        writeInt(out, (int) v);
    }

    private static int readInt(byte[] in, int[] pos) {
        int p = pos[0];
        pos[0] += 4;
        return ((in[p] & 0xFF) << 24) | ((in[p + 1] & 0xFF) << 16) | ((in[p + 2] & 0xFF) << 8) | (in[p + 3] & 0xFF);
    }

    private static long readLong(byte[] in, int[] pos) {
        long hi = readInt(in, pos) & 0xFFFFFFFFL;
        long lo = readInt(in, pos) & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }
}
