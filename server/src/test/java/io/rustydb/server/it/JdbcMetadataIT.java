package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's DatabaseMetaData against a real server, as GUI clients use it to browse a database:
 * the values are the ones pgjdbc returns for the same tables on PostgreSQL 15.
 */
@ExtendWith(ServerLogOnFailure.class)
class JdbcMetadataIT {

    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RustyDbProcess.start("jdbc-metadata", tmp.resolve("data"));
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                    + " balance NUMERIC(12,2) DEFAULT 0, created TIMESTAMP)");
            s.execute("CREATE TABLE pairs (a BIGINT, b TEXT, PRIMARY KEY (b, a))");
            s.execute("CREATE VIEW rich AS SELECT id, name FROM accounts WHERE balance > 100");
        }
    }

    @AfterAll
    static void stopServer() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void getTablesListsTablesAndViews() throws SQLException {
        try (Connection c = server.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("rustydb|public|accounts|TABLE", "rustydb|public|pairs|TABLE",
                    "rustydb|public|rich|VIEW"),
                    rows(md.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"}),
                            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(List.of("rustydb|public|pairs_pkey|INDEX", "rustydb|public|pairs|TABLE"),
                    rows(md.getTables(null, "public", "pa%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                            "TABLE_TYPE"));
            assertTrue(rows(md.getTables(null, "pg_catalog", "pg_class", null), "TABLE_NAME", "TABLE_TYPE")
                    .contains("pg_class|SYSTEM TABLE"));
        }
    }

    @Test
    void getColumnsDescribesTypesSizesNullabilityAndDefaults() throws SQLException {
        try (Connection c = server.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of(
                    "id|" + Types.INTEGER + "|int4|10|0|0|null|1|NO",
                    "name|" + Types.VARCHAR + "|varchar|40|0|0|null|2|NO",
                    "balance|" + Types.NUMERIC + "|numeric|12|2|1|0|3|YES",
                    "created|" + Types.TIMESTAMP + "|timestamp|29|6|1|null|4|YES"),
                    rows(md.getColumns(null, "public", "accounts", "%"), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                            "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION",
                            "IS_NULLABLE"));
            assertEquals(List.of("rich|id|int4", "rich|name|varchar"),
                    rows(md.getColumns(null, "public", "rich", null), "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME"));
        }
    }

    @Test
    void getPrimaryKeysAndIndexInfoShowThePrimaryKeyIndex() throws SQLException {
        try (Connection c = server.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("accounts|id|1|accounts_pkey"),
                    rows(md.getPrimaryKeys(null, "public", "accounts"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            assertEquals(List.of("pairs|b|1|pairs_pkey", "pairs|a|2|pairs_pkey"),
                    rows(md.getPrimaryKeys(null, "public", "pairs"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            assertEquals(List.of("accounts|f|accounts_pkey|3|1|id|A"),
                    rows(md.getIndexInfo(null, "public", "accounts", false, false), "TABLE_NAME", "NON_UNIQUE",
                            "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"));
            assertEquals(List.of("pairs|pairs_pkey|1|b", "pairs|pairs_pkey|2|a"),
                    rows(md.getIndexInfo(null, "public", "pairs", true, false), "TABLE_NAME", "INDEX_NAME",
                            "ORDINAL_POSITION", "COLUMN_NAME"));
        }
    }

    @Test
    void schemasCatalogsAndTableTypes() throws SQLException {
        try (Connection c = server.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("information_schema|rustydb", "pg_catalog|rustydb", "public|rustydb"),
                    rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"));
            assertEquals(List.of("rustydb"), rows(md.getCatalogs(), "TABLE_CAT"));
            assertTrue(rows(md.getTableTypes(), "TABLE_TYPE").containsAll(List.of("TABLE", "VIEW", "INDEX")));
        }
    }

    @Test
    void catalogFollowsDdl() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            DatabaseMetaData md = c.getMetaData();
            s.execute("CREATE TABLE later (k INT PRIMARY KEY, v TEXT)");
            s.execute("ALTER TABLE later RENAME COLUMN v TO w");
            assertEquals(List.of("k", "w"), rows(md.getColumns(null, "public", "later", null), "COLUMN_NAME"));
            s.execute("DROP TABLE later");
            assertEquals(List.of(), rows(md.getTables(null, "public", "later", null), "TABLE_NAME"));
        }
    }

    private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(String.valueOf(rs.getString(column)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
