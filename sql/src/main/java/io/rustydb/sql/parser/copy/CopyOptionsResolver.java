package io.rustydb.sql.parser.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.RustyDbParserUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns COPY's option list into {@link CopyOptions}, with the checks and messages of PostgreSQL
 * 15's ProcessCopyOptions. Each error points at the option it is about.
 */
final class CopyOptionsResolver {
    /** PostgreSQL's encoding names, lower case without punctuation, as pg_char_to_encoding compares them. */
    private static final Set<String> ENCODINGS = Set.of("utf8", "unicode", "sqlascii", "latin1", "latin2", "latin3",
            "latin4", "latin5", "latin6", "latin7", "latin8", "latin9", "latin10", "iso88591", "iso88595", "iso88596",
            "iso88597", "iso88598", "iso885915", "win866", "win874", "win1250", "win1251", "win1252", "win1253",
            "win1254", "win1255", "win1256", "win1257", "win1258", "windows1252", "koi8r", "koi8u", "eucjp", "euccn",
            "euckr", "euctw", "eucjis2004", "sjis", "shiftjis2004", "big5", "gbk", "gb18030", "uhc", "johab");

    private final boolean from;
    private GenericOption formatOption;
    private GenericOption freezeOption;
    private GenericOption delimiterOption;
    private GenericOption nullOption;
    private GenericOption headerOption;
    private GenericOption quoteOption;
    private GenericOption escapeOption;
    private GenericOption forceQuoteOption;
    private GenericOption forceNotNullOption;
    private GenericOption forceNullOption;
    private GenericOption encodingOption;

    private String format = CopyOptions.TEXT;
    private boolean freeze;
    private String delimiter;
    private String nullString;
    private boolean header;
    private boolean headerMatch;
    private String quote;
    private String escape;
    private boolean forceQuoteAll;
    private List<String> forceQuote = List.of();
    private List<String> forceNotNull = List.of();
    private List<String> forceNull = List.of();
    private String encoding;

    private CopyOptionsResolver(boolean from) {
        this.from = from;
    }

    static CopyOptions resolve(List<GenericOption> options, boolean from) {
        CopyOptionsResolver resolver = new CopyOptionsResolver(from);
        options.forEach(resolver::add);
        return resolver.build();
    }

