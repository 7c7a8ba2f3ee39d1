package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.monitoring.CustomMetrics;
import io.rustydb.monitoring.MetricType;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitoring Guide's custom-metric SQL functions. */
class MetricFunctionsTest {

    @Test
    void recordAndSetRegisterOnFirstUse(@TempDir Path dir) {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            assertEquals(List.of(Arrays.asList(1.0)),
                    SessionHarness.run(s, "SELECT rustydb_record_metric('mf_custom_metric', 'counter', 1.0)").rows());
            assertEquals(List.of(Arrays.asList(42.0)),
                    SessionHarness.run(s, "SELECT rustydb_set_metric('mf_custom_gauge', 'gauge', 42.0)").rows());
            assertEquals(List.of(Arrays.asList(2.5)),
                    SessionHarness.run(s, "SELECT rustydb_record_metric('mf_latency', 'histogram', 2.5)").rows());
            assertEquals(MetricType.COUNTER, CustomMetrics.global().typeOf("mf_custom_metric"));
            assertEquals(MetricType.GAUGE, CustomMetrics.global().typeOf("mf_custom_gauge"));
            assertEquals(MetricType.HISTOGRAM, CustomMetrics.global().typeOf("mf_latency"));
            assertEquals(List.of(Arrays.asList((Object) null)),
                    SessionHarness.run(s, "SELECT rustydb_set_metric('mf_custom_gauge', 'gauge', NULL)").rows());
        }
    }

    @Test
    void badNamesTypesAndValuesAre22023AndTheSessionGoesOn(@TempDir Path dir) {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            assertError(s, "SELECT rustydb_record_metric('bad-name', 'counter', 1)",
                    "invalid metric name \"bad-name\": it must match [a-zA-Z_:][a-zA-Z0-9_:]*");
            assertError(s, "SELECT rustydb_record_metric('mf_x', 'summary', 1)",
                    "invalid metric type \"summary\": expected counter, gauge or histogram");
            assertError(s, "SELECT rustydb_record_metric('mf_g', 'gauge', 1)",
                    "rustydb_record_metric records counters and histograms; use rustydb_set_metric for gauge"
                    + " \"mf_g\"");
            assertError(s, "SELECT rustydb_set_metric('mf_c', 'counter', 1)",
                    "rustydb_set_metric sets gauges; use rustydb_record_metric for counter \"mf_c\"");
            SessionHarness.run(s, "SELECT rustydb_record_metric('mf_c2', 'counter', 1)");
            assertError(s, "SELECT rustydb_record_metric('mf_c2', 'counter', -1)",
                    "counter \"mf_c2\" can only be incremented by a non-negative whole number, got -1");
            assertError(s, "SELECT rustydb_set_metric('mf_c2', 'gauge', 1)",
                    "metric \"mf_c2\" is a counter, not a gauge");
            assertError(s, "SELECT rustydb_record_metric('rustydb_queries_total', 'counter', 1)",
                    "metric name \"rustydb_queries_total\" is reserved by a built-in metric");
            assertEquals(List.of(Arrays.asList(1)), SessionHarness.run(s, "SELECT 1").rows());
        }
    }

    private static void assertError(SqlSession s, String sql, String message) {
        RustyDbException e = assertThrows(RustyDbException.class, () -> SessionHarness.run(s, sql));
        assertEquals("22023", e.code().sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
