package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.parser.GenericOption;
import io.rustydb.sql.parser.ddl.IndexColumn;
import io.rustydb.sql.parser.ddl.SequenceOptions;
import io.rustydb.sql.parser.ddl.SqlAlterSequence;
import io.rustydb.sql.parser.ddl.SqlCreateIndex;
import io.rustydb.sql.parser.ddl.SqlCreateSequence;
import io.rustydb.sql.parser.ddl.SqlCreateView;
import io.rustydb.sql.parser.ddl.SqlDropIndex;
import io.rustydb.sql.parser.ddl.SqlDropSequence;
import io.rustydb.sql.parser.ddl.SqlDropView;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexViewSequenceParserTest {

    @Test
    void createIndex() {
        SqlCreateIndex index = parse("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_ab ON ONLY s.t USING hash"
                + " (a DESC, b NULLS FIRST, c ASC NULLS LAST, d DESC NULLS LAST)", SqlCreateIndex.class);
        assertEquals(SqlKind.CREATE_INDEX, index.getKind());
        assertTrue(index.unique());
        assertTrue(index.concurrently());
        assertTrue(index.ifNotExists());
        assertEquals("t_ab", index.name().getSimple());
        assertEquals(List.of("s", "t"), index.table().names);
        assertEquals(SqlCreateIndex.HASH, index.method());
        assertEquals(List.of("a", "b", "c", "d"), index.columnNames());
        assertEquals(List.of(true, false, false, true), index.columns().stream().map(IndexColumn::descending).toList());
        assertEquals(List.of(true, true, false, false), index.columns().stream().map(IndexColumn::nullsFirst).toList());
    }

    @Test
    void createIndexDefaults() {
        SqlCreateIndex index = parse("CREATE INDEX ON t (a)", SqlCreateIndex.class);
        assertFalse(index.unique());
        assertFalse(index.concurrently());
        assertFalse(index.ifNotExists());
        assertNull(index.name());
        assertEquals(SqlCreateIndex.BTREE, index.method());
        assertFalse(index.columns().get(0).nullsFirst());
        assertEquals("i", parse("CREATE INDEX i ON t USING btree ((a))", SqlCreateIndex.class).name().getSimple());
    }

    @Test
    void dropIndex() {
        SqlDropIndex drop = parse("DROP INDEX CONCURRENTLY IF EXISTS a, s.b CASCADE", SqlDropIndex.class);
        assertEquals(SqlKind.DROP_INDEX, drop.getKind());
        assertTrue(drop.concurrently());
        assertTrue(drop.ifExists());
        assertTrue(drop.cascade());
        assertEquals(List.of("a", "s.b"), drop.names().stream().map(Object::toString).toList());
        SqlDropIndex plain = parse("DROP INDEX i", SqlDropIndex.class);
        assertFalse(plain.concurrently());
        assertFalse(plain.ifExists());
        assertFalse(plain.cascade());
    }

    @Test
    void createViewKeepsTheQueryText() {
        SqlCreateView view = parse("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t WHERE a > 1",
                SqlCreateView.class);
        assertEquals(SqlKind.CREATE_VIEW, view.getKind());
        assertTrue(view.orReplace());
        assertEquals("v", view.name().getSimple());
        assertEquals(List.of("x", "y"), view.columnNames());
        assertInstanceOf(SqlSelect.class, view.query());
        assertEquals("SELECT a, b FROM t WHERE a > 1", view.queryText());
        SqlCreateView plain = parse("create view v as (select 1)", SqlCreateView.class);
        assertFalse(plain.orReplace());
        assertEquals(List.of(), plain.columnNames());
        assertEquals("(select 1)", plain.queryText());
    }

    @Test
    void viewTextIsCutFromItsOwnStatement() {
        List<ParsedSql> statements = RustyDbParser.parseStatementsWithText(
                "SELECT 1;\nCREATE VIEW v AS\n  SELECT 'é' AS e, a\n  FROM t -- the table\n  ORDER BY a LIMIT 2;");
        SqlCreateView view = assertInstanceOf(SqlCreateView.class, statements.get(1).node());
        assertEquals("SELECT 'é' AS e, a\n  FROM t -- the table\n  ORDER BY a LIMIT 2", view.queryText());
        assertInstanceOf(SqlOrderBy.class, view.query());
    }

    @Test
    void dropView() {
        SqlDropView drop = parse("DROP VIEW IF EXISTS a, b RESTRICT", SqlDropView.class);
        assertEquals(SqlKind.DROP_VIEW, drop.getKind());
        assertTrue(drop.ifExists());
        assertFalse(drop.cascade());
        assertEquals(2, drop.names().size());
    }

    @Test
    void createSequenceWithEveryOption() {
        SqlCreateSequence seq = parse("CREATE SEQUENCE IF NOT EXISTS s.seq AS integer INCREMENT BY 2 MINVALUE 1"
                + " MAXVALUE 100 START WITH 5 CACHE 10 CYCLE OWNED BY t.id", SqlCreateSequence.class);
        assertEquals(SqlKind.CREATE_SEQUENCE, seq.getKind());
        assertTrue(seq.ifNotExists());
        assertEquals(List.of("s", "seq"), seq.name().names);
        assertEquals(new SequenceOptions(DataType.INTEGER, 2, 1, 100, 5, 10, true), seq.options());
        assertEquals(List.of("t", "id"), seq.ownedBy().names);
    }

    @Test
    void sequenceDefaultsAsPostgres() {
        assertEquals(new SequenceOptions(DataType.BIGINT, 1, 1, Long.MAX_VALUE, 1, 1, false),
                parse("CREATE SEQUENCE s", SqlCreateSequence.class).options());
        assertEquals(new SequenceOptions(DataType.BIGINT, -1, Long.MIN_VALUE, -1, -1, 1, false),
                parse("CREATE SEQUENCE s INCREMENT -1", SqlCreateSequence.class).options());
        assertEquals(new SequenceOptions(DataType.SMALLINT, 1, 1, Short.MAX_VALUE, 1, 1, false),
                parse("CREATE SEQUENCE s AS smallint NO MINVALUE NO MAXVALUE NO CYCLE OWNED BY NONE",
                        SqlCreateSequence.class).options());
        assertNull(parse("CREATE SEQUENCE s OWNED BY NONE", SqlCreateSequence.class).ownedBy());
        assertEquals(10, parse("CREATE SEQUENCE s START 10", SqlCreateSequence.class).options().start());
    }

    @Test
    void alterSequenceKeepsItsOptionsForTheCommand() {
        SqlAlterSequence alter = parse("ALTER SEQUENCE IF EXISTS s INCREMENT BY -2 NO MINVALUE MAXVALUE 9 RESTART"
                + " CACHE 3 CYCLE OWNED BY t.id", SqlAlterSequence.class);
        assertTrue(alter.ifExists());
        assertEquals(List.of("increment", "minvalue", "maxvalue", "restart", "cache", "cycle", "owned"),
                alter.options().stream().map(GenericOption::name).toList());
        assertNull(alter.options().get(3).value());
        assertTrue(alter.changesOwner());
        assertEquals(List.of("t", "id"), alter.ownedBy().names);
        SqlAlterSequence none = parse("ALTER SEQUENCE s OWNED BY NONE RESTART WITH 5", SqlAlterSequence.class);
        assertTrue(none.changesOwner());
        assertNull(none.ownedBy());
        assertEquals(5, none.options().get(1).longValue());
        SequenceOptions current = new SequenceOptions(DataType.BIGINT, 1, 1, Long.MAX_VALUE, 1, 1, false);
        SequenceOptions.Alteration change = current.alter(parse("ALTER SEQUENCE s AS integer INCREMENT -1 NO MINVALUE"
                + " MAXVALUE 10 START 10 RESTART", SqlAlterSequence.class).options(), 1);
        assertEquals(new SequenceOptions(DataType.INTEGER, -1, Integer.MIN_VALUE, 10, 10, 1, false), change.options());
        assertEquals(10L, change.restart());
    }

    @Test
    void dropSequence() {
        SqlDropSequence drop = parse("DROP SEQUENCE IF EXISTS a, b CASCADE", SqlDropSequence.class);
        assertEquals(SqlKind.DROP_SEQUENCE, drop.getKind());
        assertTrue(drop.ifExists());
        assertTrue(drop.cascade());
    }

    @Test
    void sequenceFunctionsAreFunctionCalls() {
        SqlSelect select = parse("SELECT nextval('s'), currval('s'), setval('s', 10, false), setval('s', 1)",
                SqlSelect.class);
        assertEquals(List.of("nextval", "currval", "setval", "setval"), select.getSelectList().stream()
                .map(e -> ((SqlBasicCall) e).getOperator().getName()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE INDEX i ON t (lower(a)) | 0A000 | index expressions are not supported | 22",
        "CREATE INDEX i ON t (a + 1) | 0A000 | index expressions are not supported | 22",
        "CREATE INDEX i ON t USING gin (a) | 0A000 | index access method \"gin\" is not supported | 27",
        "CREATE INDEX i ON t USING foo (a) | 42704 | access method \"foo\" does not exist | 27",
        "CREATE INDEX i ON t (a) WHERE a > 0 | 0A000 | partial indexes are not supported | 25",
        "CREATE INDEX IF NOT EXISTS ON t (a) | 42601 | syntax error at or near \"ON\" | 28",
        "CREATE OR REPLACE INDEX i ON t (a) | 0A000 | CREATE OR REPLACE INDEX is not supported | 1",
        "CREATE VIEW v AS INSERT INTO t VALUES (1) | 42601 | syntax error at or near \"INSERT\" | 18",
        "CREATE SEQUENCE s INCREMENT 0 | 22023 | INCREMENT must not be zero | 19",
        "CREATE SEQUENCE s AS text | 22023 | sequence type must be smallint, integer, or bigint | 19",
        "CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5 | 22023 | MINVALUE (10) must be less than MAXVALUE (5) | 19",
        "CREATE SEQUENCE s START 0 | 22023 | START value (0) cannot be less than MINVALUE (1) | 19",
        "CREATE SEQUENCE s AS smallint MAXVALUE 40000 | 22023"
                + " | MAXVALUE (40000) is out of range for sequence data type smallint | 31",
        "CREATE SEQUENCE s CACHE 0 | 22023 | CACHE (0) must be greater than zero | 19",
        "CREATE SEQUENCE s START 1.5 | 22P02 | invalid input syntax for type bigint: \"1.5\" | 19",
        "CREATE SEQUENCE s CYCLE NO CYCLE | 42601 | conflicting or redundant options | 25",
        "ALTER SEQUENCE s RESTART RESTART WITH 2 | 42601 | conflicting or redundant options | 26",
        "ALTER SEQUENCE s OWNED BY NONE OWNED BY t.c | 42601 | conflicting or redundant options | 32",
    })
    void rejectsWithPostgresErrors(String sql, String sqlState, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(sqlState, e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }
}
