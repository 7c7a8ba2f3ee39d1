package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.queryLong;
import static io.rustydb.server.it.Sql.queryString;
import static io.rustydb.server.it.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code v$parameter}, {@code v$system_performance} and {@code v$memory_usage} as SQL tables
 * (the Administration Guide's queries as written, filters, a self-join, GROUP BY) and
 * {@code GET /api/v1/admin/config[/name]} over the same parameters, on a node started with a few
 * settings changed.
 */
@ExtendWith(ServerLogOnFailure.class)
class SystemViewsIT {
    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("system-views", tmp.resolve("data"), "rustydb.server.max_connections=50",
                "rustydb.memory.buffer_pool_size=16M", "rustydb.server.admission_timeout=2s");
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void theGuidesParameterQueriesRunAsWritten() throws Exception {
        try (Connection c = server.connect()) {
            List<String> all = rows(c, "SELECT * FROM v$parameter ORDER BY name");
            JsonNode config = api.get("/api/v1/admin/config", admin).ok(200).data();
            assertEquals(config.size(), all.size());
            assertTrue(all.size() >= 30, "every rustydb.* key: " + all.size());
            List<String> names = new ArrayList<>();
            for (JsonNode p : config) {
                names.add(p.get("name").asText());
            }
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            assertEquals(sorted, names, "sorted by name like the view");

            assertEquals(List.of("max_connections|50||Maximum concurrent client connections; one more waits up to"
                    + " admission_timeout, then gets SQLSTATE 53300."),
                    rows(c, "SELECT name, value, unit, description FROM v$parameter WHERE name = 'max_connections'"));
            assertEquals(List.of("buffer_pool_size|16777216|memory|f"), rows(c,
                    "SELECT name, value, category, is_dynamic FROM v$parameter WHERE category = 'memory' ORDER BY name"));
            List<String> changed = rows(c, "SELECT name, value, default_value FROM v$parameter"
                    + " WHERE value != default_value ORDER BY name");
            assertTrue(changed.contains("admission_timeout|2000|5000"), changed.toString());
            assertTrue(changed.contains("buffer_pool_size|16777216|8192000"), changed.toString());
            assertTrue(changed.contains("server.listen_port|" + server.port() + "|5432"), changed.toString());
            assertFalse(changed.toString().contains("page_size"), changed.toString());

            // a self-join: parameters of one category sharing a value, and GROUP BY against the API
            assertEquals(List.of("connection_pool.warning_threshold_percent|memory.warning_threshold_percent"),
                    rows(c, "SELECT a.name, b.name FROM v$parameter a JOIN v$parameter b"
                            + " ON a.category = b.category AND a.value = b.value AND a.name < b.name"
                            + " WHERE a.unit = 'percent' ORDER BY 1, 2"));
            Map<String, Integer> perCategory = new TreeMap<>();
            for (JsonNode p : config) {
                perCategory.merge(p.get("category").asText(), 1, Integer::sum);
            }
            List<String> expected = new ArrayList<>();
            perCategory.forEach((category, n) -> expected.add(category + "|" + n));
            assertEquals(expected, rows(c, "SELECT category, count(*) FROM v$parameter GROUP BY category ORDER BY category"));
            assertEquals(0, queryLong(c, "SELECT count(*) FROM v$parameter WHERE is_dynamic"));
            assertEquals("rustydb.server.max_connections",
                    queryString(c, "SELECT config_key FROM v$parameter p WHERE p.name = 'max_connections'"));
        }
    }

    @Test
    void configOverRest() {
        JsonNode p = api.get("/api/v1/admin/config/max_connections", admin).ok(200).data();
        assertEquals("max_connections", p.get("name").asText());
        assertEquals("50", p.get("value").asText());
        assertEquals("1000", p.get("default_value").asText());
        assertEquals("server", p.get("category").asText());
        assertFalse(p.get("is_dynamic").asBoolean());
        assertTrue(p.get("unit").isNull());
        assertEquals("rustydb.server.max_connections", p.get("config_key").asText());
        assertEquals(p, api.get("/api/v1/admin/config/rustydb.server.max_connections", admin).ok(200).data());
        JsonNode timeout = api.get("/api/v1/admin/config/admission_timeout", admin).ok(200).data();
        assertEquals("2000|5000|ms", timeout.get("value").asText() + "|" + timeout.get("default_value").asText() + "|"
                + timeout.get("unit").asText());

        api.get("/api/v1/admin/config/no_such_parameter", admin).error(404, "PARAMETER_NOT_FOUND");
        api.get("/api/v1/admin/config/listen_port", admin).error(404, "PARAMETER_NOT_FOUND"); // server. or api.?
        api.get("/api/v1/admin/config", null).error(401, "UNAUTHORIZED");
        api.post("/api/v1/admin/users", Api.json("username", "reader", "password", "pw"), admin).ok(201);
        String reader = api.login("reader", "pw");
        api.get("/api/v1/admin/config", reader).error(403, "FORBIDDEN");
        api.get("/api/v1/admin/config/max_connections", reader).error(403, "FORBIDDEN");
    }

    /** Runs {@code sql} until it returns {@code expected}, at most 10 s. */
    private static void awaitLong(Connection c, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long last;
        while ((last = queryLong(c, sql)) != expected) {
            assertTrue(System.nanoTime() < deadline, sql + " returned " + last + ", expected " + expected);
            RustyDbProcess.sleep(50);
        }
    }

    @Test
    void systemPerformanceAndMemoryUsage() throws Exception {
        try (Connection c = server.connect(); Connection second = server.connect(); Connection third = server.connect()) {
            // connections of earlier tests end asynchronously: wait until only these three are left
            awaitLong(c, "SELECT active_connections FROM v$system_performance", 3);
            JsonNode pool = api.get("/api/v1/stats/buffer-pool", admin).ok(200).data();
            // the Administration Guide's 10.1 query, without blocked_sessions (not measured yet)
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT"
                    + " ROUND(queries_per_second, 2) as qps, ROUND(transactions_per_second, 2) as tps,"
                    + " ROUND(cpu_usage_percent, 2) as cpu_percent, ROUND(memory_usage_percent, 2) as memory_percent,"
                    + " ROUND(buffer_pool_hit_ratio * 100, 2) as cache_hit_percent, active_connections"
                    + " FROM v$system_performance")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt("active_connections"));
                double memory = rs.getDouble("memory_percent");
                assertTrue(memory > 0 && memory < 100, "memory " + memory);
                double cpu = rs.getDouble("cpu_percent");
                assertTrue(!rs.wasNull() && cpu >= 0 && cpu <= 100, "cpu " + cpu);
                double hit = rs.getDouble("cache_hit_percent");
                if (pool.get("hit_ratio").isNull()) {
                    assertTrue(rs.wasNull(), "no block cache lookup yet, so no ratio: " + hit);
                } else {
                    assertEquals(pool.get("hit_ratio").asDouble() * 100, hit, 5, "the ratio /stats/buffer-pool shows");
                }
                assertFalse(rs.next());
            }
            second.close();
            awaitLong(c, "SELECT active_connections FROM v$system_performance", 2);
            execute(third, "SELECT 1");

            // the Administration Guide's 5.3 query as written
            List<String> memory = rows(c, "SELECT component, allocated_bytes, used_bytes,"
                    + " ROUND(allocated_bytes / 1024.0 / 1024, 2) as allocated_mb,"
                    + " ROUND(used_bytes / 1024.0 / 1024, 2) as used_mb,"
                    + " ROUND(used_bytes * 100.0 / NULLIF(allocated_bytes, 0), 2) as usage_percent"
                    + " FROM v$memory_usage ORDER BY allocated_bytes DESC");
            Map<String, String[]> byComponent = new TreeMap<>();
            for (String row : memory) {
                String[] cols = row.split("\\|", -1);
                byComponent.put(cols[0], cols);
            }
            assertEquals(List.of("buffer_pool", "direct_buffers", "jvm_heap", "jvm_non_heap", "memtables",
                    "table_readers"), new ArrayList<>(byComponent.keySet()));
            assertEquals("16777216|16.00", byComponent.get("buffer_pool")[1] + "|" + byComponent.get("buffer_pool")[3]);
            long heapUsed = Long.parseLong(byComponent.get("jvm_heap")[2]);
            assertTrue(heapUsed > 0 && heapUsed <= Long.parseLong(byComponent.get("jvm_heap")[1]), memory.toString());
            assertTrue(Long.parseLong(byComponent.get("memtables")[2]) > 0, "the catalog's writes: " + memory);
            long previous = Long.MAX_VALUE;
            for (String row : memory) {
                long allocated = Long.parseLong(row.split("\\|")[1]);
                assertTrue(allocated <= previous, "ORDER BY allocated_bytes DESC: " + memory);
                previous = allocated;
            }
        }
    }
}
