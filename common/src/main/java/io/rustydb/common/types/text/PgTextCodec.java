package io.rustydb.common.types.text;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text input of {@code bool}, the integer types and {@code numeric} as PostgreSQL 15 accepts it. */
public final class PgTextCodec {
    private static final Pattern NUMERIC =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private PgTextCodec() {
    }

    /** {@code boolin}: t/true/y/yes/on/1 and f/false/n/no/off/0, any unique prefix, any case. */
    public static boolean parseBoolean(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
            switch (t.charAt(0)) {
                case 't':
                    if ("true".startsWith(t)) {
                        return true;
                    }
                    break;
                case 'f':
                    if ("false".startsWith(t)) {
                        return false;
                    }
                    break;
                case 'y':
                    if ("yes".startsWith(t)) {
                        return true;
                    }
                    break;
                case 'n':
                    if ("no".startsWith(t)) {
                        return false;
                    }
                    break;
                case 'o':
                    if (t.length() >= 2 && "on".startsWith(t)) {
                        return true;
                    }
                    if (t.length() >= 2 && "off".startsWith(t)) {
                        return false;
                    }
                    break;
                case '1':
                    if (t.length() == 1) {
                        return true;
                    }
                    break;
                case '0':
                    if (t.length() == 1) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "boolean", text);
    }

    public static short parseSmallint(String text) {
        return (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    public static int parseInt(String text) {
        return (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    public static long parseBigint(String text) {
        return parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    /** {@code pg_strtoint*}: blanks around, an optional sign, at least one decimal digit. */
    private static long parseInteger(String text, long min, long max, String typeName) {
        String t = text.strip();
        int i = 0;
        boolean negative = false;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        if (i == t.length()) {
            throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, text);
        }
        long value = 0;
        boolean overflow = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, text);
            }
            int digit = c - '0';
            // accumulate negatively so that Long.MIN_VALUE fits
            if (!overflow) {
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 - digit;
                }
            }
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            } else {
                value = -value;
            }
        }
        if (overflow || value < min || value > max) {
            throw new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    /** {@code numeric_in}: plain or exponent notation; the scale is kept as written (never negative). */
    public static BigDecimal parseNumeric(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.endsWith("infinity") || lower.endsWith("inf")) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "numeric value \"" + t + "\"");
        }
        if (!NUMERIC.matcher(t).matches()) {
            throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "numeric", text);
        }
        BigDecimal value = new BigDecimal(t);
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** {@code numeric_out}: plain notation keeping the scale. */
    public static String formatNumeric(BigDecimal value) {
        return value.toPlainString();
    }
}
