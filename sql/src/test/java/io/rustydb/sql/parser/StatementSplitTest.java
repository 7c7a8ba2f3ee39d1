package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.rustydb.sql.parser.tx.SqlBeginTransaction;
import java.util.List;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** Each statement of a query string comes back with its own text and place. */
class StatementSplitTest {

    @Test
    void textsOffsetsAndPositions() {
        String sql = "BEGIN;\n  SELECT 'a;b' AS \"x;y\" -- c;d\n FROM t ;; /* e; */ COMMIT";
        List<ParsedSql> statements = RustyDbParser.parseStatementsWithText(sql);
        assertEquals(List.of("BEGIN", "SELECT 'a;b' AS \"x;y\" -- c;d\n FROM t", "/* e; */ COMMIT"),
                statements.stream().map(ParsedSql::text).toList());
        for (ParsedSql statement : statements) {
            assertEquals(statement.text(), sql.substring(statement.offset(),
                    statement.offset() + statement.text().length()));
            assertEquals(statement.offset() + 1, statement.position());
        }
        assertInstanceOf(SqlBeginTransaction.class, statements.get(0).node());
        assertInstanceOf(SqlSelect.class, statements.get(1).node());
    }

    @Test
    void nodePositionsMapBackToTheWholeString() {
        String sql = "SELECT 1;\nSELECT a,\n  b FROM t";
        ParsedSql second = RustyDbParser.parseStatementsWithText(sql).get(1);
        SqlSelect select = (SqlSelect) second.node();
        int position = second.positionOf(select.getSelectList().get(1).getParserPosition());
        assertEquals('b', sql.charAt(position - 1));
    }

    @Test
    void dollarQuotedAndEscapedStringsDoNotSplit() {
        List<ParsedSql> statements = RustyDbParser.parseStatementsWithText(
                "SELECT E'it\\'s; fine'; SELECT 2");
        assertEquals(List.of("SELECT E'it\\'s; fine'", "SELECT 2"),
                statements.stream().map(ParsedSql::text).toList());
    }

    @Test
    void blankAndCommentOnlyInputHasNoStatements() {
        assertEquals(List.of(), RustyDbParser.parseStatementsWithText(""));
        assertEquals(List.of(), RustyDbParser.parseStatementsWithText(" ; -- just a comment\n;"));
        assertEquals(1, RustyDbParser.parseStatementsWithText("SELECT 1; -- done").size());
    }
}
