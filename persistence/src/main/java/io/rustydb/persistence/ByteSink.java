package io.rustydb.persistence;

import java.util.Arrays;

/**
 * A growable byte buffer for the key and row encoders: {@link java.io.ByteArrayOutputStream}
 * without its per-call locking, which showed up in COPY profiles (several writes per value).
 */
final class ByteSink {
    private byte[] buffer;
    private int size;

    ByteSink(int capacity) {
        buffer = new byte[Math.max(capacity, 16)];
    }

    void write(int b) {
        if (size == buffer.length) {
            grow(1);
        }
        buffer[size++] = (byte) b;
    }

    void write(byte[] bytes, int offset, int length) {
        if (size + length > buffer.length) {
            grow(length);
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** ORs {@code bits} into the byte already written at {@code index}. */
    void or(int index, int bits) {
        buffer[index] |= (byte) bits;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void grow(int needed) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + needed));
    }
}
