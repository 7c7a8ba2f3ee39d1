package io.rustydb.sql.parser;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's interval literals without a unit qualifier ({@code INTERVAL '7 days'},
 * {@code INTERVAL '1 day 2 hours'}, {@code '90 minutes'::interval}) rewritten to the SQL-standard
 * form Calcite's grammar reads ({@code INTERVAL '7' DAY}), padded with blanks where it is shorter
 * so character positions after it stay where they were. An interval mixing months with days or
 * time has no single SQL-standard type and is refused with 0A000.
 */
final class IntervalLiterals {
    private static final Set<String> QUALIFIERS = Set.of("year", "years", "month", "months", "day", "days", "hour",
            "hours", "minute", "minutes", "second", "seconds");
    private static final long DAY = 86_400_000L;

    private IntervalLiterals() {
    }

    static String rewrite(String text) {
        if (!text.toLowerCase(Locale.ROOT).contains("interval")) {
            return text;
        }
        List<SqlLexer.Token> tokens = SqlLexer.tokenizeCode(text);
        StringBuilder out = new StringBuilder(text);
        for (int i = tokens.size() - 2; i >= 0; i--) {
            SqlLexer.Token first = tokens.get(i);
            SqlLexer.Token second = tokens.get(i + 1);
            SqlLexer.Token next = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
            if (isWord(text, first, "interval") && isPlainString(text, second)
                    && (next == null || !QUALIFIERS.contains(next.text(text).toLowerCase(Locale.ROOT)))) {
                replace(out, first.start(), second.end(), second.text(text));
            } else if (next != null && isPlainString(text, first) && second.text(text).equals("::")
                    && isWord(text, next, "interval")) {
                SqlLexer.Token after = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
                if (after == null || !QUALIFIERS.contains(after.text(text).toLowerCase(Locale.ROOT))) {
                    replace(out, first.start(), next.end(), first.text(text));
                }
            }
        }
        return out.toString();
    }

    private static boolean isWord(String text, SqlLexer.Token t, String word) {
        return t.kind() == SqlLexer.Kind.WORD && t.text(text).equalsIgnoreCase(word);
    }

    private static boolean isPlainString(String text, SqlLexer.Token t) {
        return t.kind() == SqlLexer.Kind.STRING && t.complete() && text.charAt(t.start()) == '\'';
    }

    private static void replace(StringBuilder out, int start, int end, String quoted) {
        String body = quoted.substring(1, quoted.length() - 1).replace("''", "'");
        String standard = standard(body);
        int width = end - start;
        out.replace(start, end, standard.length() < width ? standard + " ".repeat(width - standard.length()) : standard);
    }

    /** The SQL-standard literal for PostgreSQL interval text. */
    static String standard(String body) {
        long months = 0;
        BigDecimal millis = BigDecimal.ZERO;
        String[] words = body.trim().toLowerCase(Locale.ROOT).split("\\s+");
        boolean ago = false;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            if (w.equals("ago")) {
                ago = true;
                continue;
            }
            if (w.contains(":")) {
                millis = millis.add(time(w, body));
                continue;
            }
            int split = 0;
            while (split < w.length() && "+-.0123456789".indexOf(w.charAt(split)) >= 0) {
                split++;
            }
            String number = w.substring(0, split);
            String unit = w.substring(split);
            if (unit.isEmpty() && i + 1 < words.length && !words[i + 1].contains(":")
                    && Character.isLetter(words[i + 1].charAt(0)) && !words[i + 1].equals("ago")) {
                unit = words[++i];
            }
            BigDecimal n;
            try {
                n = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw bad(body);
            }
            switch (unit) {
                case "", "s", "sec", "secs", "second", "seconds" -> millis = millis.add(n.movePointRight(3));
                case "ms", "msec", "msecs", "millisecond", "milliseconds" -> millis = millis.add(n);
                case "us", "usec", "usecs", "microsecond", "microseconds" -> millis = millis.add(n.movePointLeft(3));
                case "m", "min", "mins", "minute", "minutes" -> millis = millis.add(n.multiply(BigDecimal.valueOf(60_000)));
                case "h", "hr", "hrs", "hour", "hours" -> millis = millis.add(n.multiply(BigDecimal.valueOf(3_600_000)));
                case "d", "day", "days" -> millis = millis.add(n.multiply(BigDecimal.valueOf(DAY)));
                case "w", "week", "weeks" -> millis = millis.add(n.multiply(BigDecimal.valueOf(7 * DAY)));
                case "mon", "mons", "month", "months" -> months += n.longValueExact();
                case "y", "yr", "yrs", "year", "years" -> months += n.multiply(BigDecimal.valueOf(12)).longValueExact();
                case "decade", "decades" -> months += n.longValueExact() * 120;
                case "century", "centuries" -> months += n.longValueExact() * 1200;
                case "millennium", "millennia" -> months += n.longValueExact() * 12000;
                default -> throw bad(body);
            }
        }
        long ms = millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (ago) {
            ms = -ms;
            months = -months;
        }
        if (months != 0 && ms != 0) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "an interval that mixes months or years with days or time ('" + body + "')");
        }
        if (months != 0) {
            return months % 12 == 0 ? literal(Long.toString(months / 12), "YEAR") : literal(Long.toString(months), "MONTH");
        }
        if (ms % DAY == 0) {
            return literal(Long.toString(ms / DAY), "DAY");
        }
        if (ms % 3_600_000L == 0) {
            return literal(Long.toString(ms / 3_600_000L), "HOUR");
        }
        if (ms % 60_000L == 0) {
            return literal(Long.toString(ms / 60_000L), "MINUTE");
        }
        String seconds = BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
        int digits = Math.max(seconds.replace("-", "").indexOf('.') < 0 ? seconds.replace("-", "").length()
                : seconds.replace("-", "").indexOf('.'), 1);
        return "INTERVAL '" + seconds + "' SECOND(" + Math.max(digits, 2) + ", 3)";
    }

    private static String literal(String value, String unit) {
        int digits = value.replace("-", "").length();
        return "INTERVAL '" + value + "' " + unit + (digits > 2 ? "(" + digits + ")" : "");
    }

    private static BigDecimal time(String w, String body) {
        boolean negative = w.startsWith("-");
        String[] parts = w.replaceFirst("^[+-]", "").split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw bad(body);
        }
        try {
            BigDecimal ms = new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(3_600_000))
                    .add(new BigDecimal(parts[1]).multiply(BigDecimal.valueOf(60_000)));
            if (parts.length == 3) {
                ms = ms.add(new BigDecimal(parts[2]).movePointRight(3));
            }
            return negative ? ms.negate() : ms;
        } catch (NumberFormatException e) {
            throw bad(body);
        }
    }

    private static RustyDbException bad(String body) {
        return new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "interval", body);
    }
}
