package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.parser.SqlNormalizer.Literal;
import io.rustydb.sql.parser.SqlNormalizer.LiteralKind;
import io.rustydb.sql.parser.SqlNormalizer.Normalized;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlNormalizerTest {

    private static String text(String sql) {
        return SqlNormalizer.normalize(sql).text();
    }

    @Test
    void statementsDifferingOnlyInLiteralsCaseSpacingAndCommentsAreTheSame() {
        Normalized a = SqlNormalizer.normalize("SELECT * FROM t WHERE a = 1 AND b = 'x'");
        Normalized b = SqlNormalizer.normalize("select *\n  from T -- the table\n where A=42 and b='it''s'");
        assertEquals("select * from t where a = $1 and b = $2", a.text());
        assertEquals(a.text(), b.text());
        assertEquals(a.sqlId(), b.sqlId());
        assertNotEquals(a.sqlId(), SqlNormalizer.normalize("SELECT * FROM t WHERE a = 1 OR b = 'x'").sqlId());
    }

    @Test
    void recordsEachLiteral() {
        String sql = "SELECT -1.5, 'it''s', DATE '2024-01-31', 2e3 FROM t LIMIT 10";
        Normalized n = SqlNormalizer.normalize(sql);
        assertEquals("select $1, $2, $3, $4 from t limit $5", n.text());
        assertEquals(List.of(
                new Literal("-1.5", "-1.5", LiteralKind.DECIMAL, 8, 1),
                new Literal("'it''s'", "it's", LiteralKind.STRING, 14, 2),
                new Literal("DATE '2024-01-31'", "2024-01-31", LiteralKind.DATE, 23, 3),
                new Literal("2e3", "2e3", LiteralKind.FLOAT, 42, 4),
                new Literal("10", "10", LiteralKind.INTEGER, 59, 5)), n.literals());
        for (Literal literal : n.literals()) {
            assertTrue(sql.startsWith(literal.text(), literal.position() - 1));
        }
    }

    @Test
    void numbersAfterTheHighestExistingParameter() {
        Normalized n = SqlNormalizer.normalize("UPDATE t SET a = $2, b = 5 WHERE c = $1 AND d = 'x'");
        assertEquals("update t set a = $2, b = $3 where c = $1 and d = $4", n.text());
        assertEquals(List.of(3, 4), n.literals().stream().map(Literal::number).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // minus is part of the literal only where it cannot be a binary operator
        "SELECT a - 1, a-1, -2, (-3), f(-4), x*-5 FROM t | select a - $1, a - $2, $3, ($4), f($5), x * $6 from t",
        "SELECT 1 WHERE a=-1 AND b BETWEEN -2 AND +3 | select $1 where a = $2 and b between $3 and $4",
        // quoted identifiers are kept, strings and comments holding $1 or -- are not mistaken
        "SELECT \"MyCol\", \"a--b\", '$1 -- x', $$it's $1$$ FROM \"T\" /* c /* nested */ */ | "
                + "select \"MyCol\", \"a--b\", $1, $2 from \"T\"",
        "SELECT E'a\\'b', B'0101', X'FF', N'n', U&'u' | select $1, $2, $3, $4, $5",
        "SELECT TIMESTAMP '2024-01-01 10:00', time '10:00', INTERVAL '1' DAY | select $1, $2, interval '1' day",
        "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') | insert into t(a, b) values ($1, $2), ($3, $4)",
        "SELECT count(*), x::int4, CAST(y AS varchar(10)), ARRAY[1, 2] FROM t WHERE z IN (1,2,3) | "
                + "select count(*), x::int4, cast(y as varchar(10)), array[$1, $2] from t where z in ($3, $4, $5)",
        "CREATE TABLE t (a numeric(10, 2) DEFAULT 0.5, b char(3)) | "
                + "create table t(a numeric(10, 2) default $1, b char(3))",
        "SET statement_timeout TO -1 | set statement_timeout to $1",
        "SELECT 1; SELECT 2 | select $1; select $2",
    })
    void normalizes(String sql, String expected) {
        assertEquals(expected, text(sql));
    }

    @Test
    void normalizedTextParses() {
        String normalized = text("SELECT a, -1 FROM t WHERE b = DATE '2024-01-31' AND c IN ('x', 'y') LIMIT 5");
        assertEquals(5, SqlPositionalParam.maxNumber(RustyDbParser.parseStatement(normalized)));
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = text("select a from t where b = 'x' and c > 3");
        assertEquals(once, text(once));
        assertEquals(List.of(), SqlNormalizer.normalize(once).literals());
    }
}
