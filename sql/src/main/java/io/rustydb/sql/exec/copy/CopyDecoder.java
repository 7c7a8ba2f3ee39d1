package io.rustydb.sql.exec.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a COPY data stream into rows of fields as chunks arrive, in PostgreSQL's text format
 * (backslash escapes, {@code \N} for NULL, {@code \.} ends the data) or CSV (quoted fields that
 * may span lines, unquoted empty field is NULL). Only the current, incomplete row is buffered.
 * Fields are strings, or null for SQL NULL.
 */
public final class CopyDecoder {
    private final CopyFormat format;
    private final int columns;
    private final Consumer<String[]> rows;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean inQuotes;
    private boolean ended;
    private boolean headerSkipped;
    private long line;

    public CopyDecoder(CopyFormat format, int columns, Consumer<String[]> rows) {
        this.format = format;
        this.columns = columns;
        this.rows = rows;
    }

    /** Line number (1-based) of the row being decoded, for error context. */
    public long line() {
        return line;
    }

    /** Feeds a chunk; every row it completes is passed on before this returns. */
    public void feed(byte[] chunk) {
        for (byte b : chunk) {
            if (ended) {
                return;
            }
            if (format.csv() && b == (byte) format.quote()) {
                inQuotes = !inQuotes;
            }
            if (b == '\n' && !inQuotes) {
                byte[] bytes = pending.toByteArray();
                pending.reset();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                lineComplete(new String(bytes, 0, length, StandardCharsets.UTF_8));
            } else {
                pending.write(b);
            }
        }
    }

    /** End of data: a last line without a newline still counts. */
    public void finish() {
        if (!ended && pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            if (inQuotes) {
                line++;
                throw error("unterminated CSV quoted field");
            }
            lineComplete(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private void lineComplete(String text) {
        line++;
        if (text.equals("\\.")) {
            ended = true;
            return;
        }
        if (format.header() && !headerSkipped) {
            headerSkipped = true;
            return;
        }
        String[] fields = format.csv() ? csvFields(text) : textFields(text);
        if (fields.length != columns) {
            throw error(fields.length > columns ? "extra data after last expected column"
                    : "missing data for column " + (fields.length + 1));
        }
        rows.accept(fields);
    }

    private String[] textFields(String text) {
        List<String> fields = new ArrayList<>(columns);
        boolean escaped = false;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == format.delimiter()) {
                String raw = text.substring(start, i);
                fields.add(!escaped && raw.equals(format.nullString()) ? null : escaped ? unescape(raw) : raw);
                start = i + 1;
                escaped = false;
            } else if (text.charAt(i) == '\\') {
                escaped = true;
                i++;
            }
        }
        return fields.toArray(new String[0]);
    }

    /** PostgreSQL text-format backslash sequences: \b \f \n \r \t \v, octal \ooo, hex \xhh, \c = c. */
    private String unescape(String raw) {
        if (raw.equals(format.nullString())) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char n = raw.charAt(++i);
            switch (n) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    int end = i + 1;
                    while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) Integer.parseInt(raw.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int end = i;
                        while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(raw.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    private String[] csvFields(String text) {
        List<String> fields = new ArrayList<>(columns);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length()) {
                fields.add(!wasQuoted && field.toString().equals(format.nullString()) ? null : field.toString());
                break;
            }
            char c = text.charAt(i);
            if (quoted) {
                if (c == format.escape() && i + 1 < text.length()
                        && (text.charAt(i + 1) == format.quote() || text.charAt(i + 1) == format.escape())) {
                    field.append(text.charAt(++i));
                } else if (c == format.quote()) {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == format.quote()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == format.delimiter()) {
                fields.add(!wasQuoted && field.toString().equals(format.nullString()) ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        return fields.toArray(new String[0]);
    }

    private RustyDbException error(String message) {
        return new RustyDbException(ErrorCode.BAD_COPY_FILE_FORMAT, message).withDetail("COPY data line " + line);
    }
}
