package io.rustydb.sql.exec.copy;

import io.rustydb.common.types.DataType;
import io.rustydb.common.types.text.PgText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as COPY TO does: text format with backslash escapes and {@code \N} for NULL, or
 * CSV with fields quoted only when they must be (delimiter, quote, line break, or a value that
 * would read back as NULL).
 */
final class CopyEncoder {
    private final CopyFormat format;
    private final List<DataType> types;

    CopyEncoder(CopyFormat format, List<DataType> types) {
        this.format = format;
        this.types = types;
    }

    /** One encoded line, newline included. */
    byte[] row(Object[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            if (values[i] == null) {
                line.append(format.nullString());
            } else {
                String text = PgText.format(types.get(i), values[i]);
                if (format.csv()) {
                    csvField(line, text);
                } else {
                    textField(line, text);
                }
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header line (CSV HEADER) with the column names. */
    byte[] header(List<String> names) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                line.append(format.delimiter());
            }
            csvField(line, names.get(i));
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void textField(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append(format.delimiter() == '\t' ? "\\t" : "\t");
                default -> {
                    if (c == format.delimiter()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
    }

    private void csvField(StringBuilder out, String text) {
        boolean quote = text.equals(format.nullString()) || text.indexOf(format.delimiter()) >= 0
                || text.indexOf(format.quote()) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!quote) {
            out.append(text);
            return;
        }
        out.append(format.quote());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == format.quote() || c == format.escape()) {
                out.append(format.escape());
            }
            out.append(c);
        }
        out.append(format.quote());
    }
}
