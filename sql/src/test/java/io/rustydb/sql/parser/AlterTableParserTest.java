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
import io.rustydb.sql.parser.ddl.AlterTableAction;
import io.rustydb.sql.parser.ddl.SqlAlterTable;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.parser.ddl.SqlForeignKeyConstraint;
import io.rustydb.sql.parser.ddl.SqlTableConstraint;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlterTableParserTest {

    private static <T extends AlterTableAction> T action(String sql, Class<T> type) {
        return assertInstanceOf(type, parse(sql, SqlAlterTable.class).action());
    }

    @Test
    void addPrimaryKeyAsPgbenchWritesIt() {
        SqlAlterTable alter = parse("alter table pgbench_branches add primary key (bid)", SqlAlterTable.class);
        assertEquals(SqlKind.ALTER_TABLE, alter.getKind());
        assertEquals("pgbench_branches", alter.name().getSimple());
        assertFalse(alter.ifExists());
        SqlTableConstraint pk = assertInstanceOf(AlterTableAction.AddConstraint.class, alter.action()).constraint();
        assertEquals(SqlTableConstraint.Type.PRIMARY_KEY, pk.type());
        assertNull(pk.name());
        assertEquals(List.of("bid"), pk.columnNames());
    }

    @Test
    void namedConstraints() {
        SqlAlterTable alter = parse("ALTER TABLE IF EXISTS ONLY s.t ADD CONSTRAINT t_pk PRIMARY KEY (a, b)",
                SqlAlterTable.class);
        assertTrue(alter.ifExists());
        assertEquals(List.of("s", "t"), alter.name().names);
        SqlTableConstraint pk = ((AlterTableAction.AddConstraint) alter.action()).constraint();
        assertEquals("t_pk", pk.name().getSimple());
        assertEquals(List.of("a", "b"), pk.columnNames());
        assertEquals(SqlTableConstraint.Type.UNIQUE,
                action("ALTER TABLE t ADD UNIQUE (c)", AlterTableAction.AddConstraint.class).constraint().type());
    }

    @Test
    void addForeignKeyAsPgbenchWritesIt() {
        SqlForeignKeyConstraint fk = action("alter table pgbench_tellers add constraint pgbench_tellers_bid_fkey"
                + " foreign key (bid) references pgbench_branches", AlterTableAction.AddForeignKey.class).foreignKey();
        assertEquals("pgbench_tellers_bid_fkey", fk.name().getSimple());
        assertEquals(List.of("bid"), fk.columnNames());
        assertEquals("pgbench_branches", fk.referencedTable().getSimple());
        assertEquals(List.of(), fk.referencedColumnNames());
        assertEquals(SqlForeignKeyConstraint.Action.NO_ACTION, fk.onDelete());
        SqlForeignKeyConstraint full = action("ALTER TABLE t ADD FOREIGN KEY (a, b) REFERENCES u (x, y) MATCH FULL"
                + " ON UPDATE SET NULL ON DELETE CASCADE", AlterTableAction.AddForeignKey.class).foreignKey();
        assertNull(full.name());
        assertEquals(List.of("x", "y"), full.referencedColumnNames());
        assertEquals(SqlForeignKeyConstraint.Action.CASCADE, full.onDelete());
        assertEquals(SqlForeignKeyConstraint.Action.SET_NULL, full.onUpdate());
    }

    @Test
    void addColumn() {
        AlterTableAction.AddColumn add = action("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int8 NOT NULL DEFAULT 0",
                AlterTableAction.AddColumn.class);
        assertTrue(add.ifNotExists());
        SqlColumnDeclaration column = add.column();
        assertEquals("c", column.nameString());
        assertEquals(DataType.BIGINT, column.columnType().type());
        assertTrue(column.notNull());
        assertEquals("0", column.defaultValue().toString());
        AlterTableAction.AddColumn plain = action("ALTER TABLE t ADD d varchar(10) PRIMARY KEY",
                AlterTableAction.AddColumn.class);
        assertFalse(plain.ifNotExists());
        assertTrue(plain.column().primaryKey());
        assertEquals("if", action("ALTER TABLE t ADD if int", AlterTableAction.AddColumn.class).column().nameString());
    }

    @Test
    void dropColumn() {
        AlterTableAction.DropColumn drop = action("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE",
                AlterTableAction.DropColumn.class);
        assertEquals("c", drop.columnName());
        assertTrue(drop.ifExists());
        assertTrue(drop.cascade());
        AlterTableAction.DropColumn plain = action("ALTER TABLE t DROP c RESTRICT", AlterTableAction.DropColumn.class);
        assertFalse(plain.ifExists());
        assertFalse(plain.cascade());
    }

    @Test
    void rename() {
        assertEquals("u", action("ALTER TABLE t RENAME TO u", AlterTableAction.RenameTable.class).newNameString());
        AlterTableAction.RenameColumn column = action("ALTER TABLE t RENAME COLUMN a TO b",
                AlterTableAction.RenameColumn.class);
        assertEquals("a", column.columnName());
        assertEquals("b", column.newNameString());
        assertEquals("b", action("ALTER TABLE t RENAME a TO b", AlterTableAction.RenameColumn.class)
                .newNameString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int | 42601 | syntax error at or near \",\" | 31",
        "ALTER TABLE t | 42601 | syntax error at end of input | 14",
        "ALTER TABLE t ADD c foo | 42704 | type \"foo\" does not exist | 21",
        "ALTER TABLE t RENAME TO | 42601 | syntax error at end of input | 24",
        "CREATE TABLE t (a int, FOREIGN KEY (a) REFERENCES u) | 0A000 | FOREIGN KEY constraints are not supported"
                + " | 24",
    })
    void rejectsWithPosition(String sql, String sqlState, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(sqlState, e.sqlState());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }
}
