package io.rustydb.persistence;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Order-preserving encoding of {@link BigDecimal} (after HBase OrderedBytes / CockroachDB):
 * a class byte (negative, zero, positive); for non-zero values the decimal exponent {@code E}
 * with {@code |v| = 0.d1d2... × 10^E} as a sign-flipped 4-byte int, then the significant digits
 * in base 100, each as {@code 1 + pair}, ended by {@code 0x00}. Negative values invert the
 * exponent and digit bytes. Trailing zeros are stripped first, so 1.0 and 1.00 encode alike.
 */
final class OrderedNumeric {
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;

    private OrderedNumeric() {
    }

    static void encode(BigDecimal value, ByteSink out) {
        if (value.signum() == 0) {
            out.write(ZERO);
            return;
        }
        BigDecimal v = value.stripTrailingZeros();
        boolean negative = v.signum() < 0;
        String digits = v.unscaledValue().abs().toString();
        long exponent = (long) digits.length() - v.scale();
        if (exponent > Integer.MAX_VALUE || exponent < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("numeric exponent out of range: " + value);
        }
        int mask = negative ? 0xFF : 0x00;
        out.write(negative ? NEGATIVE : POSITIVE);
        int e = (int) exponent ^ Integer.MIN_VALUE;
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(((e >>> shift) & 0xFF) ^ mask);
        }
        for (int i = 0; i < digits.length(); i += 2) {
            int hi = digits.charAt(i) - '0';
            int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            out.write((1 + hi * 10 + lo) ^ mask);
        }
        out.write(mask);
    }

    /** Decodes the value at {@code pos[0]} and advances it. */
    static BigDecimal decode(byte[] in, int[] pos) {
        int cls = in[pos[0]++] & 0xFF;
        if (cls == ZERO) {
            return BigDecimal.ZERO;
        }
        if (cls != NEGATIVE && cls != POSITIVE) {
            throw new IllegalArgumentException("corrupt numeric key byte " + cls);
        }
        int mask = cls == NEGATIVE ? 0xFF : 0x00;
        int e = 0;
        for (int i = 0; i < 4; i++) {
            e = (e << 8) | ((in[pos[0]++] & 0xFF) ^ mask);
        }
        int exponent = e ^ Integer.MIN_VALUE;
        StringBuilder digits = new StringBuilder();
        while (true) {
            int b = (in[pos[0]++] & 0xFF) ^ mask;
            if (b == 0) {
                break;
            }
            int pair = b - 1;
            digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
        }
        if (digits.length() > 0 && digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        BigDecimal v = new BigDecimal(unscaled, digits.length() - exponent);
        return cls == NEGATIVE ? v.negate() : v;
    }
}
