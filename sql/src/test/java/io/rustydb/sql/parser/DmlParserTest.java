package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static io.rustydb.sql.parser.ParserTestSupport.unparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.dml.SqlDeleteUsing;
import io.rustydb.sql.parser.dml.SqlReturning;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate.LockStrength;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate.WaitPolicy;
import io.rustydb.sql.parser.dml.SqlTruncate;
import io.rustydb.sql.parser.dml.SqlUpdateFrom;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RETURNING, UPDATE ... FROM, DELETE ... USING, locking clauses and TRUNCATE. */
class DmlParserTest {

    @Test
    void truncateAsPgbenchWritesIt() {
        SqlTruncate truncate = parse("truncate table pgbench_accounts, pgbench_branches, pgbench_history,"
                + " pgbench_tellers", SqlTruncate.class);
        assertEquals(List.of("pgbench_accounts", "pgbench_branches", "pgbench_history", "pgbench_tellers"),
                truncate.tables().stream().map(SqlIdentifier::getSimple).toList());
        assertFalse(truncate.restartIdentity());
        assertFalse(truncate.cascade());
        assertEquals(SqlKind.TRUNCATE_TABLE, truncate.getKind());
    }

    @Test
    void truncateOptions() {
        SqlTruncate truncate = parse("TRUNCATE ONLY a *, s.b RESTART IDENTITY CASCADE", SqlTruncate.class);
        assertEquals(List.of("a", "s.b"), truncate.tables().stream().map(Object::toString).toList());
        assertTrue(truncate.restartIdentity());
        assertTrue(truncate.cascade());
        SqlTruncate plain = parse("TRUNCATE a CONTINUE IDENTITY RESTRICT", SqlTruncate.class);
        assertFalse(plain.restartIdentity());
        assertFalse(plain.cascade());
    }

    @Test
    void insertReturning() {
        SqlReturning returning = parse("INSERT INTO t (a, b) VALUES (1, 2) RETURNING a AS x, b + 1, *",
                SqlReturning.class);
        SqlInsert insert = assertInstanceOf(SqlInsert.class, returning.dml());
        assertEquals("t", insert.getTargetTable().toString());
        assertEquals(3, returning.returningList().size());
        SqlBasicCall alias = assertInstanceOf(SqlBasicCall.class, returning.returningList().get(0));
        assertEquals(SqlKind.AS, alias.getKind());
        assertTrue(((SqlIdentifier) returning.returningList().get(2)).isStar());
        // A query source ending in FROM does not take RETURNING as a table alias.
        SqlReturning fromQuery = parse("INSERT INTO t SELECT * FROM u RETURNING id", SqlReturning.class);
        assertEquals("id", fromQuery.returningList().get(0).toString());
    }

    @Test
    void updateAndDeleteReturning() {
        SqlReturning update = parse("UPDATE t SET a = a + 1 WHERE b = 2 RETURNING a", SqlReturning.class);
        assertInstanceOf(SqlUpdate.class, update.dml());
        SqlReturning delete = parse("DELETE FROM t RETURNING *", SqlReturning.class);
        SqlDelete dml = assertInstanceOf(SqlDelete.class, delete.dml());
        assertNull(dml.getAlias());
        assertEquals("t.*", parse("DELETE FROM t x WHERE a = 1 RETURNING t.*", SqlReturning.class)
                .returningList().get(0).toString());
    }

    @Test
    void plainStatementsStayCalcitesNodes() {
        assertInstanceOf(SqlUpdate.class, RustyDbParser.parseStatement("UPDATE t AS x SET a = 1 WHERE x.b = 2"));
        assertInstanceOf(SqlDelete.class, RustyDbParser.parseStatement("DELETE FROM t WHERE a = 1"));
        assertInstanceOf(SqlInsert.class, RustyDbParser.parseStatement("INSERT INTO t VALUES (1)"));
    }

    @Test
    void updateFrom() {
        SqlUpdateFrom update = parse("UPDATE t AS x SET a = u.a, b = 2 FROM u, v WHERE x.id = u.id",
                SqlUpdateFrom.class);
        assertEquals("t", update.update().getTargetTable().toString());
        assertEquals("x", update.update().getAlias().getSimple());
        assertEquals(2, update.update().getTargetColumnList().size());
        assertEquals("`x`.`id` = `u`.`id`", update.update().getCondition().toString());
        SqlJoin from = assertInstanceOf(SqlJoin.class, update.from());
        assertEquals("u", from.getLeft().toString());
        SqlReturning returning = parse("UPDATE t SET a = u.a FROM u RETURNING t.a", SqlReturning.class);
        SqlUpdateFrom inner = assertInstanceOf(SqlUpdateFrom.class, returning.dml());
        assertEquals("u", inner.from().toString());
        assertNull(inner.update().getCondition());
    }

