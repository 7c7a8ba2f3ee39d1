package io.rustydb.persistence;


/** LEB128 unsigned varints and zigzag signed varints (as in protobuf) for the row format. */
final class Varint {

    private Varint() {
    }

    static void write(ByteSink out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static void writeSigned(ByteSink out, long value) {
        write(out, (value << 1) ^ (value >> 63));
    }

    static long read(byte[] in, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in[pos[0]++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("corrupt varint");
    }

    static long readSigned(byte[] in, int[] pos) {
        long v = read(in, pos);
        return (v >>> 1) ^ -(v & 1);
    }
}
