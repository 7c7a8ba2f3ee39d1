package io.rustydb.pgwire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that backend messages are written into: {@link #begin(char)}
 * reserves the type byte and length, {@link #end()} patches the length in. Not thread-safe.
 */
final class PgBuffer {
    private byte[] bytes;
    private int size;
    private int messageStart = -1;

    PgBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    PgBuffer() {
        this(256);
    }

    /** Starts a message of the given type; its length is patched in by {@link #end()}. */
    PgBuffer begin(char type) {
        if (messageStart >= 0) {
            throw new IllegalStateException("message '" + (char) bytes[messageStart] + "' not ended");
        }
        messageStart = size;
        writeByte(type);
        writeInt(0);
        return this;
    }

    /** Ends the current message by writing its length (which counts itself but not the type byte). */
    PgBuffer end() {
        if (messageStart < 0) {
            throw new IllegalStateException("no message started");
        }
        int length = size - messageStart - 1;
        putInt(messageStart + 1, length);
        messageStart = -1;
        return this;
    }

    /** Drops a message that failed half-way, keeping the ones before it. */
    void abandonMessage() {
        if (messageStart >= 0) {
            size = messageStart;
            messageStart = -1;
        }
    }

    boolean inMessage() {
        return messageStart >= 0;
    }

    PgBuffer writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
        return this;
    }

    PgBuffer writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    PgBuffer writeInt(int v) {
        ensure(4);
        putInt(size, v);
        size += 4;
        return this;
    }

    PgBuffer writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    PgBuffer writeBytes(byte[] b) {
        return writeBytes(b, 0, b.length);
    }

    PgBuffer writeBytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** A NUL-terminated UTF-8 string, as the protocol's String type. */
    PgBuffer writeCString(String s) {
        writeUtf8(s);
        return writeByte(0);
    }

    /** The UTF-8 bytes of {@code s} without terminator. */
    PgBuffer writeUtf8(String s) {
        int n = s.length();
        ensure(n);
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
            return this;
        }
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reserves an int32 to be filled later with {@link #patchInt}; returns its position. */
    int reserveInt() {
        int at = size;
        writeInt(0);
        return at;
    }

    void patchInt(int at, int v) {
        putInt(at, v);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Bytes of the complete messages written so far (a message still being written is not counted). */
    int completedSize() {
        return messageStart >= 0 ? messageStart : size;
    }

    /** The backing array; the first {@link #completedSize()} bytes are complete messages. */
    byte[] array() {
        return bytes;
    }

    /** Forgets the complete messages (they were sent), keeping a message still being written. */
    void dropCompleted() {
        int end = completedSize();
        int rest = size - end;
        if (rest > 0) {
            System.arraycopy(bytes, end, bytes, 0, rest);
            messageStart = 0;
        }
        size = rest;
        if (bytes.length > 256 * 1024 && size < 64 * 1024) {
            bytes = Arrays.copyOf(bytes, Math.max(256, size * 2));
        }
    }

    /** A copy of everything written, for tests. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new IllegalStateException("message too large");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
