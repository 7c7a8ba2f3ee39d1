package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.assertSqlState;
import static io.rustydb.server.it.Sql.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/metrics} and the custom metric routes on a real node: the JSON counters
 * move by exactly what a pgjdbc workload did, its quantiles agree with the histogram Prometheus
 * scrapes, and metrics registered and updated over REST and SQL are one registry, exported with
 * their help and labels on both Prometheus endpoints; every refusal in the error envelope.
 */
@ExtendWith(ServerLogOnFailure.class)
class MetricsApiIT {
    private static final Set<String> SECTIONS = Set.of("database", "storage", "transactions", "query_performance",
            "memory");

    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String admin;
    static String viewer;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("metrics-api", tmp.resolve("data"));
        api = new Api(server);
        admin = api.login("rustydb", server.adminPassword());
        api.post("/api/v1/admin/users", Api.json("username", "viewer", "password", "pw", "admin", false), admin)
                .ok(201);
        viewer = api.login("viewer", "pw");
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void jsonCountersMoveByExactlyTheWorkload() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE work (id INTEGER PRIMARY KEY, v INTEGER)");
            execute(c, "INSERT INTO work VALUES (0, 0)");
            JsonNode before = settled(metrics(viewer));
            assertEquals(SECTIONS, fields(before));
            assertEquals(1, before.get("database").get("active_connections").asLong(), before.toString());

            for (int i = 1; i <= 5; i++) {
                execute(c, "INSERT INTO work VALUES (" + i + ", " + i + ")"); // 5 queries, 5 commits
            }
            for (int i = 0; i < 3; i++) {
                execute(c, "SELECT count(*) FROM work"); // 3 queries, 3 commits
            }
            for (int i = 0; i < 2; i++) {
                assertSqlState("22012", c, "SELECT 1 / (v - v) FROM work"); // 2 failed, 2 rollbacks
            }
            assertSqlState("42601", c, "SELEC 1"); // 1 failed, before any transaction
            c.setAutoCommit(false);
            execute(c, "INSERT INTO work VALUES (10, 10)");
            execute(c, "INSERT INTO work VALUES (11, 11)");
            c.commit(); // BEGIN, 2 INSERTs, COMMIT: 4 queries, 1 commit
            execute(c, "INSERT INTO work VALUES (12, 12)");
            c.rollback(); // BEGIN, INSERT, ROLLBACK: 3 queries, 1 rollback
            c.setAutoCommit(true);