    @Test
    void deleteUsing() {
        SqlDeleteUsing delete = parse("DELETE FROM t AS x USING u, v WHERE x.id = u.id", SqlDeleteUsing.class);
        assertEquals("t", delete.delete().getTargetTable().toString());
        assertEquals("x", delete.delete().getAlias().getSimple());
        assertEquals("`x`.`id` = `u`.`id`", delete.delete().getCondition().toString());
        SqlJoin using = assertInstanceOf(SqlJoin.class, delete.using());
        assertEquals("u", using.getLeft().toString());
        assertEquals("DELETE FROM `t` AS `x` USING `u`, `v` WHERE `x`.`id` = `u`.`id`", delete.toString()
                .replace("\n", " ").replaceAll(" +", " "));
        SqlReturning returning = parse("DELETE FROM t USING u RETURNING t.a, u.b", SqlReturning.class);
        SqlDeleteUsing inner = assertInstanceOf(SqlDeleteUsing.class, returning.dml());
        assertEquals("u", inner.using().toString());
        assertNull(inner.delete().getAlias());
        assertNull(inner.delete().getCondition());
    }

    @Test
    void forUpdate() {
        SqlSelectForUpdate lock = parse("SELECT * FROM t FOR UPDATE", SqlSelectForUpdate.class);
        assertInstanceOf(SqlSelect.class, lock.query());
        assertEquals(LockStrength.UPDATE, lock.strength());
        assertEquals(List.of(), lock.tables());
        assertEquals(WaitPolicy.WAIT, lock.waitPolicy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t FOR NO KEY UPDATE | NO_KEY_UPDATE | '' | WAIT",
        "SELECT * FROM t a FOR SHARE OF a NOWAIT | SHARE | a | NOWAIT",
        "select * from t, u for key share of t, u skip locked | KEY_SHARE | t,u | SKIP_LOCKED",
        "SELECT * FROM t WHERE id = $1 ORDER BY id LIMIT 1 FOR UPDATE OF t SKIP LOCKED | UPDATE | t | SKIP_LOCKED",
    })
    void lockingClauses(String sql, LockStrength strength, String tables, WaitPolicy waitPolicy) {
        SqlSelectForUpdate lock = parse(sql, SqlSelectForUpdate.class);
        assertEquals(strength, lock.strength());
        assertEquals(tables.isEmpty() ? List.of() : List.of(tables.split(",")),
                lock.tables().stream().map(SqlIdentifier::getSimple).toList());
        assertEquals(waitPolicy, lock.waitPolicy());
    }

    @Test
    void lockingClauseMaySpanLinesAndComments() {
        SqlSelectForUpdate lock = parse("SELECT * FROM t FOR -- comment\n  NO /* c */ KEY\tUPDATE",
                SqlSelectForUpdate.class);
        assertEquals(LockStrength.NO_KEY_UPDATE, lock.strength());
    }

    @Test
    void lockedQueryKeepsOrderAndLimitWithNumberedParameters() {
        SqlSelectForUpdate lock = parse("SELECT * FROM t ORDER BY a LIMIT $2 OFFSET $1 FOR UPDATE",
                SqlSelectForUpdate.class);
        SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, lock.query());
        assertEquals(2, assertInstanceOf(SqlPositionalParam.class, orderBy.fetch).number());
        assertEquals(1, assertInstanceOf(SqlPositionalParam.class, orderBy.offset).number());
    }

    @Test
    void forStillWorksElsewhere() {
        SqlSelect select = parse("SELECT substring(a FROM 1 FOR 2), substring(b FROM 1 FOR share) FROM t",
                SqlSelect.class);
        assertEquals(2, select.getSelectList().size());
        assertInstanceOf(org.apache.calcite.sql.SqlExplain.class,
                RustyDbParser.parseStatement("EXPLAIN PLAN FOR SELECT 1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t FOR UPDATE FOR SHARE | syntax error at or near \"FOR\" | 28",
        "SELECT * FROM t FOR | syntax error at end of input | 20",
        "SELECT * FROM t FOR UPDATE OF | syntax error at end of input | 30",
        "DELETE FROM t RETURNING | syntax error at end of input | 24",
        "UPDATE t SET a = 1 FROM | syntax error at end of input | 24",
        "TRUNCATE TABLE | syntax error at end of input | 15",
    })
    void syntaxErrors(String sql, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals("42601", e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void unparsesAsPostgresWritesIt() {
        assertEquals("UPDATE \"t\" SET \"a\" = \"u\".\"a\" FROM \"u\" WHERE \"t\".\"id\" = \"u\".\"id\" RETURNING *",
                unparse(RustyDbParser.parseStatement("UPDATE t SET a = u.a FROM u WHERE t.id = u.id RETURNING *"))
                        .replaceAll("\\s+", " "));
        assertEquals("SELECT * FROM \"t\" FOR KEY SHARE OF \"t\" NOWAIT",
                unparse(RustyDbParser.parseStatement("select * from t for key share of t nowait"))
                        .replaceAll("\\s+", " "));
    }
}
