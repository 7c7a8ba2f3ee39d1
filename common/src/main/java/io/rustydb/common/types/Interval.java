package io.rustydb.common.types;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.text.PgIntervalText;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds kept apart, as PostgreSQL stores
 * them ({@code '1 month'} is not {@code '30 days'}, {@code '1 day'} not {@code '24 hours'}, until
 * a timestamp is moved by them). Intervals compare, group and hash as PostgreSQL does, by their
 * span with 30-day months and 24-hour days, so {@code '1 day' = '24 hours'}.
 */
public final class Interval implements Comparable<Interval> {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_HOUR = 3_600_000_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final int DAYS_PER_MONTH = 30;
    public static final Interval ZERO = new Interval(0, 0, 0);

    private final int months;
    private final int days;
    private final long micros;

    public Interval(int months, int days, long micros) {
        this.months = months;
        this.days = days;
        this.micros = micros;
    }

    /** An interval of {@code months}, {@code days} and {@code micros}; 22008 if a field overflows. */
    public static Interval of(long months, long days, long micros) {
        if (months != (int) months || days != (int) days) {
            throw outOfRange();
        }
        return new Interval((int) months, (int) days, micros);
    }

    /** PostgreSQL's input forms, e.g. {@code 1 year 2 mons 3 days 04:05:06.5}, {@code P1DT2H}; 22007 if bad. */
    public static Interval parse(String text) {
        return PgIntervalText.parse(text);
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    public long micros() {
        return micros;
    }

    public Interval plus(Interval o) {
        try {
            return of((long) months + o.months, (long) days + o.days, Math.addExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    public Interval minus(Interval o) {
        try {
            return of((long) months - o.months, (long) days - o.days, Math.subtractExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    public Interval negate() {
        if (months == Integer.MIN_VALUE || days == Integer.MIN_VALUE || micros == Long.MIN_VALUE) {
            throw outOfRange();
        }
        return new Interval(-months, -days, -micros);
    }

    /** {@code interval * factor}, with fractional months and days carried down as PostgreSQL 15 does. */
    public Interval multiply(double factor) {
        double monthsD = months * factor;
        double daysD = days * factor;
        if (Double.isNaN(monthsD) || Double.isNaN(daysD) || Math.abs(monthsD) > Integer.MAX_VALUE
                || Math.abs(daysD) > Integer.MAX_VALUE) {
            throw outOfRange();
        }
        int m = (int) monthsD;
        int d = (int) daysD;
        double monthRemainderDays = tsRound((monthsD - m) * DAYS_PER_MONTH);
        double secRemainder = tsRound((daysD - d + monthRemainderDays - (int) monthRemainderDays) * 86_400);
        return carry(m, d, monthRemainderDays, secRemainder, micros * factor);
    }

    /** {@code interval / divisor}; 22012 for a zero divisor. */
    public Interval divide(double divisor) {
        if (divisor == 0) {
            throw new RustyDbException(ErrorCode.DIVISION_BY_ZERO);
        }
        double monthsD = months / divisor;
        double daysD = days / divisor;
        if (Double.isNaN(monthsD) || Math.abs(monthsD) > Integer.MAX_VALUE || Math.abs(daysD) > Integer.MAX_VALUE) {
            throw outOfRange();
        }
        int m = (int) monthsD;
        int d = (int) daysD;
        double monthRemainderDays = tsRound((monthsD - m) * DAYS_PER_MONTH);
        double secRemainder = tsRound((daysD - d + monthRemainderDays - (int) monthRemainderDays) * 86_400);
        return carry(m, d, monthRemainderDays, secRemainder, micros / divisor);
    }

    private static Interval carry(int m, int d, double monthRemainderDays, double secRemainder, double time) {
        long days = d;
        if (Math.abs(secRemainder) >= 86_400) {
            days += (long) (secRemainder / 86_400);
            secRemainder -= (long) (secRemainder / 86_400) * 86_400.0;
        }
        days += (long) monthRemainderDays;
        double t = Math.rint(time + secRemainder * MICROS_PER_SECOND);
        if (Double.isNaN(t) || Math.abs(t) >= 9.2e18) {
            throw outOfRange();
        }
        return of(m, days, (long) t);
    }

    private static double tsRound(double v) {
        return Math.rint(v * 1_000_000.0) / 1_000_000.0;
    }

    /** justify_hours: whole 24-hour periods of the time move to days. */
    public Interval justifyHours() {
        long wholeDays = micros / MICROS_PER_DAY;
        long time = micros - wholeDays * MICROS_PER_DAY;
        long d = days + wholeDays;
        if (d > 0 && time < 0) {
            time += MICROS_PER_DAY;
            d--;
        } else if (d < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            d++;
        }
        return of(months, d, time);
    }

    /** justify_days: whole 30-day periods move to months. */
    public Interval justifyDays() {
        long wholeMonths = days / DAYS_PER_MONTH;
        long d = days - wholeMonths * DAYS_PER_MONTH;
        long m = months + wholeMonths;
        if (m > 0 && d < 0) {
            d += DAYS_PER_MONTH;
            m--;
        } else if (m < 0 && d > 0) {
            d -= DAYS_PER_MONTH;
            m++;
        }
        return of(m, d, micros);
    }

    /** justify_interval: justify_hours then justify_days, with the signs of all fields made to agree. */
    public Interval justifyInterval() {
        long m = months;
        long d = days;
        long time = micros;
        if (d > 0 && time > 0 || d < 0 && time < 0) {
            long whole = d / DAYS_PER_MONTH;
            d -= whole * DAYS_PER_MONTH;
            m += whole;
        }
        long wholeDays = time / MICROS_PER_DAY;
        time -= wholeDays * MICROS_PER_DAY;
        d += wholeDays;
        long whole = d / DAYS_PER_MONTH;
        d -= whole * DAYS_PER_MONTH;
        m += whole;
        if (m > 0 && (d < 0 || d == 0 && time < 0)) {
            d += DAYS_PER_MONTH;
            m--;
        } else if (m < 0 && (d > 0 || d == 0 && time > 0)) {
            d -= DAYS_PER_MONTH;
            m++;
        }
        if (d > 0 && time < 0) {
            time += MICROS_PER_DAY;
            d--;
        } else if (d < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            d++;
        }
        return of(m, d, time);
    }

    /** Whole days of the span (30-day months) after carrying the time into days. */
    private long spanDays() {
        return months * 30L + days + Math.floorDiv(micros, MICROS_PER_DAY);
    }

    private long spanRest() {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }

    @Override
    public int compareTo(Interval o) {
        int c = Long.compare(spanDays(), o.spanDays());
        return c != 0 ? c : Long.compare(spanRest(), o.spanRest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval i && compareTo(i) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(spanDays()) * 31 + Long.hashCode(spanRest());
    }

    /** PostgreSQL's output in IntervalStyle {@code postgres}, e.g. {@code 1 year 2 mons -3 days +04:05:06.5}. */
    @Override
    public String toString() {
        return PgIntervalText.format(this);
    }

    public static RustyDbException outOfRange() {
        return new RustyDbException(ErrorCode.INTERVAL_OUT_OF_RANGE);
    }
}
