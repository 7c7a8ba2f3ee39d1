package io.rustydb.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kamon, the store and the renderer together: one node's metrics in this JVM. */
class NodeMetricsTest {
    private static NodeMetrics metrics;

    @BeforeAll
    static void start() {
        metrics = NodeMetrics.start(new MonitoringSettings(true, "127.0.0.1", 0, Duration.ofMillis(100),
                Duration.ofMillis(300)), ConfigFactory.load());
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @Test
    void countersHistogramsAndTransactionsAreExportedWithTheGuidesNames() throws Exception {
        double queriesBefore = valueAfterTick("rustydb_queries_total");
        double errorsBefore = valueAfterTick("rustydb_queries_errors");
        QueryMetrics q = metrics.queries();
        q.completed(300_000); // 0.3 ms
        q.completed(7_000_000); // 7 ms
        q.failed(2_000_000_000L); // 2 s
        q.failed(-1); // before running
        q.committed(1_000_000);
        q.rolledBack(2_000_000);
        q.rolledBack(2_000_000);
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick + 1);
        assertEquals(queriesBefore + 4, value("rustydb_queries_total", Map.of()));
        assertEquals(errorsBefore + 2, value("rustydb_queries_errors", Map.of()));
        assertTrue(value("rustydb_transactions_total", Map.of("status", "rolled_back")) >= 2);
        String text = metrics.prometheusText();
        assertTrue(text.contains("# TYPE rustydb_query_duration_ms histogram\n"), text);
        assertTrue(text.contains("rustydb_query_duration_ms_bucket{le=\"1\"} "), text);
        assertTrue(text.contains("rustydb_query_duration_ms_bucket{le=\"1000\"} "), text);
        assertTrue(text.contains("# TYPE rustydb_queries_errors counter\n"), text);
        assertTrue(text.contains("rustydb_transactions_total{status=\"committed\"} "), text);
        MetricSample.Histogram h = family("rustydb_query_duration_ms").unlabelled().histogram();
        // exact sum from the nanosecond counter: 0.3 + 7 + 2000 ms (plus earlier tests' statements)
        assertTrue(h.sum() >= 2007.3 - 1e-9, "sum " + h.sum());
        assertTrue(h.buckets().get(0).cumulativeCount() >= 1);
        assertEquals(h.count(), h.buckets().get(h.buckets().size() - 1).cumulativeCount() + countAbove(h));
    }

    private static long countAbove(MetricSample.Histogram h) {
        return h.count() - h.buckets().get(h.buckets().size() - 1).cumulativeCount();
    }

    @Test
    void storageSamplerReadsRocksDbStatistics(@TempDir Path dir) throws Exception {
        try (StorageEngine storage = StorageEngine.open(new StorageSettings(dir, 4096, 1 << 20, WalSyncMode.OFF,
                Duration.ZERO))) {
            var users = storage.tablespace(StorageEngine.USERS);
            byte[] value = new byte[1000];
            for (int i = 0; i < 5000; i++) {
                storage.put(users, ("k" + i).getBytes(), value);
            }
            storage.flush();
            for (int i = 0; i < 5000; i += 3) {
                storage.get(users, ("k" + i).getBytes());
            }
            AutoCloseable sampling = metrics.addStorage(storage);
            long tick = metrics.ticks();
            await(() -> metrics.ticks() > tick + 1);
            assertEquals(1 << 20, value("rustydb_buffer_pool_size_bytes", Map.of()));
            assertTrue(value("rustydb_buffer_pool_misses", Map.of()) > 0);
            assertTrue(value("rustydb_disk_reads_total", Map.of()) > 0);
            assertTrue(value("rustydb_disk_writes_total", Map.of()) > 0);
            assertTrue(value("rustydb_data_directory_size_bytes", Map.of()) > 0);
            double ratio = value("rustydb_buffer_pool_hit_ratio", Map.of());
            assertTrue(ratio >= 0 && ratio <= 1, "ratio " + ratio);
            MetricSample.Histogram reads = family("rustydb_disk_read_latency_ms").unlabelled().histogram();
            assertEquals((long) value("rustydb_disk_reads_total", Map.of()), reads.count());
            sampling.close();
        }
    }

