package io.rustydb.sql.calcite;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Run-time implementations of PostgreSQL's interval operators and functions, called from
 * generated code (see {@link IntervalOperators}). Timestamps are Calcite's milliseconds since
 * 1970-01-01, dates epoch days; a NULL argument gives NULL.
 */
public final class IntervalFunctions {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IntervalFunctions() {
    }

    /** text::interval. */
    public static Interval intervalIn(String text) {
        return text == null ? null : Interval.parse(text);
    }

    /** interval::text. */
    public static String intervalOut(Interval v) {
        return v == null ? null : v.toString();
    }

    /** The order of two intervals by their span (see {@link Interval#compareTo}). */
    public static Integer compare(Interval a, Interval b) {
        return a == null || b == null ? null : a.compareTo(b);
    }

    public static Interval plus(Interval a, Interval b) {
        return a == null || b == null ? null : a.plus(b);
    }

    public static Interval minus(Interval a, Interval b) {
        return a == null || b == null ? null : a.minus(b);
    }

    public static Interval negate(Interval a) {
        return a == null ? null : a.negate();
    }

    public static Interval multiply(Interval a, Double factor) {
        return a == null || factor == null ? null : a.multiply(factor);
    }

    public static Interval divide(Interval a, Double divisor) {
        return a == null || divisor == null ? null : a.divide(divisor);
    }

    /** timestamp + interval: months first (clamped to the month's last day), then days, then time. */
    public static Long timestampPlus(Long ts, Interval v) {
        if (ts == null || v == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(ts, 1000L), (int) Math.floorMod(ts, 1000L) * 1_000_000,
                ZoneOffset.UTC);
        try {
            t = t.plusMonths(v.months()).plusDays(v.days()).plus(v.micros(), ChronoUnit.MICROS);
            long micros = Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                    t.getNano() / 1000);
            return Math.floorDiv(micros + 500, 1000L);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new RustyDbException(ErrorCode.TIMESTAMP_OUT_OF_RANGE);
        }
    }

    public static Long timestampMinus(Long ts, Interval v) {
        return ts == null || v == null ? null : timestampPlus(ts, v.negate());
    }

    public static Long datePlus(Integer date, Interval v) {
        return date == null || v == null ? null : timestampPlus(date * MILLIS_PER_DAY, v);
    }

    public static Long dateMinus(Integer date, Interval v) {
        return date == null || v == null ? null : timestampPlus(date * MILLIS_PER_DAY, v.negate());
    }

    /** timestamp - timestamp: days and time (whole days carried out of the time, as justify_hours does). */
    public static Interval timestampDiff(Long a, Long b) {
        if (a == null || b == null) {
            return null;
        }
        return new Interval(0, 0, Math.multiplyExact(Math.subtractExact(a, b), 1000L)).justifyHours();
    }

    /** age(a, b): the symbolic difference in years, months, days and time, as PostgreSQL's timestamp_age. */
    public static Interval age(Long a, Long b) {
        if (a == null || b == null) {
            return null;
        }
        LocalDateTime t1 = LocalDateTime.ofEpochSecond(Math.floorDiv(a, 1000L), (int) Math.floorMod(a, 1000L) * 1_000_000,
                ZoneOffset.UTC);
        LocalDateTime t2 = LocalDateTime.ofEpochSecond(Math.floorDiv(b, 1000L), (int) Math.floorMod(b, 1000L) * 1_000_000,
                ZoneOffset.UTC);
        long fsec = (t1.getNano() - t2.getNano()) / 1000;
        long sec = t1.getSecond() - t2.getSecond();
        long min = t1.getMinute() - t2.getMinute();
        long hour = t1.getHour() - t2.getHour();
        long mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        long mon = t1.getMonthValue() - t2.getMonthValue();
        long year = t1.getYear() - t2.getYear();
        boolean flip = a < b;
        if (flip) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        while (fsec < 0) {
            fsec += 1_000_000;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            mday--;
        }
        while (mday < 0) {
            LocalDateTime base = flip ? t1 : t2;
            mday += base.toLocalDate().lengthOfMonth();
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        long months = year * 12 + mon;
        long micros = ((hour * 60 + min) * 60 + sec) * 1_000_000 + fsec;
        return flip ? Interval.of(-months, -mday, -micros) : Interval.of(months, mday, micros);
    }

    public static Interval justifyDays(Interval v) {
        return v == null ? null : v.justifyDays();
    }

    public static Interval justifyHours(Interval v) {
        return v == null ? null : v.justifyHours();
    }

    public static Interval justifyInterval(Interval v) {
        return v == null ? null : v.justifyInterval();
    }

    /** make_interval(years, months, weeks, days, hours, mins, secs). */
    public static Interval makeInterval(Integer years, Integer months, Integer weeks, Integer days, Integer hours,
            Integer mins, Number secs) {
        if (years == null || months == null || weeks == null || days == null || hours == null || mins == null
                || secs == null) {
            return null;
        }
        double seconds = secs.doubleValue();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw Interval.outOfRange();
        }
        try {
            long m = Math.addExact(Math.multiplyExact((long) years, 12L), months);
            long d = Math.addExact(Math.multiplyExact((long) weeks, 7L), days);
            long micros = Math.addExact(Math.multiplyExact((long) hours * 60 + mins, 60_000_000L),
                    (long) Math.rint(seconds * 1_000_000));
            return Interval.of(m, d, micros);
        } catch (ArithmeticException e) {
            throw Interval.outOfRange();
        }
    }

    /** EXTRACT(unit FROM interval), numeric as PostgreSQL 15 returns it. */
    public static BigDecimal extract(String unit, Interval v) {
        if (unit == null || v == null) {
            return null;
        }
        long time = v.micros();
        long hour = time / Interval.MICROS_PER_HOUR;
        long minute = time / 60_000_000L % 60;
        long secMicros = time % 60_000_000L;
        long year = v.months() / 12;
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "EPOCH" -> {
                long secs = (long) (4 * 365.25) * year + 4L * 30 * (v.months() % 12) + 4L * v.days();
                yield BigDecimal.valueOf(secs * (86_400 / 4)).add(BigDecimal.valueOf(time, 6)).setScale(6);
            }
            case "MICROSECOND" -> BigDecimal.valueOf(secMicros);
            case "MILLISECOND" -> BigDecimal.valueOf(secMicros, 3);
            case "SECOND" -> BigDecimal.valueOf(secMicros, 6);
            case "MINUTE" -> BigDecimal.valueOf(minute);
            case "HOUR" -> BigDecimal.valueOf(hour);
            case "DAY" -> BigDecimal.valueOf(v.days());
            case "MONTH" -> BigDecimal.valueOf(v.months() % 12);
            case "QUARTER" -> BigDecimal.valueOf(v.months() % 12 / 3 + 1);
            case "YEAR" -> BigDecimal.valueOf(year);
            case "DECADE" -> BigDecimal.valueOf(year / 10);
            case "CENTURY" -> BigDecimal.valueOf(year / 100);
            case "MILLENNIUM" -> BigDecimal.valueOf(year / 1000);
            default -> throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "unit \"" + unit.toLowerCase(Locale.ROOT) + "\" for type interval");
        };
    }

    /** date_part(text, interval): the same fields as EXTRACT, as double precision. */
    public static Double datePart(String unit, Interval v) {
        BigDecimal d = extract(unit, v);
        return d == null ? null : d.doubleValue();
    }
}
