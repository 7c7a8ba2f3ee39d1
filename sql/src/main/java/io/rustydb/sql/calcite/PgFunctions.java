package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Run-time implementations of PostgreSQL functions and operators that Calcite lacks or computes
 * differently, called from compiled plans (see {@link PgOperators}). Timestamps are epoch
 * milliseconds, dates epoch days, day-time intervals milliseconds, year-month intervals months.
 */
@org.apache.calcite.linq4j.function.Strict
public final class PgFunctions {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private PgFunctions() {
    }

    // ---- strings -------------------------------------------------------------------------

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** PostgreSQL's left(): the first n characters; a negative n drops the last |n| instead. */
    public static String left(String s, int n) {
        int length = s.codePointCount(0, s.length());
        int keep = n >= 0 ? Math.min(n, length) : Math.max(length + n, 0);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    /** PostgreSQL's right(): the last n characters; a negative n drops the first |n| instead. */
    public static String right(String s, int n) {
        int length = s.codePointCount(0, s.length());
        int keep = n >= 0 ? Math.min(n, length) : Math.max(length + n, 0);
        return s.substring(s.offsetByCodePoints(0, length - keep));
    }

    public static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL's text form of a character(n) value: trailing blanks are not significant. */
    public static String bpcharText(String s) {
        if (s == null) {
            return null;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** boolean to text: {@code true} / {@code false}. */
    public static String boolText(Boolean b) {
        return b == null ? null : b ? "true" : "false";
    }

    // ---- numbers -------------------------------------------------------------------------

    /**
     * A numeric value with its trailing zeros stripped: equal (by {@code equals}) for values
     * PostgreSQL considers equal, such as 1.0 and 1.00, so it can serve as a hash key.
     */
    public static BigDecimal numericKey(BigDecimal d) {
        return d.stripTrailingZeros();
    }

    /** numeric ^ numeric and power(numeric, numeric), as PostgreSQL 15 computes them. */
    public static BigDecimal powerNumeric(BigDecimal base, BigDecimal exponent) {
        return NumericPower.power(base, exponent);
    }

    /** double precision ^ double precision and power(double precision, double precision). */
    public static double powerDouble(double base, double exponent) {
        return NumericPower.power(base, exponent);
    }

    /** round(double precision): round half to even, as C's rint. */
    public static double rint(double d) {
        return Math.rint(d);
    }

    /** Exact number to integer as PostgreSQL casts it: rounded half away from zero. */
    public static BigDecimal roundHalfUp(BigDecimal d, int scale) {
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    /** round(numeric, n): half away from zero; a negative n rounds left of the point. */
    public static BigDecimal round(BigDecimal d, int scale) {
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_UP);
        return scale < 0 ? r.setScale(0) : r;
    }

    /** trunc(numeric, n). */
    public static BigDecimal trunc(BigDecimal d, int scale) {
        BigDecimal t = d.setScale(scale, RoundingMode.DOWN);
        return scale < 0 ? t.setScale(0) : t;
    }

    /** trunc(numeric). */
    public static BigDecimal trunc(BigDecimal d) {
        return d.setScale(0, RoundingMode.DOWN);
    }

    /**
     * numeric / numeric with PostgreSQL's result scale (select_div_scale): at least 16
     * significant digits, and no fewer fraction digits than either input has.
     */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return null;
        }
        if (b.signum() == 0) {
            throw new RustyDbException(ErrorCode.DIVISION_BY_ZERO);
        }
        int qweight = weight(a) - weight(b);
        if (firstDigit(a) <= firstDigit(b)) {
            qweight--;
        }
        int rscale = 16 - qweight * 4;
        rscale = Math.max(rscale, Math.max(a.scale(), 0));
        rscale = Math.max(rscale, Math.max(b.scale(), 0));
        rscale = Math.min(Math.max(rscale, 0), 1000);
        return a.divide(b, rscale, RoundingMode.HALF_UP);
    }

    /** Weight of the first non-zero base-10000 digit, as PostgreSQL's numeric stores it. */
    private static int weight(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        int exponent = v.precision() - v.scale() - 1;
        return Math.floorDiv(exponent, 4);
    }

    private static int firstDigit(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        return v.abs().movePointLeft(4 * weight(v)).setScale(0, RoundingMode.FLOOR).intValue();
    }

    // ---- date and time -------------------------------------------------------------------

    /** date_trunc(unit, timestamp). */
    public static long dateTrunc(String unit, long millis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC)
                .plusNanos(Math.floorMod(millis, 1000) * 1_000_000L);
        LocalDateTime r = switch (unit.toLowerCase(Locale.ROOT)) {
            case "microseconds", "milliseconds" -> t;
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.truncatedTo(ChronoUnit.DAYS).with(DayOfWeek.MONDAY);
            case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
            case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            case "decade" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(Math.floorDiv(t.getYear(), 10) * 10);
            case "century" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1);
            case "millennium" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
                    .withYear(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1);
            default -> throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type timestamp without time zone");
        };
        return r.toEpochSecond(ZoneOffset.UTC) * 1000 + r.getNano() / 1_000_000;
    }

    /** EXTRACT(unit FROM timestamp) as PostgreSQL 15 returns it (numeric). */
    public static BigDecimal extractTimestamp(String unit, long millis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
        long ms = Math.floorMod(millis, 1000);
        BigDecimal seconds = BigDecimal.valueOf(t.getSecond() * 1000L + ms, 3);
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "EPOCH" -> BigDecimal.valueOf(millis, 3).setScale(6);
            case "SECOND" -> seconds.setScale(6);
            case "MILLISECOND" -> seconds.movePointRight(3).setScale(3);
            case "MICROSECOND" -> seconds.movePointRight(6).setScale(0);
            case "MINUTE" -> BigDecimal.valueOf(t.getMinute());
            case "HOUR" -> BigDecimal.valueOf(t.getHour());
            default -> extractDate(unit, t.toLocalDate());
        };
    }

    /** EXTRACT(unit FROM date). */
    public static BigDecimal extractDate(String unit, int epochDay) {
        String u = unit.toUpperCase(Locale.ROOT);
        if (u.equals("EPOCH")) {
            return BigDecimal.valueOf(epochDay * 86_400L);
        }
        if (u.equals("HOUR") || u.equals("MINUTE") || u.equals("SECOND") || u.equals("MILLISECOND")
                || u.equals("MICROSECOND")) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "unit \"" + unit.toLowerCase(Locale.ROOT) + "\" for type date");
        }
        return extractDate(u, LocalDate.ofEpochDay(epochDay));
    }

    private static BigDecimal extractDate(String unit, LocalDate d) {
        long v = switch (unit.toUpperCase(Locale.ROOT)) {
            case "DAY" -> d.getDayOfMonth();
            case "MONTH" -> d.getMonthValue();
            case "YEAR" -> d.getYear();
            case "QUARTER" -> (d.getMonthValue() - 1) / 3 + 1;
            case "DOW" -> d.getDayOfWeek().getValue() % 7;
            case "ISODOW" -> d.getDayOfWeek().getValue();
            case "DOY" -> d.getDayOfYear();
            case "WEEK" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "ISOYEAR" -> d.get(IsoFields.WEEK_BASED_YEAR);
            case "DECADE" -> Math.floorDiv(d.getYear(), 10);
            case "CENTURY" -> d.getYear() > 0 ? (d.getYear() + 99) / 100 : -((99 - (d.getYear() - 1)) / 100);
            case "MILLENNIUM" -> d.getYear() > 0 ? (d.getYear() + 999) / 1000 : -((999 - (d.getYear() - 1)) / 1000);
            case "JULIAN" -> d.toEpochDay() + 2_440_588L;
            default -> throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit.toLowerCase(Locale.ROOT) + "\" not recognized for type date");
        };
        return BigDecimal.valueOf(v);
    }

    /** to_char(timestamp, format). */
    public static String toChar(long millis, String format) {
        return ToChar.format(millis, format);
    }

    /** to_char(date, format). */
    public static String toCharDate(int epochDay, String format) {
        return ToChar.format(epochDay * MILLIS_PER_DAY, format);
    }
}
