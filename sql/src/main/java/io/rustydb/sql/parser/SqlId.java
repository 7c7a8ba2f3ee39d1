package io.rustydb.sql.parser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Oracle-style {@code sql_id}: a 13-character base-32 name for a statement text. As Oracle does,
 * it is the MD5 of the text followed by a NUL byte, of which the last 8 bytes are read as two
 * little-endian 32-bit words (high word first) and written in the alphabet
 * {@code 0123456789abcdfghjkmnpqrstuvwxyz}. For {@code select * from dual} it gives Oracle's
 * {@code a5ks9fhw2v9s1}.
 */
public final class SqlId {
    /** Number of characters in a sql_id. */
    public static final int LENGTH = 13;

    private static final char[] ALPHABET = "0123456789abcdfghjkmnpqrstuvwxyz".toCharArray();

    private SqlId() {
    }

    /** The sql_id of {@code text} (normally a {@link SqlNormalizer} result). */
    public static String of(String text) {
        long value = hash(text);
        char[] id = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            id[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
        return new String(id);
    }

    /** The 64-bit hash a sql_id encodes, usable as a compact cache key. */
    public static long hash(String text) {
        byte[] digest = md5(text);
        long high = littleEndianInt(digest, 8);
        long low = littleEndianInt(digest, 12);
        return (high << 32) | low;
    }

    private static byte[] md5(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(text.getBytes(StandardCharsets.UTF_8));
            md5.update((byte) 0);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static long littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL)
                | (bytes[offset + 1] & 0xffL) << 8
                | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24;
    }
}
