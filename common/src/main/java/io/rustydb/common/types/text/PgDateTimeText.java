package io.rustydb.common.types.text;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text form of {@code date} and {@code timestamp} in PostgreSQL's ISO DateStyle:
 * {@code 2024-01-31}, {@code 2024-01-31 13:45:00.25}, {@code 0044-03-15 BC}. Input accepts ISO
 * dates with an optional time, a time-zone offset (ignored, as for timestamp without time zone),
 * an era, and the special values {@code epoch}, {@code now}, {@code today}, {@code tomorrow},
 * {@code yesterday}.
 */
public final class PgDateTimeText {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{1,7})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d*))?)?)?"
            + "(\\s*(?:BC|AD))?"
            + "(?:\\s*(?:Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?))?"
            + "(\\s*(?:BC|AD))?",
            Pattern.CASE_INSENSITIVE);

    private PgDateTimeText() {
    }

    public static String formatDate(int epochDay) {
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, LocalDate.ofEpochDay(epochDay));
        return sb.toString();
    }

    public static String formatTimestamp(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        int year = t.getYear();
        appendYmd(sb, year, t.getMonthValue(), t.getDayOfMonth());
        sb.append(' ');
        pad2(sb, t.getHour()).append(':');
        pad2(sb, t.getMinute()).append(':');
        pad2(sb, t.getSecond());
        if (millis != 0) {
            String frac = Integer.toString(1000 + millis).substring(1);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        if (year <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    /** Days since 1970-01-01 of a date literal. */
    public static int parseDate(String text) {
        String t = text.strip();
        LocalDate special = specialDate(t.toLowerCase(Locale.ROOT));
        if (special != null) {
            return Math.toIntExact(special.toEpochDay());
        }
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches()) {
            throw new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "date", text);
        }
        return Math.toIntExact(date(m, text).toEpochDay());
    }

    /** Milliseconds since 1970-01-01T00:00 of a timestamp literal; finer fractions are rounded. */
    public static long parseTimestamp(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("now")) {
            return LocalDateTime.now().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        LocalDate special = specialDate(lower);
        if (special != null) {
            return special.toEpochDay() * MILLIS_PER_DAY;
        }
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches()) {
            throw new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "timestamp", text);
        }
        LocalDate date = date(m, text);
        long millis = date.toEpochDay() * MILLIS_PER_DAY;
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            long fractionMillis = fractionMillis(m.group(7));
            boolean valid = hour < 24 && minute < 60 && second <= 60
                    || hour == 24 && minute == 0 && second == 0 && fractionMillis == 0;
            if (!valid) {
                throw new RustyDbException(ErrorCode.DATETIME_FIELD_OVERFLOW, text);
            }
            millis += ((hour * 60L + minute) * 60L + second) * 1000L + fractionMillis;
        }
        return millis;
    }

    private static LocalDate date(Matcher m, String text) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        boolean bc = isBc(m.group(8)) || isBc(m.group(9));
        if (year == 0 && bc) {
            throw new RustyDbException(ErrorCode.DATETIME_FIELD_OVERFLOW, text);
        }
        try {
            return LocalDate.of(bc ? 1 - year : year, month, day);
        } catch (DateTimeException e) {
            throw new RustyDbException(ErrorCode.DATETIME_FIELD_OVERFLOW, text);
        }
    }

    private static boolean isBc(String era) {
        return era != null && era.strip().equalsIgnoreCase("BC");
    }

    /** Milliseconds of a fraction of a second, rounded half up (PostgreSQL rounds to micros). */
    private static long fractionMillis(String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        String d = digits.length() >= 4 ? digits.substring(0, 4) : (digits + "000").substring(0, 4);
        return (Integer.parseInt(d) + 5) / 10;
    }

    private static LocalDate specialDate(String lower) {
        return switch (lower) {
            case "epoch" -> LocalDate.ofEpochDay(0);
            case "today", "now" -> LocalDate.now();
            case "tomorrow" -> LocalDate.now().plusDays(1);
            case "yesterday" -> LocalDate.now().minusDays(1);
            default -> null;
        };
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        appendYmd(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
    }

    private static void appendYmd(StringBuilder sb, int isoYear, int month, int day) {
        int year = isoYear <= 0 ? 1 - isoYear : isoYear;
        String y = Integer.toString(year);
        for (int i = y.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(y).append('-');
        pad2(sb, month).append('-');
        pad2(sb, day);
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
