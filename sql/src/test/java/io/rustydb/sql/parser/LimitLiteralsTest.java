package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.junit.jupiter.api.Test;

class LimitLiteralsTest {

    @Test
    void inlinedIntegerCastBecomesPlainNumberAtTheSamePositions() {
        String sql = "SELECT a FROM t ORDER BY a LIMIT ('10'::int4) OFFSET ('2'::int8)";
        String rewritten = LimitLiterals.rewrite(sql);
        assertEquals(sql.length(), rewritten.length());
        assertEquals("SELECT a FROM t ORDER BY a LIMIT 10" + " ".repeat(10) + " OFFSET 2" + " ".repeat(10), rewritten);
        SqlNode node = RustyDbParser.parseStatement(sql);
        assertEquals("10", ((SqlOrderBy) node).fetch.toString());
    }

    @Test
    void otherTextIsUntouched() {
        String sql = "SELECT 'limit (''1''::int4)' FROM t LIMIT 5";
        assertEquals(sql, LimitLiterals.rewrite(sql));
        assertEquals("SELECT x FROM t LIMIT ('a'::int4)", LimitLiterals.rewrite("SELECT x FROM t LIMIT ('a'::int4)"));
    }
}
