package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.assertSqlState;
import static io.rustydb.server.it.Sql.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * The Monitoring Guide's metrics on a real node, scraped from its Prometheus port while pgjdbc
 * runs a known workload: counters move by exactly what the workload did, the buffer pool and
 * disk figures follow a working set larger than the buffer pool, the exposition passes
 * {@code promtool check metrics}, and the admission queue holds and refuses connections.
 */
@ExtendWith(ServerLogOnFailure.class)
class MetricsIT {
    /**
     * promtool's lint findings that the guide's own metric names cause (counters without
     * {@code _total}, the {@code ms} unit abbreviation); anything else it reports fails the test.
     */
    private static final Set<String> GUIDE_NAME_LINT = Set.of(
            "rustydb_uptime_seconds counter metrics should have \"_total\" suffix",
            "rustydb_queries_errors counter metrics should have \"_total\" suffix",
            "rustydb_buffer_pool_hits counter metrics should have \"_total\" suffix",
            "rustydb_buffer_pool_misses counter metrics should have \"_total\" suffix",
            "rustydb_query_duration_ms metric names should not contain abbreviated units",
            "rustydb_disk_read_latency_ms metric names should not contain abbreviated units",
            "rustydb_disk_write_latency_ms metric names should not contain abbreviated units");
    private static final String COMMITTED = "rustydb_transactions_total{status=\"committed\"}";
    private static final String ROLLED_BACK = "rustydb_transactions_total{status=\"rolled_back\"}";

    @TempDir
    static Path dir;
    private static RustyDbProcess server;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("metrics", dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void countersMoveByExactlyTheWorkload() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE work (id INTEGER PRIMARY KEY, v INTEGER)");
            execute(c, "INSERT INTO work VALUES (0, 0)");
            Scrape before = settled();
            assertEquals(1, before.get("rustydb_active_connections"), before.text);
            assertEquals(1, before.get("rustydb_connections_idle"), before.text);

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
            execute(c, "INSERT INTO work VALUES (10, 10)"); // BEGIN + INSERT
            execute(c, "INSERT INTO work VALUES (11, 11)");
            c.commit(); // COMMIT: 4 queries, 1 commit
            execute(c, "INSERT INTO work VALUES (12, 12)");
            c.rollback(); // BEGIN, INSERT, ROLLBACK: 3 queries, 1 rollback
            assertSqlState("22012", c, "SELECT 1 / (v - v) FROM work");
            c.rollback(); // BEGIN, failed SELECT, ROLLBACK: 3 queries, 1 failed, 1 rollback
            c.setAutoCommit(true);

            double queries = before.get("rustydb_queries_total") + 21;
            Scrape after = settledFrom(Scrape.until(server, "21 more queries",
                    s -> s.get("rustydb_queries_total") >= queries));
            assertEquals(queries, after.get("rustydb_queries_total"), after.text);
            assertEquals(before.get("rustydb_queries_errors") + 4, after.get("rustydb_queries_errors"), after.text);
            assertEquals(before.get(COMMITTED) + 9, after.get(COMMITTED), after.text);
            assertEquals(before.get(ROLLED_BACK, 0) + 4, after.get(ROLLED_BACK), after.text);
            // every statement but the syntax error ran, so each has a duration
            assertEquals(before.get("rustydb_query_duration_ms_count") + 20,
                    after.get("rustydb_query_duration_ms_count"), after.text);
            assertEquals(after.get("rustydb_query_duration_ms_count"),
                    after.get("rustydb_query_duration_ms_bucket{le=\"+Inf\"}"), after.text);
            assertTrue(after.get("rustydb_query_duration_ms_sum") > before.get("rustydb_query_duration_ms_sum"));
            assertEquals(0, after.get("rustydb_active_transactions"), after.text);

            List<Connection> more = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                more.add(server.connect());
            }
            Scrape connected = Scrape.until(server, "3 more connections",
                    s -> s.get("rustydb_active_connections") == 4);
            assertEquals(before.get("rustydb_connections_total") + 3, connected.get("rustydb_connections_total"));
            assertEquals(4, connected.get("rustydb_connections_idle"), connected.text);
            assertEquals(0, connected.get("rustydb_connections_active"), connected.text);
            for (Connection m : more) {
                m.close();
            }
            Scrape closed = Scrape.until(server, "the 3 extra connections to close",
                    s -> s.get("rustydb_active_connections") == 1);
            assertEquals(1, closed.get("rustydb_connections_idle"), closed.text);

