package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** Shared helpers for the parser tests. */
final class ParserTestSupport {
    private ParserTestSupport() {
    }

    static <T extends SqlNode> T parse(String sql, Class<T> type) {
        return assertInstanceOf(type, RustyDbParser.parseStatement(sql));
    }

    static String unparse(SqlNode node) {
        return node.toSqlString(c -> c.withDialect(PostgresqlSqlDialect.DEFAULT)).getSql();
    }

    /** Unparsing then parsing again gives the same tree (compared through its SQL). */
    static void assertRoundTrip(String sql) {
        String once = unparse(RustyDbParser.parseStatement(sql));
        String twice = unparse(RustyDbParser.parseStatement(once));
        assertEquals(once, twice, () -> "round trip of " + sql);
    }

    static RustyDbException parseError(String sql) {
        return assertThrows(RustyDbException.class, () -> RustyDbParser.parseStatements(sql));
    }
}
