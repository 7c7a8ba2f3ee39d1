package io.rustydb.sql.parser.copy;

import java.util.List;

/**
 * The options of a COPY statement with PostgreSQL's defaults filled in: text format uses a tab
 * delimiter and {@code \N} for NULL; csv uses {@code ,}, the empty string, {@code "} as quote and
 * the quote as escape. Options that do not apply to the format are {@code null} (delimiter and
 * NULL string in binary format, quote and escape outside csv).
 *
 * @param format {@code text}, {@code csv} or {@code binary}
 * @param freeze FREEZE: rows may be loaded already frozen
 * @param delimiter the one-character field delimiter
 * @param nullString the text that stands for NULL
 * @param header whether the data has (COPY FROM) or gets (COPY TO) a header line
 * @param quote the one-character csv quote
 * @param escape the one-character csv escape
 * @param headerMatch HEADER MATCH: the header line must name the columns (COPY FROM only)
 * @param forceQuoteAll FORCE_QUOTE *: quote every non-NULL value (COPY TO, csv)
 * @param forceQuote FORCE_QUOTE (cols): quote these columns' non-NULL values (COPY TO, csv)
 * @param forceNotNull FORCE_NOT_NULL (cols): never read these columns' values as NULL (COPY FROM, csv)
 * @param forceNull FORCE_NULL (cols): read a quoted NULL string as NULL too (COPY FROM, csv)
 * @param encoding ENCODING: the data's encoding name as written, or {@code null} for the client's
 */
public record CopyOptions(String format, boolean freeze, String delimiter, String nullString, boolean header,
        String quote, String escape, boolean headerMatch, boolean forceQuoteAll, List<String> forceQuote,
        List<String> forceNotNull, List<String> forceNull, String encoding) {
    public static final String TEXT = "text";
    public static final String CSV = "csv";
    public static final String BINARY = "binary";

    public CopyOptions {
        forceQuote = List.copyOf(forceQuote);
        forceNotNull = List.copyOf(forceNotNull);
        forceNull = List.copyOf(forceNull);
    }

    /** What {@code COPY t FROM STDIN} without options means: text format, tab, {@code \N}. */
    public static CopyOptions defaults() {
        return new CopyOptions(TEXT, false, "\t", "\\N", false, null, null, false, false, List.of(), List.of(),
                List.of(), null);
    }

    /** What {@code FORMAT csv} alone means: comma, empty string for NULL, {@code "} as quote and escape. */
    public static CopyOptions csvDefaults() {
        return new CopyOptions(CSV, false, ",", "", false, "\"", "\"", false, false, List.of(), List.of(), List.of(),
                null);
    }

    public boolean text() {
        return TEXT.equals(format);
    }

    public boolean csv() {
        return CSV.equals(format);
    }

    public boolean binary() {
        return BINARY.equals(format);
    }

    /** The delimiter as a char; only for text and csv. */
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    /** The quote as a char; only for csv. */
    public char quoteChar() {
        return quote.charAt(0);
    }

    /** The escape as a char; only for csv. */
    public char escapeChar() {
        return escape.charAt(0);
    }
}
