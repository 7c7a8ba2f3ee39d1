package io.rustydb.sql.calcite;

/** PostgreSQL's default ("postgres" IntervalStyle) text output of interval values. */
final class IntervalText {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IntervalText() {
    }

    /** A day-time interval of {@code millis}: days, then {@code [+-]HH:MM:SS[.fff]}. */
    static String dayTime(long millis) {
        long days = millis / MILLIS_PER_DAY;
        long time = millis % MILLIS_PER_DAY;
        StringBuilder sb = new StringBuilder();
        boolean before = false;
        if (days != 0) {
            sb.append(days).append(days == 1 ? " day" : " days");
            before = days < 0;
        }
        if (sb.length() == 0 || time != 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(time < 0 ? "-" : before ? "+" : "");
            long t = Math.abs(time);
            long hours = t / 3_600_000L;
            long minutes = t / 60_000L % 60;
            long seconds = t / 1000 % 60;
            long fraction = t % 1000;
            sb.append(two(hours)).append(':').append(two(minutes)).append(':').append(two(seconds));
            if (fraction != 0) {
                String f = String.format("%03d", fraction);
                sb.append('.').append(f.replaceAll("0+$", ""));
            }
        }
        return sb.toString();
    }

    /** A year-month interval of {@code months}: {@code 1 year 2 mons}. */
    static String yearMonth(int months) {
        int years = months / 12;
        int mons = months % 12;
        StringBuilder sb = new StringBuilder();
        boolean before = false;
        if (years != 0) {
            sb.append(years).append(years == 1 ? " year" : " years");
            before = years < 0;
        }
        if (mons != 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(before && mons > 0 ? "+" : "").append(mons).append(mons == 1 ? " mon" : " mons");
        }
        return sb.length() == 0 ? "00:00:00" : sb.toString();
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