    private void add(GenericOption option) {
        switch (option.name()) {
            case "format" -> {
                formatOption = once(formatOption, option);
                format = option.stringValue().toLowerCase(Locale.ROOT);
                if (!Set.of(CopyOptions.TEXT, CopyOptions.CSV, CopyOptions.BINARY).contains(format)) {
                    throw option.error(ErrorCode.INVALID_PARAMETER_VALUE,
                            "COPY format \"" + option.stringValue() + "\" not recognized");
                }
            }
            case "freeze" -> {
                freezeOption = once(freezeOption, option);
                freeze = option.booleanValue();
            }
            case "delimiter" -> {
                delimiterOption = once(delimiterOption, option);
                delimiter = option.stringValue();
            }
            case "null" -> {
                nullOption = once(nullOption, option);
                nullString = option.stringValue();
            }
            case "header" -> header(option);
            case "quote" -> {
                quoteOption = once(quoteOption, option);
                quote = option.stringValue();
            }
            case "escape" -> {
                escapeOption = once(escapeOption, option);
                escape = option.stringValue();
            }
            case "force_quote" -> {
                forceQuoteOption = once(forceQuoteOption, option);
                forceQuoteAll = option.isStar();
                forceQuote = forceQuoteAll ? List.of() : option.columnNames();
            }
            case "force_not_null" -> {
                forceNotNullOption = once(forceNotNullOption, option);
                forceNotNull = option.columnNames();
            }
            case "force_null" -> {
                forceNullOption = once(forceNullOption, option);
                forceNull = option.columnNames();
            }
            case "encoding" -> {
                encodingOption = once(encodingOption, option);
                encoding = option.stringValue();
                if (!ENCODINGS.contains(encoding.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))) {
                    throw option.error(ErrorCode.INVALID_PARAMETER_VALUE,
                            "argument to option \"encoding\" must be a valid encoding name");
                }
            }
            default -> throw option.error(ErrorCode.SYNTAX_ERROR, "option \"" + option.name() + "\" not recognized");
        }
    }

    /** HEADER [boolean | MATCH]; MATCH only when reading. */
    private void header(GenericOption option) {
        headerOption = once(headerOption, option);
        if (option.value() == null) {
            header = true;
            return;
        }
        Boolean value = GenericOption.parseBoolean(option.value());
        if (value != null) {
            header = value;
            return;
        }
        String text = option.stringValue();
        if (!text.equalsIgnoreCase("match")) {
            throw option.error(ErrorCode.SYNTAX_ERROR, "header requires a Boolean value or \"match\"");
        }
        if (!from) {
            throw RustyDbParserUtil.featureNotSupported(option.pos(), "cannot use \"" + text + "\" with HEADER in COPY TO");
        }
        header = true;
        headerMatch = true;
    }

    private static GenericOption once(GenericOption previous, GenericOption option) {
        if (previous != null) {
            throw option.redundant();
        }
        return option;
    }

    private CopyOptions build() {
        boolean binary = format.equals(CopyOptions.BINARY);
        boolean csv = format.equals(CopyOptions.CSV);
        if (binary) {
            checkBinary();
            return new CopyOptions(format, freeze, null, null, false, null, null, false, false, List.of(), List.of(),
                    List.of(), encoding);
        }
        if (delimiter == null) {
            delimiter = csv ? "," : "\t";
        }
        if (nullString == null) {
            nullString = csv ? "" : "\\N";
        }
        checkDelimiterAndNull(csv);
        if (csv) {
            checkQuoteAndEscape();
        } else {
            notInTextMode(quoteOption, "COPY quote available only in CSV mode");
            notInTextMode(escapeOption, "COPY escape available only in CSV mode");
            notInTextMode(forceQuoteOption, "COPY force quote available only in CSV mode");
            notInTextMode(forceNotNullOption, "COPY force not null available only in CSV mode");
            notInTextMode(forceNullOption, "COPY force null available only in CSV mode");
        }
        checkDirection();
        if (nullString.indexOf(delimiter.charAt(0)) >= 0) {
            throw featureNotSupported(at(nullOption, delimiterOption),
                    "COPY delimiter must not appear in the NULL specification");
        }
        if (csv && nullString.indexOf(quote.charAt(0)) >= 0) {
            throw featureNotSupported(at(nullOption, quoteOption),
                    "CSV quote character must not appear in the NULL specification");
        }
        return new CopyOptions(format, freeze, delimiter, nullString, header, quote, escape, headerMatch,
                forceQuoteAll, forceQuote, forceNotNull, forceNull, encoding);
    }

    private void checkBinary() {
        if (delimiterOption != null) {
            throw delimiterOption.error(ErrorCode.SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
        }
        if (nullOption != null) {
            throw nullOption.error(ErrorCode.SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
        }
        if (header) {
            throw headerOption.error(ErrorCode.SYNTAX_ERROR, "cannot specify HEADER in BINARY mode");
        }
        notInTextMode(quoteOption, "COPY quote available only in CSV mode");
        notInTextMode(escapeOption, "COPY escape available only in CSV mode");
        notInTextMode(forceQuoteOption, "COPY force quote available only in CSV mode");
        notInTextMode(forceNotNullOption, "COPY force not null available only in CSV mode");
        notInTextMode(forceNullOption, "COPY force null available only in CSV mode");
    }

    private void checkDelimiterAndNull(boolean csv) {
        if (!isOneByte(delimiter)) {
            throw featureNotSupported(at(delimiterOption), "COPY delimiter must be a single one-byte character");
        }
        char d = delimiter.charAt(0);
        if (d == '\r' || d == '\n') {
            throw delimiterOption.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY delimiter cannot be newline or carriage return");
        }
        if (nullString.indexOf('\r') >= 0 || nullString.indexOf('\n') >= 0) {
            throw nullOption.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY null representation cannot use newline or carriage return");
        }
        // Backslash, '.', lower-case letters and digits have meanings of their own in text format.
        if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(d) >= 0) {
            throw delimiterOption.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY delimiter cannot be \"" + delimiter + "\"");
        }
    }

    private void checkQuoteAndEscape() {
        if (quote == null) {
            quote = "\"";
        }
        if (escape == null) {
            escape = quote;
        }
        if (!isOneByte(quote)) {
            throw featureNotSupported(at(quoteOption), "COPY quote must be a single one-byte character");
        }
        if (delimiter.charAt(0) == quote.charAt(0)) {
            throw RustyDbParserUtil.error(at(quoteOption, delimiterOption), new RustyDbException(
                    ErrorCode.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different"));
        }
        if (!isOneByte(escape)) {
            throw featureNotSupported(at(escapeOption), "COPY escape must be a single one-byte character");
        }
    }

    private void checkDirection() {
        if (forceQuoteOption != null && from) {
            throw featureNotSupported(forceQuoteOption.pos(), "COPY force quote only available using COPY TO");
        }
        if (forceNotNullOption != null && !from) {
            throw featureNotSupported(forceNotNullOption.pos(), "COPY force not null only available using COPY FROM");
        }
        if (forceNullOption != null && !from) {
            throw featureNotSupported(forceNullOption.pos(), "COPY force null only available using COPY FROM");
        }
    }

    private static void notInTextMode(GenericOption option, String message) {
        if (option != null) {
            throw featureNotSupported(option.pos(), message);
        }
    }

    private static boolean isOneByte(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length == 1;
    }

    private static CalciteContextException featureNotSupported(SqlParserPos pos, String message) {
        return RustyDbParserUtil.featureNotSupported(pos, message);
    }

    /** The position of the first given option; every check involves at least one. */
    private static SqlParserPos at(GenericOption... options) {
        for (GenericOption option : options) {
            if (option != null) {
                return option.pos();
            }
        }
        return SqlParserPos.ZERO;
    }
}
