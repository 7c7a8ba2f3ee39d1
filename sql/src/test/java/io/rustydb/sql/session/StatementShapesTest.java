package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simple protocol's statement-shape fast path gives exactly the full path's results. */
class StatementShapesTest {
    @TempDir
    Path dir;
    private SessionHarness harness;
    private SqlSession session;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        session = harness.session();
        SessionHarness.run(session, "CREATE TABLE acc (id INT PRIMARY KEY, bal BIGINT, note TEXT)");
        SessionHarness.run(session, "INSERT INTO acc VALUES (1, 100, 'a'), (2, 200, 'b'), (3, 300, 'c')");
    }

    @AfterEach
    void close() {
        session.close();
        harness.close();
    }

    private List<List<Object>> rows(String sql) {
        return SessionHarness.run(session, sql).rows();
    }

    @Test
    void literalsBecomeTypedParametersOfTheTemplate() {
        StatementShapes.Shape shape = StatementShapes.shapeOf(
                "UPDATE acc SET bal = bal + -2918 WHERE id = 5000000000 AND note = 'it''s';");
        assertNotNull(shape);
        assertEquals("update acc set bal = bal + $1 where id = $2 and note = $3", shape.template());
        assertEquals(Arrays.asList(DataType.INTEGER, DataType.BIGINT, null), shape.types());
        assertEquals(List.of(-2918, 5000000000L, "it's"), shape.values());
    }

    @Test
    void literalSensitiveStatementsTakeTheFullPath() {
        assertNull(StatementShapes.shapeOf("SELECT id FROM acc ORDER BY 1"));
        assertNull(StatementShapes.shapeOf("SELECT bal, count(*) FROM acc GROUP BY 1"));
        assertNull(StatementShapes.shapeOf("SELECT id FROM acc LIMIT 2"));
        assertNull(StatementShapes.shapeOf("SELECT '12.50'::numeric"));
        assertNull(StatementShapes.shapeOf("SELECT 1.5"));
        assertNull(StatementShapes.shapeOf("SELECT DATE '2024-01-01'"));
        assertNull(StatementShapes.shapeOf("SELECT 1; SELECT 2"));
        assertNull(StatementShapes.shapeOf("CREATE TABLE x (a INT DEFAULT 5)"));
        assertNull(StatementShapes.shapeOf("SELECT $1"));
        assertNotNull(StatementShapes.shapeOf("begin"));
        assertNotNull(StatementShapes.shapeOf("END;"));
    }

    @Test
    void repeatedShapesRunOnTheTemplateWithTheirOwnLiterals() {
        for (int id = 1; id <= 3; id++) {
            List<ParsedStatement> parsed = session.parse("SELECT bal, note FROM acc WHERE id = " + id);
            assertInstanceOf(ShapedStatement.class, parsed.get(0));
            assertEquals(List.of(List.of((long) id * 100, String.valueOf((char) ('a' + id - 1)))),
                    rows("SELECT bal, note FROM acc WHERE id = " + id));
        }
        SessionHarness.run(session, "UPDATE acc SET bal = bal + -50 WHERE id = 2");
        SessionHarness.run(session, "UPDATE acc SET bal = bal + 7 WHERE id = 3");
        assertEquals(List.of(List.of(150L)), rows("SELECT bal FROM acc WHERE id = 2"));
        assertEquals(List.of(List.of(307L)), rows("SELECT bal FROM acc WHERE id = 3"));
        assertEquals(List.of(List.of(3L)), rows("SELECT count(*) FROM acc WHERE note = 'c' OR id = 1 OR id = 2"));
        assertEquals(List.of(), rows("SELECT note FROM acc WHERE note = 'zzz'"));
    }

    @Test
    void insertsWithExpressionsRunOnTheTemplate() {
        SessionHarness.run(session, "CREATE TABLE hist (a INT, b INT, t TEXT, ts TIMESTAMP)");
        String insert = "INSERT INTO hist (a, b, t, ts) VALUES (%d, %d, '%s', CURRENT_TIMESTAMP)";
        assertInstanceOf(ShapedStatement.class, session.parse(String.format(insert, 1, -7, "x")).get(0));
        SessionHarness.run(session, String.format(insert, 1, -7, "x"));
        SessionHarness.run(session, String.format(insert, 2, 9, "y"));
        assertEquals(List.of(List.of(1, -7, "x"), List.of(2, 9, "y")),
                rows("SELECT a, b, t FROM hist WHERE ts IS NOT NULL ORDER BY a"));
    }

    @Test
    void aStringLiteralTakesItsTypeFromContextAsInTheFullPath() {
        assertEquals(List.of(List.of("b")), rows("SELECT note FROM acc WHERE id = '2'"));
        RustyDbException bad = assertThrows(RustyDbException.class,
                () -> rows("SELECT note FROM acc WHERE id = 'x'"));
        assertEquals("22P02", bad.code().sqlState());
    }

    @Test
    void ddlInvalidatesTheTemplates() {
        assertEquals(List.of(List.of("a")), rows("SELECT note FROM acc WHERE id = 1"));
        SessionHarness.run(session, "DROP TABLE acc");
        SessionHarness.run(session, "CREATE TABLE acc (id INT PRIMARY KEY, note TEXT, bal BIGINT)");
        SessionHarness.run(session, "INSERT INTO acc VALUES (1, 'new', 1)");
        assertEquals(List.of(List.of("new")), rows("SELECT note FROM acc WHERE id = 1"));
        SessionHarness.run(session, "DROP TABLE acc");
        RustyDbException gone = assertThrows(RustyDbException.class, () -> rows("SELECT note FROM acc WHERE id = 1"));
        assertEquals("42P01", gone.code().sqlState());
    }

    @Test
    void errorsOfShapedStatementsFailTheTransactionBlock() {
        SessionHarness.run(session, "BEGIN");
        assertThrows(RustyDbException.class, () -> rows("INSERT INTO acc VALUES (1, 1, 'dup')"));
        RustyDbException aborted = assertThrows(RustyDbException.class, () -> rows("SELECT note FROM acc WHERE id = 1"));
        assertEquals("25P02", aborted.code().sqlState());
        SessionHarness.run(session, "ROLLBACK");
        assertEquals(List.of(List.of("a")), rows("SELECT note FROM acc WHERE id = 1"));
    }
}