            c.setAutoCommit(false);
            execute(c, "INSERT INTO work VALUES (20, 20)");
            Scrape open = Scrape.until(server, "one open transaction",
                    s -> s.get("rustydb_active_transactions") == 1);
            assertEquals(1, open.get("rustydb_connections_idle"), open.text);
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Test
    void customMetricsFromSqlAreExported() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "SELECT rustydb_record_metric('it_events_total', 'counter', 2)");
            execute(c, "SELECT rustydb_record_metric('it_events_total', 'counter', 3)");
            execute(c, "SELECT rustydb_set_metric('it_queue_depth', 'gauge', 42)");
            execute(c, "SELECT rustydb_record_metric('it_wait_seconds', 'histogram', 0.2)");
            Scrape s = Scrape.until(server, "custom metrics", x -> x.get("it_events_total", 0) == 5
                    && x.get("it_queue_depth", 0) == 42 && x.get("it_wait_seconds_count", 0) == 1);
            assertEquals(1, s.get("it_wait_seconds_bucket{le=\"0.25\"}"), s.text);
            assertEquals(0, s.get("it_wait_seconds_bucket{le=\"0.1\"}"), s.text);
            assertEquals(0.2, s.get("it_wait_seconds_sum"), 1e-9);
            assertTrue(s.text.contains("# TYPE it_events_total counter\n"), s.text);
            assertSqlState("22023", c, "SELECT rustydb_set_metric('it_events_total', 'gauge', 1)");
            assertSqlState("22023", c, "SELECT rustydb_record_metric('it events', 'counter', 1)");
            assertSqlState("22023", c, "SELECT rustydb_record_metric('it_x', 'meter', 1)");
            Sql.assertUsable(c);
        }
    }

    @Test
    void exportPassesPromtool() throws Exception {
        Path promtool = requireTool("promtool");
        try (Connection c = server.connect()) {
            execute(c, "SELECT 1");
        }
        Scrape s = Scrape.until(server, "a query histogram", x -> x.get("rustydb_query_duration_ms_count", 0) > 0
                && x.series.containsKey("rustydb_queries_per_second"));
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, s.text, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        List<String> unexpected = out.lines().filter(l -> !l.isBlank())
                .filter(l -> !GUIDE_NAME_LINT.contains(l.trim())).toList();
        assertTrue(unexpected.isEmpty(), "promtool check metrics reported:\n" + out + "\n---- input:\n" + s.text);
        // 0: clean; 3: lint findings only (the ones above); 1 would be a parse error
        assertTrue(p.exitValue() == 0 || p.exitValue() == 3, "promtool exit " + p.exitValue() + ":\n" + out);
    }

    @Test
    void bufferPoolAndDiskReadsFollowAWorkingSetLargerThanThePool(@TempDir Path data) throws Exception {
        try (RustyDbProcess small = RustyDbProcess.start("small-pool", data.resolve("data"),
                "rustydb.memory.buffer_pool_size=2097152");
                Connection c = small.connect()) {
            execute(c, "CREATE TABLE big (id INTEGER PRIMARY KEY, pad VARCHAR(400))");
            StringBuilder rows = new StringBuilder();
            java.util.Random random = new java.util.Random(42);
            int count = 80_000; // ~26 MB of hardly compressible rows against a 2 MB buffer pool
            for (int i = 0; i < count; i++) {
                rows.append(i).append('\t');
                for (int j = 0; j < 320; j++) {
                    rows.append((char) ('a' + random.nextInt(26)));
                }
                rows.append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY big FROM STDIN", new StringReader(rows.toString()));
            execute(c, "VACUUM big"); // flushes the memtable: the rows now live in SST files
            Scrape before = settledFrom(small, Scrape.until(small, "storage metrics",
                    s -> s.series.containsKey("rustydb_buffer_pool_hit_ratio")));
            for (int scan = 0; scan < 2; scan++) {
                assertEquals(count, Sql.queryLong(c, "SELECT count(*) FROM big WHERE length(pad) > 0"));
            }
            long blocks = 26L * 1024 * 1024 / 8192 / 4; // lower bound on the data blocks read per scan
            Scrape after = Scrape.until(small, "the scans' misses",
                    s -> s.get("rustydb_buffer_pool_misses") - before.get("rustydb_buffer_pool_misses") > 2 * blocks);
            after = settledFrom(small, after);
            double misses = after.get("rustydb_buffer_pool_misses") - before.get("rustydb_buffer_pool_misses");
            double hits = after.get("rustydb_buffer_pool_hits") - before.get("rustydb_buffer_pool_hits");
            double reads = after.get("rustydb_disk_reads_total") - before.get("rustydb_disk_reads_total");
            assertTrue(misses > 2 * blocks, "misses " + misses);
            assertTrue(reads > 0, "disk reads " + reads + "\n" + after.text);
            assertEquals(after.get("rustydb_disk_reads_total"), after.get("rustydb_disk_read_latency_ms_count"));
            assertTrue(after.get("rustydb_buffer_pool_hit_ratio") < before.get("rustydb_buffer_pool_hit_ratio"),
                    "hit ratio " + before.get("rustydb_buffer_pool_hit_ratio") + " -> "
                    + after.get("rustydb_buffer_pool_hit_ratio"));
            double ratio = after.get("rustydb_buffer_pool_hits") / (after.get("rustydb_buffer_pool_hits")
                    + after.get("rustydb_buffer_pool_misses"));
            assertEquals(ratio, after.get("rustydb_buffer_pool_hit_ratio"), 0.01, after.text);
            assertEquals(2097152, after.get("rustydb_buffer_pool_size_bytes"));
            assertTrue(after.get("rustydb_buffer_pool_used_bytes") > 0);
            assertTrue(misses > hits, "a working set 12x the pool misses more than it hits: " + hits + " hits");
            assertTrue(after.get("rustydb_data_directory_size_bytes") > 10L * 1024 * 1024, after.text);
            small.stop();
        }
    }

    @Test
    void connectionsBeyondMaxConnectionsQueueThenGet53300(@TempDir Path data) throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try (RustyDbProcess limited = RustyDbProcess.start("admission", data.resolve("data"),
                "rustydb.server.max_connections=2", "rustydb.server.admission_timeout=5s")) {
            Connection first = limited.connect();
            Connection second = limited.connect();
            Future<Connection> third = executor.submit(() -> limited.connect());
            Scrape waiting = Scrape.until(limited, "a queued connection",
                    s -> s.get("rustydb_connection_wait_queue_depth") == 1);
            assertEquals(2, waiting.get("rustydb_active_connections"), waiting.text);
            first.close();
            Connection admitted = third.get(10, TimeUnit.SECONDS); // the freed slot went to the waiter
            Sql.assertUsable(admitted);

            long refusedAt = System.nanoTime();
            SQLException refused = assertSqlState("53300", () -> limited.connect().close());
            long waited = System.nanoTime() - refusedAt;
            assertTrue(refused.getMessage().contains("sorry, too many clients already"), refused.getMessage());
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(4900), "waited only " + waited / 1_000_000 + " ms");
            Scrape after = Scrape.until(limited, "one timeout",
                    s -> s.get("rustydb_connection_timeouts_total") == 1
                            && s.get("rustydb_connection_wait_queue_depth") == 0);
            assertEquals(3, after.get("rustydb_connections_total"), after.text);
            assertEquals(2, after.get("rustydb_active_connections"), after.text);
            second.close();
            admitted.close();
            limited.stop();
        } finally {
            executor.shutdownNow();
        }
    }

    /** A scrape after which two more ticks changed nothing of what the test compares. */
    private static Scrape settled() {
        return settledFrom(server, Scrape.of(server));
    }

    private static Scrape settledFrom(Scrape first) {
        return settledFrom(server, first);
    }

    private static Scrape settledFrom(RustyDbProcess node, Scrape first) {
        Scrape last = first;
        while (true) {
            double uptime = last.uptime();
            Scrape next = Scrape.until(node, "two more ticks", s -> s.uptime() >= uptime + 2);
            if (stable(last, next)) {
                return next;
            }
            last = next;
        }
    }

    private static boolean stable(Scrape a, Scrape b) {
        Map<String, Double> x = counters(a);
        Map<String, Double> y = counters(b);
        return x.equals(y);
    }

    private static Map<String, Double> counters(Scrape s) {
        Map<String, Double> m = new TreeMap<>();
        for (String key : List.of("rustydb_queries_total", "rustydb_queries_errors", COMMITTED, ROLLED_BACK,
                "rustydb_query_duration_ms_count", "rustydb_connections_total", "rustydb_buffer_pool_misses")) {
            m.put(key, s.get(key, -1));
        }
        return m;
    }

    @Test
    void aPrometheusServerConfiguredAsInTheGuideScrapesTheNode() throws Exception {
        Path prometheus = requireTool("prometheus");
        try (Connection c = server.connect()) {
            execute(c, "SELECT 1");
        }
        int port = RustyDbProcess.freePort();
        Path home = Files.createDirectories(dir.resolve("prometheus"));
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: 'rustydb'",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + server.prometheusPort() + "']",
                "        labels:",
                "          environment: 'production'",
                "          cluster: 'main'",
                "  - job_name: 'rustydb-api'",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + server.apiPort() + "']",
                "    metrics_path: '/api/v1/metrics/prometheus'",
                ""), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(prometheus.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String body = "";
            // the exporter port, then the REST API's /api/v1/metrics/prometheus (the guide's two jobs)
            List<String> queries = new java.util.ArrayList<>(List.of(
                    "rustydb_queries_total{job=\"rustydb\",cluster=\"main\"} > 0 and on(instance) up{job=\"rustydb\"} == 1",
                    "rustydb_queries_total{job=\"rustydb-api\"} > 0 and on(instance) up{job=\"rustydb-api\"} == 1"));
            while (System.nanoTime() < deadline) {
                try {
                    body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/query?query="
                            + java.net.URLEncoder.encode(queries.get(0), StandardCharsets.UTF_8)))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    if (body.contains("\"__name__\":\"rustydb_queries_total\"")) {
                        queries.remove(0);
                        if (queries.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                } catch (IOException notYetListening) {
                    // Prometheus is starting
                }
                RustyDbProcess.sleep(500);
            }
            fail("Prometheus did not answer " + queries.get(0) + " within 60 s; last answer: " + body + "\n"
                    + Files.readString(home.resolve("prometheus.log")));
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** The tool on the PATH; CI fails without it, a developer's run skips with a message. */
    private static Path requireTool(String name) {
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dirName, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) {
            fail(name + " not found (Debian package prometheus); .ci/run installs it");
        }
        Assumptions.abort(name + " not found: apt-get install -y prometheus");
        return null;
    }
}
