package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.assertRoundTrip;
import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.copy.CopyOptions;
import io.rustydb.sql.parser.copy.SqlCopy;
import java.util.List;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CopyParserTest {

    private static CopyOptions options(String sql) {
        return parse(sql, SqlCopy.class).options();
    }

    @Test
    void pgbenchLoadsWithFreeze() {
        SqlCopy copy = parse("copy pgbench_accounts from stdin with (freeze on)", SqlCopy.class);
        assertEquals("pgbench_accounts", copy.table().getSimple());
        assertNull(copy.query());
        assertEquals(List.of(), copy.columns());
        assertTrue(copy.fromStdin());
        CopyOptions options = copy.options();
        assertTrue(options.freeze());
        assertTrue(options.text());
        assertEquals("\t", options.delimiter());
        assertEquals("\\N", options.nullString());
    }

    @Test
    void tableWithColumnsToStdout() {
        SqlCopy copy = parse("COPY s.T (a, \"B\") TO STDOUT", SqlCopy.class);
        assertEquals(List.of("s", "t"), copy.table().names);
        assertEquals(List.of("a", "B"), copy.columns());
        assertFalse(copy.fromStdin());
        assertEquals(CopyOptions.defaults(), copy.options());
    }

    @Test
    void queryToStdout() {
        SqlCopy copy = parse("COPY (SELECT a FROM t ORDER BY a LIMIT 5) TO STDOUT (FORMAT csv)", SqlCopy.class);
        assertNull(copy.table());
        assertInstanceOf(SqlOrderBy.class, copy.query());
        assertInstanceOf(SqlSelect.class, parse("COPY (SELECT 1) TO STDOUT", SqlCopy.class).query());
        assertTrue(copy.options().csv());
    }

    @Test
    void defaultsDependOnTheFormat() {
        assertEquals(CopyOptions.csvDefaults(), options("COPY t FROM STDIN (FORMAT csv)"));
        CopyOptions csv = CopyOptions.csvDefaults();
        assertEquals(",", csv.delimiter());
        assertEquals("", csv.nullString());
        assertEquals("\"", csv.quote());
        assertEquals("\"", csv.escape());
        CopyOptions binary = options("COPY t FROM STDIN (FORMAT binary)");
        assertTrue(binary.binary());
        assertNull(binary.delimiter());
        assertNull(binary.nullString());
        assertNull(binary.quote());
        CopyOptions text = CopyOptions.defaults();
        assertNull(text.quote());
        assertNull(text.escape());
        // The escape defaults to the quote.
        assertEquals("'", options("COPY t FROM STDIN (FORMAT csv, QUOTE '''')").escape());
    }

    @Test
    void everyGenericOption() {
        CopyOptions options = options("COPY t FROM STDIN WITH (FORMAT CSV, FREEZE false, DELIMITER ';', NULL 'nil',"
                + " HEADER match, QUOTE '''', ESCAPE '\\', FORCE_NOT_NULL (a, b), FORCE_NULL (c), ENCODING 'LATIN1')");
        assertEquals(new CopyOptions("csv", false, ";", "nil", true, "'", "\\", true, false, List.of(),
                List.of("a", "b"), List.of("c"), "LATIN1"), options);
        CopyOptions out = options("COPY t TO STDOUT (FORMAT csv, HEADER 1, FORCE_QUOTE (a))");
        assertTrue(out.header());
        assertFalse(out.headerMatch());
        assertEquals(List.of("a"), out.forceQuote());
        assertTrue(options("COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE *)").forceQuoteAll());
        assertFalse(options("COPY t FROM STDIN (HEADER off)").header());
        assertTrue(options("COPY t FROM STDIN (FREEZE)").freeze());
    }

    @Test
    void legacyOptions() {
        assertEquals(new CopyOptions("csv", false, ",", "x", true, "\"", "\\", false, false, List.of(), List.of(),
                List.of(), null), options("COPY t FROM STDIN WITH CSV HEADER DELIMITER ',' NULL 'x' QUOTE '\"'"
                        + " ESCAPE '\\'"));
        assertTrue(options("COPY t FROM STDIN WITH BINARY").binary());
        CopyOptions text = options("COPY t TO STDOUT WITH DELIMITER AS '|' NULL AS 'nil'");
        assertEquals("|", text.delimiter());
        assertEquals("nil", text.nullString());
        assertTrue(options("COPY t FROM STDIN CSV FREEZE").freeze());
        assertEquals(List.of("a", "b"), options("COPY t FROM STDIN CSV FORCE NOT NULL a, b").forceNotNull());
        assertEquals(List.of("c"), options("COPY t FROM STDIN CSV FORCE NULL c").forceNull());
        assertTrue(options("COPY t TO STDOUT CSV FORCE QUOTE *").forceQuoteAll());
        assertEquals(List.of("a"), options("COPY t TO STDOUT CSV FORCE QUOTE a").forceQuote());
        assertEquals("\t", options("COPY t FROM STDIN DELIMITER E'\\t'").delimiter());
        assertEquals(CopyOptions.defaults(), options("COPY t FROM STDIN WITH"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "COPY t FROM '/tmp/t.csv' | 0A000 | COPY to or from a file is not supported; use COPY ... FROM STDIN"
                + " / TO STDOUT, e.g. psql's \\copy | 13",
        "COPY t TO PROGRAM 'gzip' | 0A000 | COPY to or from a file is not supported; use COPY ... FROM STDIN"
                + " / TO STDOUT, e.g. psql's \\copy | 11",
        "COPY t FROM STDIN (bogus 1) | 42601 | option \"bogus\" not recognized | 20",
        "COPY t FROM STDIN CSV bogus | 42601 | option \"bogus\" not recognized | 23",
        "COPY t FROM STDIN (DELIMITER 'ab') | 0A000 | COPY delimiter must be a single one-byte character | 20",
        "COPY t FROM STDIN WITH DELIMITER '::' | 0A000 | COPY delimiter must be a single one-byte character | 24",
        "COPY t FROM STDIN (DELIMITER 'é') | 0A000 | COPY delimiter must be a single one-byte character | 20",
        "COPY t FROM STDIN (FORMAT xml) | 22023 | COPY format \"xml\" not recognized | 20",
        "COPY t FROM STDIN (FORMAT csv, FORMAT text) | 42601 | conflicting or redundant options | 32",
        "COPY t FROM STDIN (FREEZE maybe) | 42601 | freeze requires a Boolean value | 20",
        "COPY t FROM STDIN (HEADER maybe) | 42601 | header requires a Boolean value or \"match\" | 20",
        "COPY t TO STDOUT (HEADER match) | 0A000 | cannot use \"match\" with HEADER in COPY TO | 19",
        "COPY t FROM STDIN (DELIMITER) | 42601 | delimiter requires a parameter | 20",
        "COPY t FROM STDIN (DELIMITER 'a') | 22023 | COPY delimiter cannot be \"a\" | 20",
        "COPY t FROM STDIN (FORMAT binary, NULL 'x') | 42601 | cannot specify NULL in BINARY mode | 35",
        "COPY t FROM STDIN (QUOTE '\"') | 0A000 | COPY quote available only in CSV mode | 20",
        "COPY t FROM STDIN (FORMAT csv, QUOTE 'ab') | 0A000 | COPY quote must be a single one-byte character | 32",
        "COPY t FROM STDIN (FORMAT csv, DELIMITER '\"') | 22023 | COPY delimiter and quote must be different | 32",
        "COPY t FROM STDIN (FORMAT csv, FORCE_QUOTE *) | 0A000 | COPY force quote only available using COPY TO | 32",
        "COPY t TO STDOUT (FORMAT csv, FORCE_NULL (a)) | 0A000 | COPY force null only available using COPY FROM | 31",
        "COPY t TO STDOUT (FORMAT csv, FORCE_QUOTE 1) | 22023"
                + " | argument to option \"force_quote\" must be a list of column names | 31",
        "COPY t FROM STDIN (FORMAT csv, NULL 'a,b') | 0A000"
                + " | COPY delimiter must not appear in the NULL specification | 32",
        "COPY t FROM STDIN (ENCODING 'klingon') | 22023"
                + " | argument to option \"encoding\" must be a valid encoding name | 20",
        "COPY t (a, b, a) FROM STDIN | 42701 | column \"a\" specified more than once | 15",
        "COPY (SELECT 1) FROM STDIN | 42601 | syntax error at or near \"FROM\" | 17",
        "COPY t FROM STDIN (FORMAT csv | 42601 | syntax error at end of input | 30",
    })
    void rejectsWithPostgresErrors(String sql, String sqlState, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(sqlState, e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "copy pgbench_accounts from stdin with (freeze on)",
        "COPY t (a, b) FROM STDIN",
        "COPY t TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'n/a', QUOTE '''', ESCAPE '\\')",
        "COPY t FROM STDIN WITH CSV HEADER DELIMITER ',' NULL 'x' FORCE NOT NULL a, b",
        "COPY (SELECT a FROM t WHERE a > 1 ORDER BY a) TO STDOUT WITH CSV FORCE QUOTE *",
        "COPY (VALUES (1), (2)) TO STDOUT (FORMAT binary)",
        "COPY t FROM STDIN (FORMAT csv, HEADER match, FORCE_NULL (a), ENCODING 'UTF8')",
    })
    void survivesUnparse(String sql) {
        assertRoundTrip(sql);
    }
}
