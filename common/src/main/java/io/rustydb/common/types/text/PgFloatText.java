package io.rustydb.common.types.text;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text form of {@code float4} and {@code float8} as PostgreSQL 12+ prints them with
 * {@code extra_float_digits >= 1} (the default): the shortest digits that read back to the same
 * value, in fixed notation when the decimal exponent is in [-4, 15) for float8 ([-4, 6) for
 * float4), else as {@code 1.5e+20} / {@code 1e-05}.
 */
public final class PgFloatText {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private PgFloatText() {
    }

    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        double a = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(a)).stripTrailingZeros();
        if (shortest.precision() > 1) {
            BigDecimal exact = new BigDecimal(a);
            for (int p = shortest.precision() - 1; p >= 1; p--) {
                BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (r.doubleValue() != a) {
                    break;
                }
                shortest = r.stripTrailingZeros();
            }
        }
        return layout(d < 0, shortest, 15);
    }

    public static String formatFloat(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
        }
        float a = Math.abs(f);
        BigDecimal shortest = new BigDecimal(Float.toString(a)).stripTrailingZeros();
        if (shortest.precision() > 1) {
            BigDecimal exact = new BigDecimal(a);
            for (int p = shortest.precision() - 1; p >= 1; p--) {
                BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (r.floatValue() != a) {
                    break;
                }
                shortest = r.stripTrailingZeros();
            }
        }
        return layout(f < 0, shortest, 6);
    }

    /** Lays out the digits of {@code value} as printf's %g would with enough precision. */
    private static String layout(boolean negative, BigDecimal value, int fixedLimit) {
        String digits = value.unscaledValue().toString();
        int exp = digits.length() - 1 - value.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (exp < -4 || exp >= fixedLimit) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else if (exp < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exp - 1));
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            sb.append("0".repeat(exp + 1 - digits.length()));
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }

    /** Parses float8 input as {@code float8in}: surrounding blanks, NaN, [+-]Infinity/inf. */
    public static double parseDouble(String text) {
        String t = text.strip();
        Double special = special(t);
        if (special != null) {
            return special;
        }
        checkSyntax(text, t, "double precision");
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v) || (v == 0 && hasNonZeroMantissa(t))) {
            throw outOfRange(text, "double precision");
        }
        return v;
    }

    /** Parses float4 input as {@code float4in}. */
    public static float parseFloat(String text) {
        String t = text.strip();
        Double special = special(t);
        if (special != null) {
            return special.floatValue();
        }
        checkSyntax(text, t, "real");
        float f = Float.parseFloat(t);
        if (Float.isInfinite(f) || (f == 0 && hasNonZeroMantissa(t))) {
            throw outOfRange(text, "real");
        }
        return f;
    }

    private static Double special(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static void checkSyntax(String text, String stripped, String typeName) {
        if (!NUMBER.matcher(stripped).matches()) {
            throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, text);
        }
    }

    /** Whether the significand has a non-zero digit, i.e. a zero result means underflow. */
    private static boolean hasNonZeroMantissa(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static RustyDbException outOfRange(String text, String typeName) {
        return new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"" + text + "\" is out of range for type " + typeName);
    }
}
