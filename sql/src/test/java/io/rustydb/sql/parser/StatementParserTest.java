package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlDropTable;
import io.rustydb.sql.parser.session.SqlResetVariable;
import io.rustydb.sql.parser.session.SqlSetVariable;
import io.rustydb.sql.parser.session.SqlShowVariable;
import io.rustydb.sql.parser.tx.SqlBeginTransaction;
import io.rustydb.sql.parser.tx.SqlCommitTransaction;
import io.rustydb.sql.parser.tx.SqlRollbackTransaction;
import io.rustydb.sql.parser.tx.SqlSetTransaction;
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
                Arguments.of("RESET ALL", SqlResetVariable.class));
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
