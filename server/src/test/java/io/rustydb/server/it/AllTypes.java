package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A table with one column of every supported type, the rows written into it and what pgjdbc must
 * read back: {@code getObject} classes, typed getters and {@code getString} texts.
 */
final class AllTypes {

    static final String COLUMNS = "id, c_smallint, c_integer, c_bigint, c_numeric, c_real, c_double,"
            + " c_boolean, c_char, c_varchar, c_text, c_date, c_timestamp";

    /** The three rows {@link #assertLiteralRows} expects, written with SQL literals and defaults. */
    static final List<String> LITERAL_INSERTS = List.of(
            "INSERT INTO %s VALUES (1, 32767, -2147483648, 9223372036854775807, 12345678.91, 1.5,"
                    + " 2.718281828459045, TRUE, 'ab', 'hello', 'it''s ünïcode ✓', DATE '2024-02-29',"
                    + " TIMESTAMP '2024-02-29 13:45:30.123456')",
            "INSERT INTO %s (id, c_integer, c_numeric, c_boolean) VALUES (2, 0, -0.5, FALSE)",
            "INSERT INTO %s (id, c_smallint, c_numeric, c_real, c_double, c_char, c_date, c_timestamp)"
                    + " VALUES (3, -32768, 12.345, -0.25, 1e100, 'abcde', DATE '1999-12-31',"
                    + " TIMESTAMP '1999-12-31 23:59:59')");

    private AllTypes() {
    }

    static String ddl(String table) {
        return "CREATE TABLE " + table + " (\n"
                + "  id INTEGER PRIMARY KEY,\n"
                + "  c_smallint SMALLINT NOT NULL DEFAULT 7,\n"
                + "  c_integer INTEGER,\n"
                + "  c_bigint BIGINT,\n"
                + "  c_numeric NUMERIC(10,2),\n"
                + "  c_real REAL,\n"
                + "  c_double DOUBLE PRECISION,\n"
                + "  c_boolean BOOLEAN,\n"
                + "  c_char CHAR(5),\n"
                + "  c_varchar VARCHAR(20),\n"
                + "  c_text TEXT,\n"
                + "  c_date DATE,\n"
                + "  c_timestamp TIMESTAMP NOT NULL DEFAULT TIMESTAMP '2000-01-01 00:00:00')";
    }

    /** RowDescription: type OIDs and NUMERIC(10,2)'s type modifier, as pgjdbc sees them. */
    static void assertMetadata(ResultSetMetaData md) throws SQLException {
        assertEquals(13, md.getColumnCount());
        String[] labels = COLUMNS.split(", ");
        int[] sqlTypes = {Types.INTEGER, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.REAL,
            Types.DOUBLE, Types.BIT, Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.TIMESTAMP};
        String[] typeNames = {"int4", "int2", "int4", "int8", "numeric", "float4", "float8", "bool", "bpchar",
            "varchar", "text", "date", "timestamp"};
        for (int i = 1; i <= 13; i++) {
            assertEquals(labels[i - 1], md.getColumnLabel(i), "label of column " + i);
            assertEquals(typeNames[i - 1], md.getColumnTypeName(i), "type name of " + labels[i - 1]);
            assertEquals(sqlTypes[i - 1], md.getColumnType(i), "java.sql.Types of " + labels[i - 1]);
        }
        assertEquals(10, md.getPrecision(5), "precision of NUMERIC(10,2)");
        assertEquals(2, md.getScale(5), "scale of NUMERIC(10,2)");
    }

