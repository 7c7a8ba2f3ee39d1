package io.rustydb.sql.golden;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders a result value the way PostgreSQL's text output (what psql shows) spells it: numeric
 * with its scale, booleans {@code t}/{@code f}, dates {@code YYYY-MM-DD}, timestamps
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} without trailing fraction zeros, floats in the shortest
 * form that reads back to the same value, NULL as {@code NULL}.
 */
final class PgText {
    private PgText() {
    }

    static String render(Object value, DataType type) {
        if (value == null) {
            return "NULL";
        }
        DataType t = type != null ? type : guess(value);
        return switch (t) {
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case NUMERIC -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case DOUBLE -> formatDouble(((Number) value).doubleValue());
            case REAL -> formatFloat(((Number) value).floatValue());
            case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case TIMESTAMP -> timestamp(((Number) value).longValue());
            default -> value.toString();
        };
    }

    private static DataType guess(Object value) {
        for (DataType t : DataType.values()) {
            if (t.javaClass().isInstance(value) && t != DataType.DATE && t != DataType.TIMESTAMP) {
                return t;
            }
        }
        return DataType.TEXT;
    }

    private static String timestamp(long millis) {
        LocalDateTime ts = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(ts.toLocalDate().toString()).append(' ');
        sb.append(String.format("%02d:%02d:%02d", ts.getHour(), ts.getMinute(), ts.getSecond()));
        int micros = ts.getNano() / 1000;
        if (micros != 0) {
            String frac = String.format("%06d", micros).replaceAll("0+$", "");
            sb.append('.').append(frac);
        }
        return sb.toString();
    }

    static String formatDouble(double d) {
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
        BigDecimal exact = new BigDecimal(a);
        for (int p = shortest.precision() - 1; p >= 1; p--) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() != a) {
                break;
            }
            shortest = r.stripTrailingZeros();
        }
        return layout(d < 0, shortest, 15);
    }

    static String formatFloat(float f) {
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
        BigDecimal exact = new BigDecimal(a);
        for (int p = shortest.precision() - 1; p >= 1; p--) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.floatValue() != a) {
                break;
            }
            shortest = r.stripTrailingZeros();
        }
        return layout(f < 0, shortest, 6);
    }

    /** Lays out the digits as C's %g with enough precision: fixed for exponents in [-4, limit). */
    private static String layout(boolean negative, BigDecimal value, int fixedLimit) {
        String digits = value.unscaledValue().toString();
        int exp = digits.length() - 1 - value.scale();
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (exp < -4 || exp >= fixedLimit) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            sb.append(abs < 10 ? "0" : "").append(abs);
        } else if (exp < 0) {
            sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits).append("0".repeat(exp + 1 - digits.length()));
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
