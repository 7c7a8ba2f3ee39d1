package io.rustydb.common.types.text;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's interval text: input in its usual forms ({@code 1 year 2 mons 3 days 04:05:06.5},
 * {@code 36 hours}, {@code -1 day +02:00}, {@code 1 week}, {@code @ 1 minute ago}, ISO 8601
 * {@code P1Y2M3DT4H5M6S}) and output in IntervalStyle {@code postgres}.
 */
public final class PgIntervalText {
    private PgIntervalText() {
    }

    /** Parses interval text; 22007 for text PostgreSQL would refuse, 22008 for a field out of range. */
    public static Interval parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw bad(text);
        }
        Fields f = new Fields();
        try {
            if (s.charAt(0) == 'p') {
                iso(s, f, text);
            } else {
                postgres(s.startsWith("@") ? s.substring(1) : s, f, text);
            }
            return Interval.of(f.months, f.days, Math.addExact(f.micros, Math.round(f.fraction)));
        } catch (ArithmeticException e) {
            throw Interval.outOfRange();
        }
    }

    /** Accumulated fields; fractional microseconds are summed apart and rounded once. */
    private static final class Fields {
        long months;
        long days;
        long micros;
        double fraction;

        void add(String unit, long whole, double frac, String text) {
            switch (unit) {
                case "microsecond", "microseconds", "us", "usec", "usecs", "microsecon" -> {
                    micros = Math.addExact(micros, whole);
                    fraction += frac;
                }
                case "millisecond", "milliseconds", "ms", "msec", "msecs", "millisecon" -> {
                    micros = Math.addExact(micros, Math.multiplyExact(whole, 1000L));
                    fraction += frac * 1000;
                }
                case "second", "seconds", "s", "sec", "secs" -> seconds(whole, frac, 1);
                case "minute", "minutes", "m", "min", "mins" -> seconds(whole, frac, 60);
                case "hour", "hours", "h", "hr", "hrs" -> seconds(whole, frac, 3600);
                case "day", "days", "d" -> {
                    days = Math.addExact(days, whole);
                    fraction += Math.rint(frac * 86_400 * Interval.MICROS_PER_SECOND);
                }
                case "week", "weeks", "w" -> {
                    days = Math.addExact(days, Math.multiplyExact(whole, 7L));
                    fractionalDays(frac * 7);
                }
                case "month", "months", "mon", "mons" -> {
                    months = Math.addExact(months, whole);
                    fractionalDays(frac * Interval.DAYS_PER_MONTH);
                }
                case "year", "years", "y", "yr", "yrs" -> years(whole, frac, 1);
                case "decade", "decades", "dec", "decs" -> years(whole, frac, 10);
                case "century", "centuries", "c", "cent" -> years(whole, frac, 100);
                case "millennium", "millennia", "mil", "mils" -> years(whole, frac, 1000);
                default -> throw bad(text);
            }
        }

        private void seconds(long whole, double frac, long scale) {
            micros = Math.addExact(micros, Math.multiplyExact(whole, scale * Interval.MICROS_PER_SECOND));
            fraction += Math.rint(frac * scale * Interval.MICROS_PER_SECOND);
        }

        private void fractionalDays(double d) {
            long whole = (long) d;
            days = Math.addExact(days, whole);
            fraction += Math.rint((d - whole) * 86_400 * Interval.MICROS_PER_SECOND);
        }

        private void years(long whole, double frac, long scale) {
            months = Math.addExact(months, Math.multiplyExact(whole, 12 * scale));
            months = Math.addExact(months, (long) Math.rint(frac * 12 * scale));
        }

        void negate() {
            months = -months;
            days = -days;
            micros = -micros;
            fraction = -fraction;
        }
    }

    /** PostgreSQL's own form: numbers with units, a time h:m[:s], "ago"; read right to left as PostgreSQL does. */
    private static void postgres(String s, Fields f, String text) {
        List<String> tokens = tokens(s, text);
        if (tokens.isEmpty()) {
            throw bad(text);
        }
        String unit = null;
        boolean explicit = false;
        boolean ago = false;
        boolean any = false;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i);
            char c = t.charAt(0);
            if (Character.isLetter(c)) {
                if (t.equals("ago")) {
                    if (i != tokens.size() - 1 || ago) {
                        throw bad(text);
                    }
                    ago = true;
                } else {
                    if (explicit) {
                        throw bad(text);
                    }
                    unit = t;
                    explicit = true;
                }
            } else if (t.indexOf(':') >= 0) {
                if (explicit) {
                    throw bad(text);
                }
                time(t, f, text);
                // a bare number before a time is days
                unit = "day";
                any = true;
            } else {
                number(t, unit == null ? "second" : unit, f, text);
                unit = null;
                explicit = false;
                any = true;
            }
        }
        if (explicit || !any) {
            throw bad(text);
        }
        if (ago) {
            f.negate();
        }
    }

    /** Splits on blanks and between a number and the unit written against it ({@code 1day}). */
    private static List<String> tokens(String s, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
            } else if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
                i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ':')) {
                    i++;
                }
            } else {
                throw bad(text);
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static void number(String t, String unit, Fields f, String text) {
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String frac = dot < 0 ? "" : digits.substring(dot + 1);
        if (whole.isEmpty() && frac.isEmpty() || frac.indexOf('.') >= 0) {
            throw bad(text);
        }
        long w;
        try {
            w = whole.isEmpty() ? 0 : Long.parseLong(whole);
        } catch (NumberFormatException e) {
            throw Interval.outOfRange();
        }
        double fr = frac.isEmpty() ? 0 : Double.parseDouble("0." + frac);
        f.add(unit, negative ? -w : w, negative ? -fr : fr, text);
    }

    /** {@code [+-]h:m[:s[.frac]]}. */
    private static void time(String t, Fields f, String text) {
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw bad(text);
        }
        try {
            long hours = Long.parseLong(parts[0]);
            long minutes = Long.parseLong(parts[1]);
            double seconds = parts.length == 3 ? Double.parseDouble(parts[2]) : 0;
            if (minutes > 59 || seconds >= 60 || parts[1].indexOf('.') >= 0) {
                throw new RustyDbException(ErrorCode.DATETIME_FIELD_OVERFLOW, text);
            }
            long micros = Math.addExact(Math.multiplyExact(hours, Interval.MICROS_PER_HOUR),
                    minutes * 60 * Interval.MICROS_PER_SECOND + Math.round(seconds * Interval.MICROS_PER_SECOND));
            f.micros = Math.addExact(f.micros, negative ? -micros : micros);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    /** ISO 8601 {@code P[nY][nM][nW][nD][T[nH][nM][nS]]}. */
    private static void iso(String s, Fields f, String text) {
        int i = 1;
        boolean timePart = false;
        boolean any = false;
        while (i < s.length()) {
            if (s.charAt(i) == 't') {
                if (timePart) {
                    throw bad(text);
                }
                timePart = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && ("+-.0123456789".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (start == i || i >= s.length()) {
                throw bad(text);
            }
            String number = s.substring(start, i);
            char designator = s.charAt(i++);
            String unit = switch (designator) {
                case 'y' -> timePart ? null : "year";
                case 'm' -> timePart ? "minute" : "month";
                case 'w' -> timePart ? null : "week";
                case 'd' -> timePart ? null : "day";
                case 'h' -> timePart ? "hour" : null;
                case 's' -> timePart ? "second" : null;
                default -> null;
            };
            if (unit == null) {
                throw bad(text);
            }
            number(number, unit, f, text);
            any = true;
        }
        if (!any) {
            throw bad(text);
        }
    }

    private static RustyDbException bad(String text) {
        return new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "interval", text);
    }

    /** IntervalStyle {@code postgres}: {@code 1 year 2 mons 3 days 04:05:06.5}, {@code -1 days +02:00:00}. */
    public static String format(Interval v) {
        StringBuilder sb = new StringBuilder();
        boolean[] state = {true, false}; // is zero, is before
        part(sb, v.months() / 12, "year", state);
        part(sb, v.months() % 12, "mon", state);
        part(sb, v.days(), "day", state);
        long time = v.micros();
        if (state[0] || time != 0) {
            long hour = time / Interval.MICROS_PER_HOUR;
            time -= hour * Interval.MICROS_PER_HOUR;
            long minute = time / (60 * Interval.MICROS_PER_SECOND);
            time -= minute * 60 * Interval.MICROS_PER_SECOND;
            long second = time / Interval.MICROS_PER_SECOND;
            long fsec = time - second * Interval.MICROS_PER_SECOND;
            boolean minus = hour < 0 || minute < 0 || second < 0 || fsec < 0;
            sb.append(state[0] ? "" : " ").append(minus ? "-" : state[1] ? "+" : "");
            sb.append(two(Math.abs(hour))).append(':').append(two(Math.abs(minute))).append(':')
                    .append(two(Math.abs(second)));
            if (fsec != 0) {
                String f = String.format(Locale.ROOT, "%06d", Math.abs(fsec));
                sb.append('.').append(f.replaceAll("0+$", ""));
            }
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        sb.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ')
                .append(unit).append(value != 1 ? "s" : "");
        state[1] = value < 0;
        state[0] = false;
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
