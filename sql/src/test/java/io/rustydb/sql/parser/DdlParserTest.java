package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.ddl.SqlDropTable;
import io.rustydb.sql.parser.ddl.SqlTableConstraint;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DdlParserTest {

    private static ColumnType typeOf(String type) {
        SqlCreateTable create = parse("CREATE TABLE t (c " + type + ")", SqlCreateTable.class);
        return create.columns().get(0).columnType();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SMALLINT | SMALLINT | -1 | -1",
        "int2 | SMALLINT | -1 | -1",
        "INTEGER | INTEGER | -1 | -1",
        "int | INTEGER | -1 | -1",
        "int4 | INTEGER | -1 | -1",
        "BIGINT | BIGINT | -1 | -1",
        "int8 | BIGINT | -1 | -1",
        "NUMERIC | NUMERIC | -1 | -1",
        "NUMERIC(10) | NUMERIC | 10 | 0",
        "numeric(10, 2) | NUMERIC | 10 | 2",
        "DECIMAL(7,3) | NUMERIC | 7 | 3",
        "REAL | REAL | -1 | -1",
        "float4 | REAL | -1 | -1",
        "float(24) | REAL | -1 | -1",
        "DOUBLE PRECISION | DOUBLE | -1 | -1",
        "float8 | DOUBLE | -1 | -1",
        "FLOAT | DOUBLE | -1 | -1",
        "float(53) | DOUBLE | -1 | -1",
        "BOOLEAN | BOOLEAN | -1 | -1",
        "bool | BOOLEAN | -1 | -1",
        "CHAR | CHAR | 1 | -1",
        "CHAR(3) | CHAR | 3 | -1",
        "CHARACTER(5) | CHAR | 5 | -1",
        "VARCHAR | VARCHAR | -1 | -1",
        "VARCHAR(20) | VARCHAR | 20 | -1",
        "CHARACTER VARYING(20) | VARCHAR | 20 | -1",
        "TEXT | TEXT | -1 | -1",
        "DATE | DATE | -1 | -1",
        "TIMESTAMP | TIMESTAMP | -1 | -1",
        "TIMESTAMP WITHOUT TIME ZONE | TIMESTAMP | -1 | -1",
    })
    void mapsDeclaredTypesToColumnTypes(String declared, DataType type, int length, int scale) {
        assertEquals(new ColumnType(type, length, scale), typeOf(declared));
    }

    @Test
    void serialColumnsAreIntegersFlaggedSerial() {
        SqlCreateTable create = parse("CREATE TABLE t (a smallserial, b serial, c bigserial, d int)",
                SqlCreateTable.class);
        List<SqlColumnDeclaration> columns = create.columns();
        assertEquals(List.of(DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT, DataType.INTEGER),
                columns.stream().map(c -> c.columnType().type()).toList());
        assertEquals(List.of(true, true, true, false), columns.stream().map(SqlColumnDeclaration::serial).toList());
        assertNull(columns.get(1).dataType());
        assertFalse(columns.get(1).nullable());
    }

    @Test
    void exposesColumnsConstraintsOptionsAndTablespace() {
        SqlCreateTable create = parse("CREATE TABLE IF NOT EXISTS Sales.Orders ("
                + " id int8 NOT NULL, line int4 DEFAULT 1 + 1 NOT NULL, note text NULL UNIQUE,"
                + " CONSTRAINT orders_pk PRIMARY KEY (id, line))"
                + " WITH (fillfactor = 70, autovacuum_enabled = off, toast.x) TABLESPACE Fast", SqlCreateTable.class);
        assertEquals(SqlKind.CREATE_TABLE, create.getKind());
        assertTrue(create.ifNotExists());
        assertEquals(List.of("sales", "orders"), create.name().names);
        assertEquals(List.of("id", "line", "note"),
                create.columns().stream().map(SqlColumnDeclaration::nameString).toList());
        SqlColumnDeclaration line = create.columns().get(1);
        assertTrue(line.notNull());
        assertEquals("1 + 1", line.defaultValue().toString());
        SqlColumnDeclaration note = create.columns().get(2);
        assertTrue(note.nullable());
        assertTrue(note.unique());
        SqlTableConstraint pk = create.constraints().get(0);
        assertEquals(SqlTableConstraint.Type.PRIMARY_KEY, pk.type());
        assertEquals("orders_pk", pk.name().getSimple());
        assertEquals(List.of("id", "line"), create.primaryKey());
        assertEquals(List.of("fillfactor", "autovacuum_enabled", "toast.x"),
                create.options().stream().map(o -> o.name()).toList());
        assertEquals(List.of("70", "off", "true"), create.options().stream().map(o -> o.valueText()).toList());
        assertEquals("fast", create.tablespace());
    }

    @Test
    void columnLevelPrimaryKey() {
        SqlCreateTable create = parse("CREATE TABLE t (a int, b int PRIMARY KEY)", SqlCreateTable.class);
        assertEquals(List.of("b"), create.primaryKey());
        assertFalse(create.columns().get(1).nullable());
        assertEquals(List.of(), parse("CREATE TABLE t (a int)", SqlCreateTable.class).primaryKey());
    }

    @Test
    void tableWithoutColumns() {
        assertTrue(parse("CREATE TABLE t ()", SqlCreateTable.class).columns().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (a int, a int) | DUPLICATE_COLUMN | column \"a\" specified more than once | 24",
        "CREATE TABLE t (a int PRIMARY KEY, b int, PRIMARY KEY (b)) | INVALID_TABLE_DEFINITION"
                + " | multiple primary keys for table \"t\" are not allowed | 43",
        "CREATE TABLE t (a int, PRIMARY KEY (c)) | UNDEFINED_COLUMN | column \"c\" does not exist | 37",
        "CREATE TABLE t (a foo) | UNDEFINED_DATATYPE | type \"foo\" does not exist | 19",
        "CREATE TABLE t (a time) | FEATURE_NOT_SUPPORTED | type time is not supported | 19",
        "CREATE TABLE t (a varchar(0)) | INVALID_PARAMETER_VALUE"
                + " | length for type character varying must be at least 1 | 19",
        "CREATE TABLE t (a numeric(5, 7)) | INVALID_PARAMETER_VALUE"
                + " | NUMERIC scale 7 must be between 0 and precision 5 | 19",
        "CREATE TABLE t (a float(60)) | INVALID_PARAMETER_VALUE | precision for type float must be less than 54 bits | 19",
        "CREATE TABLE t (a int NULL NOT NULL) | SYNTAX_ERROR"
                + " | conflicting NULL/NOT NULL declarations for column \"a\" | 32",
        "CREATE OR REPLACE TABLE t (a int) | FEATURE_NOT_SUPPORTED | CREATE OR REPLACE TABLE is not supported | 1",
    })
    void rejectsInvalidDefinitionsWithPosition(String sql, ErrorCode code, String message, int position) {
        RustyDbException e = parseError(sql);
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void dropTable() {
        SqlDropTable drop = parse("DROP TABLE IF EXISTS a, s.b CASCADE", SqlDropTable.class);
        assertEquals(SqlKind.DROP_TABLE, drop.getKind());
        assertTrue(drop.ifExists());
        assertTrue(drop.cascade());
        assertEquals(List.of("a", "s.b"), drop.names().stream().map(Object::toString).toList());
        SqlDropTable plain = parse("DROP TABLE a RESTRICT", SqlDropTable.class);
        assertFalse(plain.ifExists());
        assertFalse(plain.cascade());
    }

    @Test
    void ifIsStillAUsableTableName() {
        assertEquals("if", parse("CREATE TABLE if (a int)", SqlCreateTable.class).name().getSimple());
        assertEquals("if", parse("DROP TABLE if", SqlDropTable.class).names().get(0).getSimple());
    }
}
