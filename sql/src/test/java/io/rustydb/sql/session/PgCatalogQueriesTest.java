package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.SqlSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact catalog queries psql 15 and pgjdbc send, run over a live catalog. */
class PgCatalogQueriesTest {
    private SessionHarness harness;
    private SqlSession session;
    private Map<String, String> queries;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        harness = new SessionHarness(dir);
        session = harness.session();
        SessionHarness.run(session, "CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                + " balance NUMERIC(12,2) DEFAULT 0, created TIMESTAMP)");
        SessionHarness.run(session, "CREATE TABLE pairs (a BIGINT, b TEXT, PRIMARY KEY (b, a))");
        SessionHarness.run(session, "CREATE VIEW rich AS SELECT id, name FROM accounts");
        queries = load();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static Map<String, String> load() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (InputStream in = PgCatalogQueriesTest.class.getResourceAsStream("/pgcatalog/client-queries.sql")) {
            String name = null;
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- ") && line.indexOf(' ', 3) < 0) {
                    if (name != null) {
                        queries.put(name, text.toString());
                    }
                    name = line.substring(3);
                    text.setLength(0);
                } else if (name != null) {
                    text.append(line).append('\n');
                }
            }
            queries.put(name, text.toString());
        }
        return queries;
    }

    private List<List<Object>> run(String name, Object oid) {
        return SessionHarness.run(session, queries.get(name).replace("${oid}", String.valueOf(oid))).rows();
    }

    @Test
    void describeTableQueries() {
        List<List<Object>> lookup = run("describe-lookup", 0);
        assertEquals(1, lookup.size());
        Object oid = lookup.get(0).get(0);
        assertEquals(List.of("public", "accounts"), lookup.get(0).subList(1, 3));
        assertEquals("r", run("describe-table", oid).get(0).get(1));
        List<String> columns = new ArrayList<>();
        for (List<Object> row : run("describe-columns", oid)) {
            columns.add(row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + row.get(3));
        }
        assertEquals(List.of("id integer null true", "name character varying(40) null true",
                "balance numeric(12,2) 0 false", "created timestamp without time zone null false"), columns);
        List<List<Object>> indexes = run("describe-indexes", oid);
        assertEquals(1, indexes.size());
        assertEquals(List.of("accounts_pkey", true, true), indexes.get(0).subList(0, 3));
        assertEquals("CREATE UNIQUE INDEX accounts_pkey ON public.accounts USING btree (id)", indexes.get(0).get(5));
        assertEquals("PRIMARY KEY (id)", indexes.get(0).get(6));
        for (String none : List.of("describe-policies", "describe-statistics", "describe-publications",
                "describe-inherits", "describe-partitions")) {
            assertEquals(List.of(), run(none, oid), none);
        }
    }

    @Test
    void listRolesShowsTheSessionUserWithAnEmptyMembership() {
        List<List<Object>> roles = run("list-roles", 0);
        assertEquals(1, roles.size());
        assertEquals("rustydb", roles.get(0).get(0));
        assertEquals(List.of(), roles.get(0).get(8));
    }

    @Test
    void databaseAndUserAreTheSessionsOwnEvenWithACachedPlan() {
        String sql = "SELECT current_database(), d.datname, r.rolname FROM pg_catalog.pg_database d,"
                + " pg_catalog.pg_roles r";
        assertEquals(List.of(List.of("rustydb", "rustydb", "rustydb")), SessionHarness.run(session, sql).rows());
        SqlSession other = harness.engine.openSession(new io.rustydb.common.session.SessionState(99, "alice", "shop",
                "127.0.0.1", java.time.Instant.now()), Map.of(), new io.rustydb.sql.SessionListener() {
                });
        assertEquals(List.of(List.of("shop", "shop", "alice")), SessionHarness.run(other, sql).rows());
        assertEquals(List.of(List.of("shop")), SessionHarness.run(other, "SELECT current_catalog").rows());
        other.close();
    }

    @Test
    void regclassOfAMissingRelationIs42P01() {
        io.rustydb.common.RustyDbException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.rustydb.common.RustyDbException.class,
                () -> SessionHarness.run(session, "SELECT 'nope'::regclass"));
        assertEquals("42P01", e.sqlState());
        assertEquals(List.of(List.of(1L)), SessionHarness.run(session, "SELECT count(*) FROM pg_class WHERE oid = 'accounts'::regclass").rows());
    }

    @Test
    void pgjdbcMetadataQueries() {
        PreparedQuery tables = SessionHarness.prepare(session, queries.get("jdbc-tables"), DataType.VARCHAR,
                DataType.VARCHAR);
        List<String> names = new ArrayList<>();
        for (List<Object> row : SessionHarness.execute(session, tables, List.of("public", "%")).rows()) {
            names.add(row.get(2) + ":" + row.get(3));
        }
        assertEquals(List.of("accounts:TABLE", "pairs:TABLE", "rich:VIEW"), names);

        PreparedQuery keys = SessionHarness.prepare(session, queries.get("jdbc-primary-keys"), DataType.VARCHAR,
                DataType.VARCHAR);
        List<String> keyColumns = new ArrayList<>();
        for (List<Object> row : SessionHarness.execute(session, keys, List.of("public", "pairs")).rows()) {
            keyColumns.add(row.get(3) + ":" + row.get(4) + ":" + row.get(5));
        }
        assertEquals(List.of("b:1:pairs_pkey", "a:2:pairs_pkey"), keyColumns);

        PreparedQuery index = SessionHarness.prepare(session, queries.get("jdbc-index-info"), DataType.VARCHAR,
                DataType.VARCHAR);
        List<String> indexColumns = new ArrayList<>();
        for (List<Object> row : SessionHarness.execute(session, index, List.of("public", "pairs")).rows()) {
            indexColumns.add(row.get(5) + ":" + row.get(7) + ":" + row.get(8) + ":" + row.get(9));
        }
        assertEquals(List.of("pairs_pkey:1:b:A", "pairs_pkey:2:a:A"), indexColumns);

        PreparedQuery columns = SessionHarness.prepare(session, queries.get("jdbc-columns"), DataType.VARCHAR,
                DataType.VARCHAR, DataType.VARCHAR);
        List<List<Object>> rows = SessionHarness.execute(session, columns, List.of("public", "rich", "%")).rows();
        assertEquals(2, rows.size());
        assertEquals("id", rows.get(0).get(3));

        List<List<Object>> schemas = SessionHarness.run(session, queries.get("jdbc-schemas")).rows();
        assertTrue(schemas.contains(List.of("public", "rustydb")), schemas::toString);
    }
}
