package io.rustydb.sql.exec.copy;

/**
 * The resolved options of a text or CSV COPY: field delimiter, the string that means NULL, and
 * for CSV the quote and escape characters and whether the first line is a header.
 */
public record CopyFormat(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header) {

    public static CopyFormat textDefaults() {
        return new CopyFormat(false, '\t', "\\N", '"', '"', false);
    }
}
