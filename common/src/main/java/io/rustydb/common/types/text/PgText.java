package io.rustydb.common.types.text;

import io.rustydb.common.types.DataType;
import java.math.BigDecimal;

/**
 * PostgreSQL's text output of a value of each {@link DataType} (what psql shows, the wire's
 * text format and COPY's fields), exactly as PostgreSQL 15 prints it.
 */
public final class PgText {
    private PgText() {
    }

    /** The text form of a non-null value. */
    public static String format(DataType type, Object value) {
        return switch (type) {
            case BOOLEAN -> (Boolean) value ? "t" : "f";
            case SMALLINT, INTEGER, BIGINT -> Long.toString(((Number) value).longValue());
            case REAL -> PgFloatText.formatFloat(((Number) value).floatValue());
            case DOUBLE -> PgFloatText.formatDouble(((Number) value).doubleValue());
            case NUMERIC -> PgTextCodec.formatNumeric(value instanceof BigDecimal d ? d
                    : new BigDecimal(value.toString()));
            case CHAR, VARCHAR, TEXT -> value instanceof java.util.List<?> list ? array(list) : value.toString();
            case DATE -> PgDateTimeText.formatDate(((Number) value).intValue());
            case TIMESTAMP -> PgDateTimeText.formatTimestamp(((Number) value).longValue());
            case INTERVAL -> value.toString();
        };
    }

    /** An array (a {@code java.util.List}) in PostgreSQL's text form: {@code {a,"b c",NULL}}. */
    private static String array(java.util.List<?> list) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            sb.append(i == 0 ? "" : ",");
            if (e == null) {
                sb.append("NULL");
                continue;
            }
            String text = e instanceof java.util.List<?> inner ? array(inner) : e.toString();
            boolean quote = !(e instanceof java.util.List) && (text.isEmpty() || text.equalsIgnoreCase("null")
                    || text.chars().anyMatch(c -> c == ',' || c == '{' || c == '}' || c == '"' || c == '\\'
                            || Character.isWhitespace(c)));
            if (quote) {
                sb.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(text);
            }
        }
        return sb.append('}').toString();
    }
}