    @Test
    void customMetricsRegisterOnFirstUseAndRejectBadInput() {
        CustomMetrics custom = metrics.custom();
        custom.record("nm_test_events", "counter", 3);
        custom.record("nm_test_events", "COUNTER", 1);
        custom.set("nm_test_depth", "gauge", 42.5);
        custom.record("nm_test_latency", "histogram", 0.25);
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick + 1);
        assertEquals(4, value("nm_test_events", Map.of()));
        assertEquals(42.5, value("nm_test_depth", Map.of()));
        assertEquals(0.25, family("nm_test_latency").unlabelled().histogram().sum(), 1e-9);
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("nm_test_events", "gauge", 1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.set("nm_test_events", "gauge", 1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("bad name", "counter", 1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("x1", "summary", 1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("nm_test_events", "counter", -1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("nm_test_events", "counter", 0.5)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.record("rustydb_queries_total", "counter", 1)).code().sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.set("nm_test_depth", "gauge", Double.NaN)).code().sqlState());
    }

    @Test
    void restRegistrationIsADeclarationThatConflictsWhenItDiffers() {
        CustomMetrics custom = metrics.custom();
        assertTrue(custom.define("nm_rest_events", "counter", "REST events", Map.of("app", "a")));
        assertEquals(false, custom.define("nm_rest_events", "counter", "REST events", Map.of("app", "a")));
        assertEquals(false, custom.define("nm_rest_events", "counter", null, Map.of("app", "a")), "help omitted");
        assertEquals("42710", assertThrows(RustyDbException.class,
                () -> custom.define("nm_rest_events", "gauge", null, Map.of("app", "a"))).sqlState());
        assertEquals("42710", assertThrows(RustyDbException.class,
                () -> custom.define("nm_rest_events", "counter", null, Map.of("app", "b"))).sqlState());
        assertEquals("42710", assertThrows(RustyDbException.class,
                () -> custom.define("nm_rest_events", "counter", "other help", Map.of("app", "a"))).sqlState());
        assertEquals("42710", assertThrows(RustyDbException.class,
                () -> custom.define("rustydb_queries_total", "counter", null, Map.of())).sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.define("nm rest", "counter", null, Map.of())).sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class,
                () -> custom.define("nm_rest_bad_label", "counter", null, Map.of("le", "1"))).sqlState());
        CustomMetrics.Definition d = custom.definition("nm_rest_events").orElseThrow();
        assertEquals(new CustomMetrics.Definition("nm_rest_events", MetricType.COUNTER, "REST events",
                Map.of("app", "a")), d);
        assertTrue(custom.definition("nm_rest_never").isEmpty());
        // SQL's first use registers without help or labels; the REST API then sees it as it is
        custom.record("nm_rest_sql_first", "counter", 1);
        assertEquals("Custom counter nm_rest_sql_first", custom.definition("nm_rest_sql_first").orElseThrow().help());
        custom.record("nm_rest_events", "counter", 2);
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick + 1);
        assertEquals(2, value("nm_rest_events", Map.of("app", "a")));
        assertTrue(metrics.prometheusText().contains("# HELP nm_rest_events REST events\n"));
    }

    @Test
    void overviewSummarisesTheSnapshot() {
        QueryMetrics q = metrics.queries();
        q.completed(4_000_000); // 4 ms
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick + 1);
        MetricsOverview o = metrics.overview();
        MetricSample.Histogram h = family("rustydb_query_duration_ms").unlabelled().histogram();
        assertEquals(h.sum() / h.count(), o.queryPerformance().avgQueryTimeMs(), 1e-9);
        assertEquals(h.p95(), o.queryPerformance().p95QueryTimeMs());
        assertEquals(h.p99(), o.queryPerformance().p99QueryTimeMs());
        assertEquals((long) value("rustydb_queries_total", Map.of()), o.database().queriesTotal());
        assertEquals((long) value("rustydb_uptime_seconds", Map.of()), o.database().uptimeSeconds());
        assertEquals((long) value("rustydb_transactions_total", Map.of("status", "committed")),
                o.transactions().committedTotal());
        assertTrue(o.memory().jvmHeapUsedBytes() > 0);
    }

    @Test
    void endpointServesTheSameText() throws Exception {
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick);
        HttpClient client = HttpClient.newHttpClient();
        var address = metrics.prometheusAddress();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + address.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(PrometheusFormat.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("# TYPE rustydb_uptime_seconds counter"), response.body());
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + address.getPort() + "/other")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    private static MetricFamily family(String name) {
        for (MetricFamily f : metrics.snapshot()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no metric " + name + " in\n" + metrics.prometheusText());
    }

    private static double value(String name, Map<String, String> labels) {
        return metrics.value(name, labels).orElseThrow(() -> new AssertionError("no series " + name + labels
                + " in\n" + metrics.prometheusText()));
    }

    private static double valueAfterTick(String name) {
        long tick = metrics.ticks();
        await(() -> metrics.ticks() > tick);
        return metrics.value(name, Map.of()).orElse(0);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertNotNull(metrics);
    }
}