            long queries = total(before, "database", "queries_total") + 18;
            JsonNode after = settled(until("18 more queries", m -> total(m, "database", "queries_total") >= queries));
            assertEquals(queries, total(after, "database", "queries_total"), after.toString());
            assertEquals(total(before, "transactions", "committed_total") + 9,
                    total(after, "transactions", "committed_total"), after.toString());
            assertEquals(total(before, "transactions", "rolled_back_total") + 3,
                    total(after, "transactions", "rolled_back_total"), after.toString());
            assertEquals(0, total(after, "transactions", "active_transactions"));
            assertTrue(total(after, "database", "uptime_seconds") > total(before, "database", "uptime_seconds"));
            JsonNode storage = after.get("storage");
            assertEquals(8192000, storage.get("buffer_pool_size_bytes").asLong());
            assertTrue(storage.get("buffer_pool_used_bytes").asLong() > 0);
            assertEquals(100.0 * storage.get("buffer_pool_used_bytes").asLong() / 8192000,
                    after.get("memory").get("buffer_pool_usage_percent").asDouble(), 1e-9);
            double ratio = storage.get("buffer_pool_hit_ratio").asDouble();
            assertTrue(ratio >= 0 && ratio <= 1, "hit ratio " + ratio);
            // the rates exist once a rate window (10 s) has passed; this node has run longer
            assertTrue(after.get("database").get("queries_per_second").isNumber(), after.toString());
            assertTrue(storage.get("disk_writes_per_second").isNumber(), after.toString());
        }
    }

    @Test
    void quantilesComeFromTheRecordedDistribution() throws Exception {
        try (Connection c = server.connect()) {
            for (int i = 0; i < 40; i++) {
                execute(c, "SELECT " + i);
            }
            execute(c, "CREATE TABLE q (id INTEGER PRIMARY KEY)"); // DDL: slower than the SELECTs
        }
        JsonNode m = settled(metrics(admin));
        // nothing runs now: a scrape sees the same histogram as the JSON did
        Scrape s = Scrape.of(server);
        double count = s.get("rustydb_query_duration_ms_count");
        assertEquals(total(m, "database", "queries_total"), (long) s.get("rustydb_queries_total"), s.text);
        JsonNode q = m.get("query_performance");
        assertEquals(s.get("rustydb_query_duration_ms_sum") / count, q.get("avg_query_time_ms").asDouble(), 1e-6);
        double p95 = q.get("p95_query_time_ms").asDouble();
        double p99 = q.get("p99_query_time_ms").asDouble();
        assertTrue(p95 > 0 && p95 <= p99, "p95 " + p95 + ", p99 " + p99);
        // Kamon's quantile (3 significant digits) against the exact cumulative bucket counts: at least
        // 95% of the statements took <= p95, and fewer than 95% took <= any bound clearly below it
        for (String le : List.of("1", "5", "10", "50", "100", "500", "1000")) {
            double bound = Double.parseDouble(le);
            double cumulative = s.get("rustydb_query_duration_ms_bucket{le=\"" + le + "\"}");
            if (bound >= p95 * 1.001) {
                assertTrue(cumulative >= 0.95 * count, "le=" + le + ": " + cumulative + " of " + count + ", p95 " + p95);
            } else if (bound < p95 / 1.001) {
                assertTrue(cumulative < 0.95 * count, "le=" + le + ": " + cumulative + " of " + count + ", p95 " + p95);
            }
        }
    }

    @Test
    void metricsNeedAToken() {
        api.get("/api/v1/metrics", null).error(401, "UNAUTHORIZED");
        api.get("/api/v1/metrics", "not-a-token").error(401, "INVALID_TOKEN");
        api.post("/api/v1/metrics", "{}", admin).error(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void customMetricsOverRestAndSqlAreOneRegistry() throws Exception {
        String counter = "{\"name\": \"it_rest_events\", \"type\": \"counter\", \"help\": \"Custom application events\","
                + " \"labels\": {\"app\": \"myapp\", \"env\": \"prod\"}}";
        JsonNode created = api.post("/api/v1/admin/metrics/register", counter, admin).ok(201).data();
        assertEquals("counter", created.get("type").asText());
        assertTrue(created.get("created").asBoolean());
        assertFalse(api.post("/api/v1/admin/metrics/register", counter, admin).ok(200).data().get("created")
                .asBoolean(), "the same declaration again");
        // the guide's curl -d sends its JSON as a form
        assertEquals(2, form("/api/v1/admin/metrics/it_rest_events/inc", "{\"value\": 2}").ok(200).data()
                .get("value").asLong());
        try (Connection c = server.connect()) {
            execute(c, "SELECT rustydb_record_metric('it_rest_events', 'counter', 3)");
            api.post("/api/v1/admin/metrics/register", "{\"name\": \"it_rest_depth\", \"type\": \"gauge\","
                    + " \"help\": \"Current queue depth\"}", admin).ok(201);
            form("/api/v1/admin/metrics/it_rest_depth/set", "{\"value\": 42}").ok(200);
            api.post("/api/v1/admin/metrics/register", "{\"name\": \"it_rest_wait\", \"type\": \"histogram\"}", admin)
                    .ok(201);
            api.post("/api/v1/admin/metrics/it_rest_wait/observe", "{\"value\": 0.2}", admin).ok(200);
            execute(c, "SELECT rustydb_record_metric('it_rest_wait', 'histogram', 3)");
            Scrape s = Scrape.until(server, "the custom metrics",
                    x -> x.get("it_rest_events{app=\"myapp\",env=\"prod\"}") == 5 && x.get("it_rest_depth") == 42
                            && x.get("it_rest_wait_count") == 2);
            assertTrue(s.text.contains("# HELP it_rest_events Custom application events\n# TYPE it_rest_events counter\n"),
                    s.text);
            assertTrue(s.text.contains("# HELP it_rest_depth Current queue depth\n# TYPE it_rest_depth gauge\n"), s.text);
            assertEquals(1, s.get("it_rest_wait_bucket{le=\"0.25\"}"));
            assertEquals(3.2, s.get("it_rest_wait_sum"), 1e-9);
            String rest = api.get("/api/v1/metrics/prometheus", null).ok(200).raw().body();
            assertTrue(rest.contains("# HELP it_rest_events Custom application events\n"), rest);
            assertTrue(rest.contains("it_rest_events{app=\"myapp\",env=\"prod\"} 5\n"), rest);
            execute(c, "SELECT rustydb_set_metric('it_rest_depth', 'gauge', 7)");
            Scrape.until(server, "the gauge set from SQL", x -> x.get("it_rest_depth") == 7);
        }
    }

    @Test
    void customMetricErrors() {
        String path = "/api/v1/admin/metrics/";
        api.post(path + "register", "{\"name\": \"it_err_counter\", \"type\": \"counter\"}", admin).ok(201);
        api.post(path + "register", "{\"name\": \"it_err_gauge\", \"type\": \"gauge\"}", admin).ok(201);

        api.post(path + "register", "{\"name\": \"x\", ", admin).error(400, "INVALID_JSON");
        api.post(path + "register", "{\"name\": \"it err\", \"type\": \"counter\"}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"__it\", \"type\": \"counter\"}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"it_err_x\", \"type\": \"meter\"}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"it_err_x\"}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"it_err_x\", \"type\": \"counter\", \"labels\": {\"a\": 1}}", admin)
                .error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"it_err_x\", \"type\": \"counter\", \"labels\": {\"le\": \"1\"}}", admin)
                .error(400, "INVALID_PARAMETER");
        api.post(path + "register", "{\"name\": \"it_err_counter\", \"type\": \"gauge\"}", admin).error(409, "METRIC_EXISTS");
        api.post(path + "register", "{\"name\": \"it_err_counter\", \"type\": \"counter\", \"labels\": {\"a\": \"b\"}}",
                admin).error(409, "METRIC_EXISTS");
        api.post(path + "register", "{\"name\": \"rustydb_queries_total\", \"type\": \"counter\"}", admin)
                .error(409, "METRIC_EXISTS");

        api.post(path + "it_err_counter/inc", "{\"value\": -1}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "it_err_counter/inc", "{\"value\": 0.5}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "it_err_counter/inc", "{\"value\": \"1\"}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "it_err_counter/inc", "not json", admin).error(400, "INVALID_JSON");
        api.post(path + "it_err_gauge/set", "{}", admin).error(400, "INVALID_PARAMETER");
        api.post(path + "it_err_never/inc", "{\"value\": 1}", admin).error(404, "METRIC_NOT_FOUND");
        api.post(path + "it_err_never/set", "{\"value\": 1}", admin).error(404, "METRIC_NOT_FOUND");
        api.post(path + "it_err_gauge/inc", "{\"value\": 1}", admin).error(409, "METRIC_TYPE_MISMATCH");
        api.post(path + "it_err_counter/set", "{\"value\": 1}", admin).error(409, "METRIC_TYPE_MISMATCH");
        api.post(path + "it_err_counter/observe", "{\"value\": 1}", admin).error(409, "METRIC_TYPE_MISMATCH");
        assertEquals(1, api.post(path + "it_err_counter/inc", "{}", admin).ok(200).data().get("value").asLong(),
                "inc without a value adds 1");

        api.post(path + "register", "{\"name\": \"it_err_y\", \"type\": \"counter\"}", viewer).error(403, "FORBIDDEN");
        api.post(path + "it_err_counter/inc", "{\"value\": 1}", viewer).error(403, "FORBIDDEN");
        api.post(path + "it_err_counter/inc", "{\"value\": 1}", null).error(401, "UNAUTHORIZED");
        api.post(path + "register", "{\"name\": \"x\", ", null).error(401, "UNAUTHORIZED");
        api.get(path + "it_err_counter/inc", admin).error(405, "METHOD_NOT_ALLOWED");
    }

    /** POST with the guide's {@code curl -d} content type (a form), the body JSON nonetheless. */
    private static Api.Reply form(String path, String body) {
        return api.sendRaw(HttpRequest.newBuilder(URI.create(server.apiUrl(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode metrics(String token) {
        return api.get("/api/v1/metrics", token).ok(200).data();
    }

    private static long total(JsonNode metrics, String section, String field) {
        JsonNode v = metrics.get(section).get(field);
        assertTrue(v != null && v.isIntegralNumber(), section + "." + field + " in " + metrics);
        return v.asLong();
    }

    /** Polls /api/v1/metrics until {@code condition} holds, at most 15 s. */
    private static JsonNode until(String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = metrics(admin);
        while (!condition.test(last)) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + "; last: " + last);
            RustyDbProcess.sleep(100);
            last = metrics(admin);
        }
        return last;
    }

    /** A reading after which two more ticks changed none of the totals the tests compare. */
    private static JsonNode settled(JsonNode first) {
        JsonNode last = first;
        while (true) {
            long uptime = total(last, "database", "uptime_seconds");
            JsonNode next = until("two more ticks", m -> total(m, "database", "uptime_seconds") >= uptime + 2);
            if (totals(last).equals(totals(next))) {
                return next;
            }
            last = next;
        }
    }

    private static List<Long> totals(JsonNode m) {
        return List.of(total(m, "database", "queries_total"), total(m, "transactions", "committed_total"),
                total(m, "transactions", "rolled_back_total"));
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
