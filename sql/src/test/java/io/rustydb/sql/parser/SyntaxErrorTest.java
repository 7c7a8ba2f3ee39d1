package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors read and point where PostgreSQL's would. */
class SyntaxErrorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELEC 1 | syntax error at or near \"SELEC\" | 1",
        "SELECT * FROM t WHERE | syntax error at end of input | 22",
        "`SELECT * FROM t WHERE  ` | syntax error at end of input | 24",
        "SELECT * FROM t WHERE; SELECT 1 | syntax error at or near \";\" | 22",
        "SELECT 1; SELEC 2 | syntax error at or near \"SELEC\" | 11",
        "SELECT a, FROM t | syntax error at or near \"FROM\" | 11",
        "SELECT 'abc | unterminated quoted string at or near \"'abc\" | 8",
        "SELECT E'abc | unterminated quoted string at or near \"E'abc\" | 8",
        "SELECT \"abc | unterminated quoted identifier at or near \"\"abc\" | 8",
        "SELECT 1 /* abc | unterminated /* comment at or near \"/* abc\" | 10",
        "SELECT # | syntax error at or near \"#\" | 8",
        "ROLLBACK TO SAVEPOINT x | syntax error at or near \"TO\" | 10",
        "CREATE TABLE t (a int[]) | syntax error at or near \"[\" | 22",
    })
    void messageAndPosition(String sql, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals("42601", e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void positionCountsLinesAndCharactersOfTheWholeString() {
        RustyDbException e = parseError("SELECT 1;\r\nSELECT 'é', 2\n  FROM t WHER x");
        assertEquals("syntax error at or near \"x\"", e.getMessage());
        assertEquals(40, e.position());
        // A character outside the BMP is one position, as PostgreSQL counts characters.
        assertEquals(13, parseError("SELECT '\uD83D\uDE00', FROM t").position());
    }

    @Test
    void parseStatementWantsExactlyOne() {
        RustyDbException many = assertThrows(RustyDbException.class,
                () -> RustyDbParser.parseStatement("SELECT 1; SELECT 2"));
        assertEquals("cannot insert multiple commands into a prepared statement", many.getMessage());
        assertEquals(ErrorCode.SYNTAX_ERROR,
                assertThrows(RustyDbException.class, () -> RustyDbParser.parseStatement(" ")).code());
    }

    @Test
    void expressions() {
        assertEquals("a + 1", RustyDbParser.parseExpression("A + 1").toString().replace("`", ""));
        RustyDbException e = assertThrows(RustyDbException.class, () -> RustyDbParser.parseExpression("(a + 1"));
        assertEquals("syntax error at end of input", e.getMessage());
    }
}
