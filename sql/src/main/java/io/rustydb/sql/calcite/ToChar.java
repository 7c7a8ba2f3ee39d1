package io.rustydb.sql.calcite;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * PostgreSQL's {@code to_char(timestamp, format)} for the common template patterns (YYYY, MM,
 * DD, HH24, MI, SS, MS, Mon, Month, Day, Dy, AM/PM, Q, DDD, IW, the FM prefix); other characters
 * are copied, and double-quoted text is copied literally.
 */
final class ToChar {
    private static final String[] PATTERNS = {"HH24", "HH12", "HH", "MI", "SS", "MS", "US", "YYYY", "YYY", "YY",
        "IYYY", "MONTH", "Month", "month", "MON", "Mon", "mon", "MM", "DAY", "Day", "day", "DY", "Dy", "dy",
        "DDD", "DD", "D", "IW", "Q", "AM", "PM", "am", "pm"};

    private ToChar() {
    }

    static String format(long millis, String format) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC)
                .plusNanos(Math.floorMod(millis, 1000) * 1_000_000L);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            boolean fm = format.startsWith("FM", i) || format.startsWith("fm", i);
            if (fm) {
                i += 2;
            }
            if (i < format.length() && format.charAt(i) == '"') {
                int end = format.indexOf('"', i + 1);
                end = end < 0 ? format.length() : end;
                out.append(format, i + 1, end);
                i = end + 1;
                continue;
            }
            String matched = null;
            for (String p : PATTERNS) {
                if (format.startsWith(p, i)) {
                    matched = p;
                    break;
                }
            }
            if (matched == null) {
                if (i < format.length()) {
                    out.append(format.charAt(i));
                }
                i++;
                continue;
            }
            out.append(field(t, matched, fm));
            i += matched.length();
        }
        return out.toString();
    }

    private static String field(LocalDateTime t, String p, boolean fm) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (p) {
            case "HH24" -> num(t.getHour(), 2, fm);
            case "HH12", "HH" -> num(hour12, 2, fm);
            case "MI" -> num(t.getMinute(), 2, fm);
            case "SS" -> num(t.getSecond(), 2, fm);
            case "MS" -> num(t.getNano() / 1_000_000, 3, fm);
            case "US" -> num(t.getNano() / 1000, 6, fm);
            case "YYYY" -> num(t.getYear(), 4, fm);
            case "YYY" -> num(t.getYear() % 1000, 3, fm);
            case "YY" -> num(t.getYear() % 100, 2, fm);
            case "IYYY" -> num(t.get(IsoFields.WEEK_BASED_YEAR), 4, fm);
            case "MM" -> num(t.getMonthValue(), 2, fm);
            case "DDD" -> num(t.getDayOfYear(), 3, fm);
            case "DD" -> num(t.getDayOfMonth(), 2, fm);
            case "D" -> Integer.toString(t.getDayOfWeek().getValue() % 7 + 1);
            case "IW" -> num(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fm);
            case "Q" -> Integer.toString((t.getMonthValue() - 1) / 3 + 1);
            case "AM", "PM" -> t.getHour() < 12 ? "AM" : "PM";
            case "am", "pm" -> t.getHour() < 12 ? "am" : "pm";
            default -> name(t, p, fm);
        };
    }

    private static String name(LocalDateTime t, String p, boolean fm) {
        boolean month = p.equalsIgnoreCase("MONTH") || p.equalsIgnoreCase("MON");
        boolean full = p.equalsIgnoreCase("MONTH") || p.equalsIgnoreCase("DAY");
        String n = month
                ? t.getMonth().getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH)
                : t.getDayOfWeek().getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
        if (Character.isUpperCase(p.charAt(1))) {
            n = n.toUpperCase(Locale.ROOT);
        } else if (Character.isLowerCase(p.charAt(0))) {
            n = n.toLowerCase(Locale.ROOT);
        }
        if (full && !fm) {
            n = String.format("%-9s", n);
        }
        return n;
    }

    private static String num(int v, int width, boolean fm) {
        String s = Integer.toString(Math.abs(v));
        if (!fm && s.length() < width) {
            s = "0".repeat(width - s.length()) + s;
        }
        return v < 0 ? "-" + s : s;
    }
}
