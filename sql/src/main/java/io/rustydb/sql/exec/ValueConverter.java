package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.common.types.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Converts a value to a column's declared type the way PostgreSQL's assignment casts do:
 * text is parsed (22P02 / 22007 when it does not parse), numbers are range-checked (22003) and
 * rounded to the declared scale, strings are checked against their declared length (22001) and
 * CHAR(n) is blank-padded. TIMESTAMP keeps milliseconds: finer input is rounded to the nearest
 * millisecond, as PostgreSQL rounds to a declared timestamp(3). A time-zone offset on date or timestamp text (as pgjdbc sends
 * {@code 1970-01-01 +00}) is accepted and ignored, as PostgreSQL does for types without time zone.
 */
public final class ValueConverter {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private ValueConverter() {
    }

    /** Converts {@code value} to {@code type}; null stays null. */
    public static Object convert(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type.type()) {
            case BOOLEAN -> toBoolean(value);
            case SMALLINT -> (short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> (int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case REAL -> toReal(value);
            case DOUBLE -> toDouble(value);
            case NUMERIC -> toNumeric(value, type);
            case CHAR -> toChar(value, type);
            case VARCHAR -> toVarchar(value, type);
            case TEXT -> toText(value);
            case DATE -> toDate(value);
            case TIMESTAMP -> toTimestamp(value);
            case INTERVAL -> value instanceof Interval i ? i : Interval.parse(value.toString());
        };
    }

    /** Converts to the type's base representation without length or scale checks. */
    public static Object convert(Object value, DataType type) {
        return convert(value, ColumnType.of(type));
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "boolean", value.toString());
        };
    }

    private static long toLong(Object value, long min, long max, String typeName) {
        BigDecimal exact;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                throw outOfRange(typeName);
            }
            return v;
        } else if (value instanceof BigDecimal d) {
            exact = d.setScale(0, RoundingMode.HALF_UP);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw outOfRange(typeName);
            }
            exact = BigDecimal.valueOf(Math.rint(d));
        } else if (value instanceof String s) {
            try {
                exact = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, s);
            }
            if (exact.scale() > 0 && exact.stripTrailingZeros().scale() > 0) {
                throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, s);
            }
        } else {
            throw mismatch(value, typeName);
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(typeName);
        }
        return exact.longValueExact();
    }

    private static Float toReal(Object value) {
        if (value instanceof Number n) {
            return n.floatValue();
        }
        return (float) parseDouble(value.toString(), "real");
    }

    private static Double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return parseDouble(value.toString(), "double precision");
    }

    private static double parseDouble(String text, String typeName) {
        String s = text.trim();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity", "inf", "+infinity", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            if (s.isEmpty() || Character.isLetter(s.charAt(s.length() - 1))) {
                throw new NumberFormatException(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName, text);
        }
    }

    private static BigDecimal toNumeric(Object value, ColumnType type) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "NaN and infinity in numeric columns");
            }
            d = new BigDecimal(Double.toString(v));
        } else if (value instanceof String s) {
            try {
                d = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "numeric", s);
            }
        } else {
            throw mismatch(value, "numeric");
        }
        if (type.length() < 0) {
            return d;
        }
        int scale = Math.max(type.scale(), 0);
        BigDecimal scaled = d.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.length() - scale && scaled.signum() != 0) {
            throw new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + type.length() + ", scale " + scale
                            + " must round to an absolute value less than 10^" + (type.length() - scale) + ".");
        }
        return scaled;
    }

    private static String toChar(Object value, ColumnType type) {
        String s = toText(value);
        if (type.length() < 0) {
            return s;
        }
        int n = type.length();
        if (s.length() > n) {
            if (!s.substring(n).isBlank()) {
                throw new RustyDbException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "character(" + n + ")");
            }
            return s.substring(0, n);
        }
        return s.length() == n ? s : s + " ".repeat(n - s.length());
    }

    private static String toVarchar(Object value, ColumnType type) {
        String s = toText(value);
        if (type.length() >= 0 && s.length() > type.length()) {
            if (!s.substring(type.length()).isBlank()) {
                throw new RustyDbException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
                        "character varying(" + type.length() + ")");
            }
            return s.substring(0, type.length());
        }
        return s;
    }

    private static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static Integer toDate(Object value) {
        if (value instanceof Integer days) {
            return days;
        }
        if (value instanceof Long millis) {
            return (int) Math.floorDiv(millis, MILLIS_PER_DAY);
        }
        String s = value.toString().trim();
        try {
            return (int) LocalDate.from(TIMESTAMP_TEXT.parse(s)).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "date", s);
        }
    }

    private static Long toTimestamp(Object value) {
        if (value instanceof Long millis) {
            return millis;
        }
        if (value instanceof Integer days) {
            return days * MILLIS_PER_DAY;
        }
        String s = value.toString().trim();
        try {
            var parsed = TIMESTAMP_TEXT.parse(s);
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            long micros = LocalDateTime.of(date, time).toEpochSecond(ZoneOffset.UTC) * 1_000_000L
                    + time.getNano() / 1000;
            return Math.floorDiv(micros + 500, 1000L);
        } catch (DateTimeParseException e) {
            throw new RustyDbException(ErrorCode.INVALID_DATETIME_FORMAT, "timestamp", s);
        }
    }

    private static RustyDbException outOfRange(String typeName) {
        return new RustyDbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    private static RustyDbException mismatch(Object value, String typeName) {
        return new RustyDbException(ErrorCode.DATATYPE_MISMATCH,
                "cannot convert " + value.getClass().getSimpleName() + " to " + typeName);
    }
}
