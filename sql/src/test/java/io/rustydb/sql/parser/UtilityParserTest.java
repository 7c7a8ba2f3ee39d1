package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.parser.dml.SqlReturning;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import io.rustydb.sql.parser.utility.SqlAnalyze;
import io.rustydb.sql.parser.utility.SqlExplainStatement;
import io.rustydb.sql.parser.utility.SqlExplainStatement.Format;
import io.rustydb.sql.parser.utility.SqlVacuum;
import io.rustydb.sql.parser.utility.VacuumTarget;
import java.util.List;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EXPLAIN, VACUUM and ANALYZE. */
class UtilityParserTest {

    private static List<String> names(List<SqlIdentifier> ids) {
        return ids.stream().map(Object::toString).toList();
    }

    @Test
    void vacuumAsPgbenchWritesIt() {
        SqlVacuum vacuum = parse("vacuum analyze pgbench_branches", SqlVacuum.class);
        assertTrue(vacuum.analyze());
        assertFalse(vacuum.full());
        assertFalse(vacuum.verbose());
        assertEquals(List.of("pgbench_branches"), names(vacuum.tables()));
    }

    @Test
    void vacuumKeywordsAndColumns() {
        SqlVacuum vacuum = parse("VACUUM FULL FREEZE VERBOSE ANALYZE t (a, b), s.u", SqlVacuum.class);
        assertTrue(vacuum.full());
        assertTrue(vacuum.freeze());
        assertTrue(vacuum.verbose());
        assertTrue(vacuum.analyze());
        assertEquals(List.of("t", "s.u"), names(vacuum.tables()));
        assertEquals(List.of("a", "b"), vacuum.targets().get(0).columns());
        assertEquals(List.of(), vacuum.targets().get(1).columns());
        SqlVacuum all = parse("VACUUM", SqlVacuum.class);
        assertEquals(List.of(), all.tables());
        assertFalse(all.analyze());
    }

    @Test
    void vacuumOptionList() {
        SqlVacuum vacuum = parse("VACUUM (FULL, ANALYZE, VERBOSE) t", SqlVacuum.class);
        assertTrue(vacuum.full());
        assertTrue(vacuum.analyze());
        assertTrue(vacuum.verbose());
        assertFalse(vacuum.freeze());
        SqlVacuum off = parse("VACUUM (FULL false, SKIP_LOCKED, INDEX_CLEANUP auto, PARALLEL 2, TRUNCATE off)",
                SqlVacuum.class);
        assertFalse(off.full());
        assertTrue(off.skipLocked());
    }

    @Test
    void analyze() {
        SqlAnalyze analyze = parse("ANALYZE VERBOSE t (a), u", SqlAnalyze.class);
        assertTrue(analyze.verbose());
        assertEquals(List.of("t", "u"), names(analyze.tables()));
        assertEquals(new VacuumTarget(analyze.tables().get(0), List.of("a")), analyze.targets().get(0));
        assertEquals(List.of(), parse("ANALYZE", SqlAnalyze.class).tables());
        SqlAnalyze options = parse("ANALYZE (VERBOSE false, SKIP_LOCKED) t", SqlAnalyze.class);
        assertFalse(options.verbose());
        assertTrue(options.skipLocked());
    }

    @Test
    void explainKeywords() {
        SqlExplainStatement plain = parse("EXPLAIN SELECT * FROM t", SqlExplainStatement.class);
        assertInstanceOf(SqlSelect.class, plain.statement());
        assertFalse(plain.analyze());
        assertFalse(plain.verbose());
        assertTrue(plain.costs());
        assertEquals(Format.TEXT, plain.format());
        SqlExplainStatement both = parse("EXPLAIN ANALYZE VERBOSE SELECT * FROM t ORDER BY a", SqlExplainStatement.class);
        assertTrue(both.analyze());
        assertTrue(both.verbose());
        assertInstanceOf(SqlOrderBy.class, both.statement());
        assertTrue(parse("EXPLAIN VERBOSE SELECT 1", SqlExplainStatement.class).verbose());
    }

    @Test
    void explainOptionList() {
        SqlExplainStatement explain = parse("EXPLAIN (ANALYZE, VERBOSE false, COSTS off, FORMAT JSON, BUFFERS)"
                + " UPDATE t SET a = 1", SqlExplainStatement.class);
        assertTrue(explain.analyze());
        assertFalse(explain.verbose());
        assertFalse(explain.costs());
        assertEquals(Format.JSON, explain.format());
        assertInstanceOf(SqlUpdate.class, explain.statement());
        // A parenthesized query is a statement, not an option list.
        assertInstanceOf(SqlSelect.class, parse("EXPLAIN (SELECT 1)", SqlExplainStatement.class).statement());
    }

    @Test
    void explainsEveryKindOfStatement() {
        assertInstanceOf(SqlInsert.class, parse("EXPLAIN INSERT INTO t VALUES (1)", SqlExplainStatement.class)
                .statement());
        assertInstanceOf(SqlDelete.class, parse("EXPLAIN DELETE FROM t", SqlExplainStatement.class).statement());
        assertInstanceOf(SqlReturning.class, parse("EXPLAIN ANALYZE INSERT INTO t VALUES (1) RETURNING a",
                SqlExplainStatement.class).statement());
        assertInstanceOf(SqlSelectForUpdate.class, parse("EXPLAIN SELECT * FROM t FOR UPDATE",
                SqlExplainStatement.class).statement());
        SqlExplainStatement param = parse("EXPLAIN SELECT * FROM t LIMIT $1", SqlExplainStatement.class);
        SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, param.statement());
        assertEquals(1, assertInstanceOf(SqlPositionalParam.class, orderBy.fetch).number());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VACUUM (bogus) t | 42601 | unrecognized VACUUM option \"bogus\" | 9",
        "VACUUM (FULL maybe) | 42601 | full requires a Boolean value | 9",
        "VACUUM t (a) | 22023 | ANALYZE option must be specified when a column list is provided | 8",
        "ANALYZE (FULL) t | 42601 | unrecognized ANALYZE option \"full\" | 10",
        "EXPLAIN (COST) SELECT 1 | 42601 | unrecognized EXPLAIN option \"cost\" | 10",
        "EXPLAIN (FORMAT csv) SELECT 1 | 22023 | unrecognized value for EXPLAIN option \"format\": \"csv\" | 10",
        "EXPLAIN (FORMAT xml) SELECT 1 | 0A000 | EXPLAIN format \"xml\" is not supported | 10",
        "EXPLAIN CREATE TABLE t (a int) | 42601 | syntax error at or near \"CREATE\" | 9",
        "VACUUM FULL, t | 42601 | syntax error at or near \",\" | 12",
    })
    void rejectsWithPostgresErrors(String sql, String sqlState, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(sqlState, e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }
}