    /** Rows 1, 2 and 3 of {@link #LITERAL_INSERTS}, in id order, and nothing else. */
    static void assertLiteralRows(ResultSet rs) throws SQLException {
        assertMetadata(rs.getMetaData());

        assertTrue(rs.next(), "row 1");
        assertAll("row 1",
                () -> assertEquals(Integer.valueOf(1), rs.getObject("id")),
                () -> assertEquals(Integer.valueOf(32767), rs.getObject("c_smallint")),
                () -> assertEquals((short) 32767, rs.getShort("c_smallint")),
                () -> assertEquals("32767", rs.getString("c_smallint")),
                () -> assertEquals(Integer.valueOf(-2147483648), rs.getObject("c_integer")),
                () -> assertEquals(-2147483648, rs.getInt("c_integer")),
                () -> assertEquals("-2147483648", rs.getString("c_integer")),
                () -> assertEquals(Long.valueOf(Long.MAX_VALUE), rs.getObject("c_bigint")),
                () -> assertEquals(Long.MAX_VALUE, rs.getLong("c_bigint")),
                () -> assertEquals("9223372036854775807", rs.getString("c_bigint")),
                () -> assertEquals(new BigDecimal("12345678.91"), rs.getObject("c_numeric")),
                () -> assertEquals(new BigDecimal("12345678.91"), rs.getBigDecimal("c_numeric")),
                () -> assertEquals("12345678.91", rs.getString("c_numeric")),
                () -> assertEquals(Float.valueOf(1.5f), rs.getObject("c_real")),
                () -> assertEquals(1.5f, rs.getFloat("c_real")),
                () -> assertEquals("1.5", rs.getString("c_real")),
                () -> assertEquals(Double.valueOf(2.718281828459045), rs.getObject("c_double")),
                () -> assertEquals(2.718281828459045, rs.getDouble("c_double")),
                () -> assertEquals("2.718281828459045", rs.getString("c_double")),
                () -> assertEquals(Boolean.TRUE, rs.getObject("c_boolean")),
                () -> assertTrue(rs.getBoolean("c_boolean")),
                () -> assertEquals("t", rs.getString("c_boolean")),
                () -> assertEquals("ab   ", rs.getObject("c_char"), "CHAR(5) is blank-padded"),
                () -> assertEquals("ab   ", rs.getString("c_char")),
                () -> assertEquals("hello", rs.getObject("c_varchar")),
                () -> assertEquals("hello", rs.getString("c_varchar")),
                () -> assertEquals("it's ünïcode ✓", rs.getObject("c_text")),
                () -> assertEquals("it's ünïcode ✓", rs.getString("c_text")),
                () -> assertEquals(Date.valueOf("2024-02-29"), rs.getObject("c_date")),
                () -> assertEquals(Date.valueOf("2024-02-29"), rs.getDate("c_date")),
                () -> assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("c_date", LocalDate.class)),
                () -> assertEquals("2024-02-29", rs.getString("c_date")),
                // RustyDB's TIMESTAMP keeps milliseconds, like PostgreSQL's timestamp(3) (docs/sql-reference.md)
                () -> assertEquals(Timestamp.valueOf("2024-02-29 13:45:30.123"), rs.getObject("c_timestamp")),
                () -> assertEquals(Timestamp.valueOf("2024-02-29 13:45:30.123"), rs.getTimestamp("c_timestamp")),
                () -> assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000),
                        rs.getObject("c_timestamp", LocalDateTime.class)),
                () -> assertEquals("2024-02-29 13:45:30.123", rs.getString("c_timestamp")));

        assertTrue(rs.next(), "row 2");
        assertAll("row 2: defaults and NULLs",
                () -> assertEquals(2, rs.getInt("id")),
                () -> assertEquals(7, rs.getInt("c_smallint"), "DEFAULT 7"),
                () -> assertEquals(Integer.valueOf(0), rs.getObject("c_integer")),
                () -> assertEquals(0L, rs.getLong("c_bigint")),
                () -> assertTrue(rs.wasNull(), "c_bigint is NULL"),
                () -> assertNull(rs.getObject("c_bigint")),
                () -> assertNull(rs.getString("c_bigint")),
                () -> assertEquals(new BigDecimal("-0.50"), rs.getBigDecimal("c_numeric"), "scale 2"),
                () -> assertEquals("-0.50", rs.getString("c_numeric")),
                () -> assertNull(rs.getObject("c_real")),
                () -> assertNull(rs.getObject("c_double")),
                () -> assertEquals(Boolean.FALSE, rs.getObject("c_boolean")),
                () -> assertFalse(rs.getBoolean("c_boolean")),
                () -> assertEquals("f", rs.getString("c_boolean")),
                () -> assertNull(rs.getString("c_char")),
                () -> assertNull(rs.getString("c_varchar")),
                () -> assertNull(rs.getObject("c_text")),
                () -> assertNull(rs.getDate("c_date")),
                () -> assertEquals(Timestamp.valueOf("2000-01-01 00:00:00"), rs.getTimestamp("c_timestamp"),
                        "DEFAULT TIMESTAMP '2000-01-01 00:00:00'"),
                () -> assertEquals("2000-01-01 00:00:00", rs.getString("c_timestamp")));

        assertTrue(rs.next(), "row 3");
        assertAll("row 3: limits and rounding",
                () -> assertEquals(3, rs.getInt("id")),
                () -> assertEquals((short) -32768, rs.getShort("c_smallint")),
                () -> assertNull(rs.getObject("c_integer")),
                () -> assertEquals(new BigDecimal("12.35"), rs.getBigDecimal("c_numeric"),
                        "12.345 rounds half away from zero to scale 2"),
                () -> assertEquals(-0.25f, rs.getFloat("c_real")),
                () -> assertEquals(1e100, rs.getDouble("c_double")),
                () -> assertEquals("abcde", rs.getString("c_char")),
                () -> assertEquals(Date.valueOf("1999-12-31"), rs.getDate("c_date")),
                () -> assertEquals(Timestamp.valueOf("1999-12-31 23:59:59"), rs.getTimestamp("c_timestamp")),
                () -> assertEquals("1999-12-31 23:59:59", rs.getString("c_timestamp")));

        assertFalse(rs.next(), "only three rows");
    }

    /** Binds a full row with the typed setters; values depend on {@code id}. */
    static void bindRow(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        ps.setShort(2, (short) -id);
        ps.setInt(3, id * 1000);
        ps.setLong(4, -9_000_000_000L - id);
        ps.setBigDecimal(5, new BigDecimal("-98765432.10"));
        ps.setFloat(6, -3.25f);
        ps.setDouble(7, 0.1);
        ps.setBoolean(8, id % 2 == 0);
        ps.setString(9, "xyz");
        ps.setString(10, "v" + id);
        ps.setString(11, "line1\nline2\t'quoted' \"dq\" ünï");
        ps.setDate(12, Date.valueOf("1970-01-01"));
        ps.setTimestamp(13, Timestamp.valueOf("1999-12-31 23:59:59.5"));
    }

    /** Binds NULL to every nullable column. */
    static void bindNullRow(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        ps.setShort(2, (short) 1);
        ps.setNull(3, Types.INTEGER);
        ps.setNull(4, Types.BIGINT);
        ps.setNull(5, Types.NUMERIC);
        ps.setNull(6, Types.REAL);
        ps.setNull(7, Types.DOUBLE);
        ps.setNull(8, Types.BOOLEAN);
        ps.setNull(9, Types.CHAR);
        ps.setNull(10, Types.VARCHAR);
        ps.setNull(11, Types.VARCHAR);
        ps.setNull(12, Types.DATE);
        ps.setTimestamp(13, Timestamp.valueOf("2001-02-03 04:05:06"));
    }

    /** The row written by {@link #bindRow}, positioned on by the caller. */
    static void assertBoundRow(ResultSet rs, int id) throws SQLException {
        assertAll("bound row " + id,
                () -> assertEquals(Integer.valueOf(id), rs.getObject("id")),
                () -> assertEquals(Integer.valueOf(-id), rs.getObject("c_smallint")),
                () -> assertEquals(id * 1000, rs.getInt("c_integer")),
                () -> assertEquals(-9_000_000_000L - id, rs.getLong("c_bigint")),
                () -> assertEquals(new BigDecimal("-98765432.10"), rs.getBigDecimal("c_numeric")),
                () -> assertEquals("-98765432.10", rs.getString("c_numeric")),
                () -> assertEquals(-3.25f, rs.getFloat("c_real")),
                () -> assertEquals("-3.25", rs.getString("c_real")),
                () -> assertEquals(0.1, rs.getDouble("c_double")),
                () -> assertEquals("0.1", rs.getString("c_double")),
                () -> assertEquals(id % 2 == 0, rs.getObject("c_boolean")),
                () -> assertEquals("xyz  ", rs.getString("c_char")),
                () -> assertEquals("v" + id, rs.getString("c_varchar")),
                () -> assertEquals("line1\nline2\t'quoted' \"dq\" ünï", rs.getString("c_text")),
                () -> assertEquals(Date.valueOf("1970-01-01"), rs.getDate("c_date")),
                () -> assertEquals("1970-01-01", rs.getString("c_date")),
                () -> assertEquals(Timestamp.valueOf("1999-12-31 23:59:59.5"), rs.getTimestamp("c_timestamp")),
                () -> assertEquals("1999-12-31 23:59:59.5", rs.getString("c_timestamp")));
    }

    /** The row written by {@link #bindNullRow}, positioned on by the caller. */
    static void assertNullRow(ResultSet rs, int id) throws SQLException {
        assertEquals(id, rs.getInt("id"));
        for (String column : List.of("c_integer", "c_bigint", "c_numeric", "c_real", "c_double", "c_boolean",
                "c_char", "c_varchar", "c_text", "c_date")) {
            assertNull(rs.getObject(column), column + " of the NULL row");
            assertNull(rs.getString(column), column + " of the NULL row");
        }
        assertEquals(Timestamp.valueOf("2001-02-03 04:05:06"), rs.getTimestamp("c_timestamp"));
    }
}
