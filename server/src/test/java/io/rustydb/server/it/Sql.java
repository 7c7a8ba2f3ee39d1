package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Small JDBC helpers shared by the ITs. */
final class Sql {

    private Sql() {
    }

    /** Runs {@code action}, asserts it fails with {@code sqlState}, and returns the exception. */
    static SQLException assertSqlState(String sqlState, Executable action) {
        SQLException e = assertThrows(SQLException.class, action, "expected SQLSTATE " + sqlState);
        assertEquals(sqlState, e.getSQLState(), () -> "wrong SQLSTATE for: " + e.getMessage());
        return e;
    }

    /** Like {@link #assertSqlState} for one statement on {@code c}. */
    static SQLException assertSqlState(String sqlState, Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(c, sql),
                () -> "expected SQLSTATE " + sqlState + " from: " + sql);
        assertEquals(sqlState, e.getSQLState(), () -> "wrong SQLSTATE from '" + sql + "': " + e.getMessage());
        return e;
    }

    /** The server's ErrorResponse behind {@code e}. */
    static ServerErrorMessage serverError(SQLException e) {
        PSQLException psql = assertInstanceOf(PSQLException.class, e);
        ServerErrorMessage message = psql.getServerErrorMessage();
        assertNotNull(message, () -> "no server error message in " + e);
        return message;
    }

    /** {@code SELECT 1} works: the connection survived whatever happened before. */
    static void assertUsable(Connection c) throws SQLException {
        assertTrue(!c.isClosed(), "connection closed");
        assertEquals(1L, queryLong(c, "SELECT 1"), "SELECT 1 after an error");
    }

    static boolean execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.execute(sql);
        }
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), () -> "no row from " + sql);
            long value = rs.getLong(1);
            assertTrue(!rs.next(), () -> "more than one row from " + sql);
            return value;
        }
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), () -> "no row from " + sql);
            return rs.getString(1);
        }
    }

    /** Every row as its columns' {@code getString} values, joined by {@code |} (null as empty). */
    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<String> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    row.append('|');
                }
                String value = rs.getString(i);
                row.append(value == null ? "" : value);
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
