package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.parser.copy.SqlCopy;
import io.rustydb.sql.parser.ddl.SqlAlterTable;
import io.rustydb.sql.parser.ddl.SqlCreateIndex;
import io.rustydb.sql.parser.ddl.SqlCreateSequence;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlCreateView;
import io.rustydb.sql.parser.ddl.SqlDropIndex;
import io.rustydb.sql.parser.ddl.SqlDropSequence;
import io.rustydb.sql.parser.ddl.SqlDropTable;
import io.rustydb.sql.parser.ddl.SqlDropView;
import io.rustydb.sql.parser.dml.SqlReturning;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import io.rustydb.sql.parser.dml.SqlTruncate;
import io.rustydb.sql.parser.dml.SqlUpdateFrom;
import io.rustydb.sql.parser.session.SqlResetVariable;
import io.rustydb.sql.parser.session.SqlSetVariable;
import io.rustydb.sql.parser.session.SqlShowVariable;
import io.rustydb.sql.parser.tx.SqlBeginTransaction;
import io.rustydb.sql.parser.tx.SqlCommitTransaction;
import io.rustydb.sql.parser.tx.SqlRollbackTransaction;
import io.rustydb.sql.parser.tx.SqlSetTransaction;
import io.rustydb.sql.parser.utility.SqlAnalyze;
import io.rustydb.sql.parser.utility.SqlExplainStatement;
import io.rustydb.sql.parser.utility.SqlVacuum;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement form of the grammar parses to its node class and survives an unparse round trip. */
class StatementParserTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("SELECT 1", SqlSelect.class),
                Arguments.of("select a, b from t where a = 1 and b <> 'x'", SqlSelect.class),
                Arguments.of("SELECT * FROM t ORDER BY a LIMIT 10", SqlOrderBy.class),
                Arguments.of("SELECT * FROM t LIMIT 10 OFFSET 5", SqlOrderBy.class),
                Arguments.of("SELECT * FROM t OFFSET 5 LIMIT 10", SqlOrderBy.class),
                Arguments.of("SELECT count(*) FROM t WHERE a != 1 AND c % 2 = 0", SqlSelect.class),
                Arguments.of("SELECT name FROM t WHERE name ~ '^a' AND name !~* 'b'", SqlSelect.class),
                Arguments.of("SELECT x::int4, '1'::text, y::varchar(10), CAST(z AS int8) FROM t", SqlSelect.class),
                Arguments.of("SELECT CAST(a AS bool), CAST(b AS float4), CAST(c AS float8), CAST(d AS int2) FROM t",
                        SqlSelect.class),
                Arguments.of("SELECT text, key, serial, if, abort FROM t", SqlSelect.class),
                Arguments.of("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')", SqlInsert.class),
                Arguments.of("INSERT INTO t VALUES ($1, $2)", SqlInsert.class),
                Arguments.of("UPDATE t SET a = a + 1 WHERE b = 'x'", SqlUpdate.class),
                Arguments.of("DELETE FROM t WHERE a = 1", SqlDelete.class),
                Arguments.of("CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x')",
                        SqlCreateTable.class),
                Arguments.of("CREATE TABLE IF NOT EXISTS s.t (a int2, b int4 DEFAULT 0 NOT NULL, c int8,"
                        + " CONSTRAINT pk PRIMARY KEY (a, b)) WITH (fillfactor = 70) TABLESPACE fast",
                        SqlCreateTable.class),
                Arguments.of("CREATE TABLE t (id serial, big bigserial, small smallserial, f float(10))",
                        SqlCreateTable.class),
                Arguments.of("DROP TABLE t", SqlDropTable.class),
                Arguments.of("DROP TABLE IF EXISTS a, b CASCADE", SqlDropTable.class),
                Arguments.of("BEGIN", SqlBeginTransaction.class),
                Arguments.of("BEGIN WORK", SqlBeginTransaction.class),
                Arguments.of("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE", SqlBeginTransaction.class),
                Arguments.of("START TRANSACTION ISOLATION LEVEL READ COMMITTED READ WRITE", SqlBeginTransaction.class),
                Arguments.of("START TRANSACTION READ ONLY, ISOLATION LEVEL READ UNCOMMITTED", SqlBeginTransaction.class),
                Arguments.of("COMMIT", SqlCommitTransaction.class),
                Arguments.of("COMMIT WORK", SqlCommitTransaction.class),
                Arguments.of("COMMIT TRANSACTION", SqlCommitTransaction.class),
                Arguments.of("END", SqlCommitTransaction.class),
                Arguments.of("END TRANSACTION", SqlCommitTransaction.class),
                Arguments.of("ROLLBACK", SqlRollbackTransaction.class),
                Arguments.of("ROLLBACK WORK", SqlRollbackTransaction.class),
                Arguments.of("ABORT", SqlRollbackTransaction.class),
                Arguments.of("ABORT TRANSACTION", SqlRollbackTransaction.class),
                Arguments.of("SET DateStyle = ISO, MDY", SqlSetVariable.class),
                Arguments.of("SET search_path TO public, \"$user\"", SqlSetVariable.class),
                Arguments.of("SET extra_float_digits = 3", SqlSetVariable.class),
                Arguments.of("SET application_name = 'x'", SqlSetVariable.class),
                Arguments.of("SET SESSION statement_timeout = '5s'", SqlSetVariable.class),
                Arguments.of("SET LOCAL statement_timeout TO DEFAULT", SqlSetVariable.class),
                Arguments.of("SET standard_conforming_strings = on", SqlSetVariable.class),
                Arguments.of("SET TIME ZONE 'UTC'", SqlSetVariable.class),
                Arguments.of("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                        SqlSetTransaction.class),
                Arguments.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY", SqlSetTransaction.class),
                Arguments.of("SHOW DateStyle", SqlShowVariable.class),
                Arguments.of("SHOW ALL", SqlShowVariable.class),
                Arguments.of("RESET statement_timeout", SqlResetVariable.class),
                Arguments.of("RESET ALL", SqlResetVariable.class),
                Arguments.of("copy pgbench_accounts from stdin with (freeze on)", SqlCopy.class),
                Arguments.of("COPY t (a, b) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')", SqlCopy.class),
                Arguments.of("COPY (SELECT a FROM t) TO STDOUT WITH CSV HEADER", SqlCopy.class),
                Arguments.of("COPY t FROM STDIN WITH DELIMITER '|' NULL ''", SqlCopy.class),
                Arguments.of("truncate table pgbench_accounts, pgbench_branches", SqlTruncate.class),
                Arguments.of("TRUNCATE ONLY a RESTART IDENTITY CASCADE", SqlTruncate.class),
                Arguments.of("vacuum analyze pgbench_branches", SqlVacuum.class),
                Arguments.of("VACUUM FULL FREEZE VERBOSE ANALYZE t (a), u", SqlVacuum.class),
                Arguments.of("VACUUM (FULL, ANALYZE, VERBOSE, SKIP_LOCKED) t", SqlVacuum.class),
                Arguments.of("ANALYZE VERBOSE t (a, b)", SqlAnalyze.class),
                Arguments.of("ANALYZE (SKIP_LOCKED)", SqlAnalyze.class),
                Arguments.of("alter table pgbench_branches add primary key (bid)", SqlAlterTable.class),
                Arguments.of("ALTER TABLE IF EXISTS t ADD CONSTRAINT u UNIQUE (a, b)", SqlAlterTable.class),
                Arguments.of("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int NOT NULL DEFAULT 0", SqlAlterTable.class),
                Arguments.of("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE", SqlAlterTable.class),
                Arguments.of("ALTER TABLE t RENAME TO u", SqlAlterTable.class),
                Arguments.of("ALTER TABLE t RENAME a TO b", SqlAlterTable.class),
                Arguments.of("alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey foreign key (bid)"
                        + " references pgbench_branches", SqlAlterTable.class),
                Arguments.of("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (b) ON DELETE SET DEFAULT",
                        SqlAlterTable.class),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING hash (a DESC, b NULLS FIRST)",
                        SqlCreateIndex.class),
                Arguments.of("CREATE INDEX ON t (a)", SqlCreateIndex.class),
                Arguments.of("DROP INDEX CONCURRENTLY IF EXISTS a, b CASCADE", SqlDropIndex.class),
                Arguments.of("CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t ORDER BY a", SqlCreateView.class),
                Arguments.of("DROP VIEW IF EXISTS a, b", SqlDropView.class),
                Arguments.of("EXPLAIN SELECT * FROM t", SqlExplainStatement.class),
                Arguments.of("EXPLAIN ANALYZE VERBOSE DELETE FROM t WHERE a = 1", SqlExplainStatement.class),
                Arguments.of("EXPLAIN (ANALYZE, COSTS off, FORMAT json) SELECT * FROM t FOR UPDATE",
                        SqlExplainStatement.class),
                Arguments.of("SELECT * FROM t FOR UPDATE", SqlSelectForUpdate.class),
                Arguments.of("SELECT * FROM t WHERE a = 1 ORDER BY a LIMIT 1 FOR NO KEY UPDATE OF t NOWAIT",
                        SqlSelectForUpdate.class),
                Arguments.of("SELECT * FROM t FOR KEY SHARE SKIP LOCKED", SqlSelectForUpdate.class),
                Arguments.of("CREATE SEQUENCE IF NOT EXISTS s AS int INCREMENT 2 START 10 CACHE 5 CYCLE OWNED BY t.a",
                        SqlCreateSequence.class),
                Arguments.of("CREATE SEQUENCE s INCREMENT BY -1", SqlCreateSequence.class),
                Arguments.of("DROP SEQUENCE IF EXISTS a, b", SqlDropSequence.class),
                Arguments.of("SELECT nextval('s'), currval('s'), setval('s', 1, false)", SqlSelect.class),
                Arguments.of("INSERT INTO t (a) VALUES (1) RETURNING *", SqlReturning.class),
                Arguments.of("INSERT INTO t SELECT * FROM u RETURNING a AS x, b + 1", SqlReturning.class),
                Arguments.of("UPDATE t SET a = 1 WHERE b = 2 RETURNING a", SqlReturning.class),
                Arguments.of("DELETE FROM t RETURNING t.*", SqlReturning.class),
                Arguments.of("UPDATE t AS x SET a = u.a FROM u, v WHERE x.id = u.id", SqlUpdateFrom.class),
                Arguments.of("UPDATE t SET a = u.a FROM u JOIN v ON u.id = v.id RETURNING a", SqlReturning.class));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void parsesToItsNode(String sql, Class<? extends SqlNode> type) {
        assertInstanceOf(type, RustyDbParser.parseStatement(sql));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void survivesUnparse(String sql, Class<? extends SqlNode> type) {
        assertRoundTrip(sql);
    }

    @Test
    void unquotedIdentifiersFoldToLowerCaseAndQuotedOnesDoNot() {
        SqlSelect select = ParserTestSupport.parse("SELECT Abc, \"Def\" FROM MyTable", SqlSelect.class);
        assertEquals("abc", select.getSelectList().get(0).toString());
        assertEquals("Def", select.getSelectList().get(1).toString());
        assertEquals("mytable", select.getFrom().toString());
    }

    @Test
    void infixCastIsACast() {
        SqlSelect select = ParserTestSupport.parse("SELECT x::int4 FROM t", SqlSelect.class);
        SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, select.getSelectList().get(0));
        assertEquals(SqlKind.CAST, cast.getKind());
    }

    @Test
    void caretIsALeftAssociativeExponentAboveTimesAndBelowUnaryMinus() {
        assertEquals("((2 ^ 3) ^ 2)", firstItem("SELECT 2 ^ 3 ^ 2"));
        assertEquals("(2 * (3 ^ 2))", firstItem("SELECT 2 * 3 ^ 2"));
        assertEquals("((2 ^ 3) / 2)", firstItem("SELECT 2 ^ 3 / 2"));
        assertEquals("((- \"x\") ^ 2)", firstItem("SELECT - x ^ 2 FROM t"));
        assertEquals("(1 + (2 ^ -1))", firstItem("SELECT 1 + 2 ^ -1"));
        SqlBasicCall power = assertInstanceOf(SqlBasicCall.class,
                ParserTestSupport.parse("SELECT a ^ b FROM t", SqlSelect.class).getSelectList().get(0));
        assertEquals(RustyDbParserUtil.POWER, power.getOperator());
    }

    /** The first select item, with every operation in parentheses. */
    private static String firstItem(String sql) {
        SqlNode item = ParserTestSupport.parse(sql, SqlSelect.class).getSelectList().get(0);
        return item.toSqlString(c -> c.withDialect(org.apache.calcite.sql.dialect.PostgresqlSqlDialect.DEFAULT)
                .withAlwaysUseParentheses(true)).getSql();
    }

    @Test
    void statementListAllowsATrailingSemicolonAndEmptyInput() {
        assertEquals(3, RustyDbParser.parseStatements("BEGIN; UPDATE t SET a = 1; COMMIT;").size());
        assertTrue(RustyDbParser.parseStatements("").isEmpty());
        assertTrue(RustyDbParser.parseStatements("  ;  ; -- nothing\n").isEmpty());
    }

    @Test
    void calcitesOwnStatementListParsesWithTheConfig() throws Exception {
        var list = org.apache.calcite.sql.parser.SqlParser
                .create("SELECT 1; SHOW ALL;", RustyDbParser.config()).parseStmtList();
        assertEquals(2, list.size());
        assertInstanceOf(SqlShowVariable.class, list.get(1));
    }
}
