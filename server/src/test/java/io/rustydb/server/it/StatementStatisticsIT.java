package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.queryLong;
import static io.rustydb.server.it.Sql.queryString;
import static io.rustydb.server.it.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statement statistics on a real node: a known workload through pgjdbc (50 executions of one
 * prepared point query, 3 of a slow cross join) shows up exactly in {@code v$sql_statistics} and
 * {@code /api/v1/stats/queries}; the profiler's per-operator actual rows are the real row counts;
 * the slow-query log has an entry in the guide's format for each slow execution.
 */
@ExtendWith(ServerLogOnFailure.class)
class StatementStatisticsIT {
    private static final int ROWS = 2000;
    private static final String POINT = "SELECT name FROM items WHERE id = ?";
    private static final String POINT_TEXT = "select name from items where id = $1";
    /** 500 rows of a times 2000 rows of b: a million pairs, well over the 100 ms threshold. */
    private static final String SLOW = "SELECT count(*) FROM items a CROSS JOIN items b WHERE a.grp = 1";
    private static final String SLOW_TEXT = "select count(*) from items a cross join items b where a.grp = $1";

    @TempDir
    static Path dir;
    private static RustyDbProcess server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("statements", dir.resolve("data"),
                "rustydb.logging.slow_query_threshold_ms=100", "rustydb.monitoring.sql_profile_interval=1h");
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void aKnownWorkloadIsCountedProfiledAndLogged() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER, name VARCHAR(20))");
            for (int from = 1; from <= ROWS; from += 500) {
                StringBuilder insert = new StringBuilder("INSERT INTO items VALUES ");
                for (int i = from; i < from + 500; i++) {
                    insert.append(i > from ? ", " : "").append('(').append(i).append(", ").append(i % 4)
                            .append(", 'item").append(i).append("')");
                }
                execute(c, insert.toString());
            }
            try (PreparedStatement point = c.prepareStatement(POINT)) {
                for (int i = 1; i <= 50; i++) {
                    point.setInt(1, i);
                    try (ResultSet rs = point.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("item" + i, rs.getString(1));
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(500L * ROWS, queryLong(c, SLOW));
            }

            String pointId = queryString(c, "SELECT sql_id FROM v$sql_statistics WHERE sql_text = '" + POINT_TEXT + "'");
            String slowId = queryString(c, "SELECT sql_id FROM v$sql_statistics WHERE sql_text = '" + SLOW_TEXT + "'");
            assertEquals(List.of("50|0|50|0|50"), rows(c, "SELECT executions, errors, rows_returned, rows_affected,"
                    + " rows_examined FROM v$sql_statistics WHERE sql_id = '" + pointId + "'"));
            assertEquals(List.of("3|0|3"), rows(c, "SELECT executions, errors, rows_returned FROM v$sql"
                    + " WHERE sql_id = '" + slowId + "'"));
            // the guide's daily report, and a join of the two views
            List<String> report = rows(c, "SELECT sql_id, LEFT(sql_text, 100), executions, ROUND(avg_time_ms, 2)"
                    + " FROM v$sql_statistics WHERE first_seen > NOW() - INTERVAL '24 hours'"
                    + " ORDER BY total_time_ms DESC LIMIT 20");
            assertTrue(report.get(0).startsWith(slowId + "|" + SLOW_TEXT + "|3|"), report.toString());
            assertTrue(report.stream().anyMatch(r -> r.startsWith(pointId + "|" + POINT_TEXT + "|50|")), report.toString());
            assertEquals(List.of(pointId + "|50"), rows(c, "SELECT s.sql_id, q.executions FROM v$sql_statistics s"
                    + " JOIN v$sql q ON q.sql_id = s.sql_id WHERE s.executions = 50"));
            long slowExamined = queryLong(c, "SELECT rows_examined FROM v$sql_statistics WHERE sql_id = '" + slowId + "'");

            String token = api.login(RustyDbProcess.USER, server.adminPassword());
            JsonNode stats = api.get("/api/v1/stats/queries?limit=1000", token).ok(200).data();
            assertEquals(100, stats.get("slow_query_threshold_ms").asLong());
            JsonNode slow = byId(stats.get("slow_queries"), slowId);
            assertNotNull(slow, stats.toString());
            assertEquals(3, slow.get("calls").asLong());
            assertEquals(SLOW_TEXT, slow.get("sql").asText());
            assertTrue(slow.get("avg_time_ms").asDouble() > 100, slow.toString());
            assertEquals(slow.get("total_time_ms").asDouble() / 3, slow.get("avg_time_ms").asDouble(), 0.002);
            assertTrue(slow.get("p99_time_ms").asDouble() >= slow.get("p95_time_ms").asDouble());
            assertEquals(1.0, slow.get("rows_returned_avg").asDouble());
            assertEquals(slowId, stats.get("slow_queries").get(0).get("query_id").asText(), "slowest first");
            assertEquals(null, byId(stats.get("slow_queries"), pointId), "the point query is fast");
            JsonNode top = byId(stats.get("top_queries_by_calls"), pointId);
            assertEquals(50, top.get("calls").asLong());
            assertEquals(1.0, top.get("rows_returned_avg").asDouble());
            assertTrue(top.get("p95_time_ms").isNumber() && top.get("p99_time_ms").isNumber(), top.toString());
            assertEquals(pointId, stats.get("top_queries_by_calls").get(0).get("query_id").asText(), "most calls first");
            assertEquals(1, api.get("/api/v1/stats/queries?limit=1", token).ok(200).data().get("top_queries_by_calls").size());
            api.get("/api/v1/stats/queries?limit=0", token).error(400, "INVALID_PARAMETER");
            api.get("/api/v1/stats/queries?limit=many", token).error(400, "INVALID_PARAMETER");
            api.get("/api/v1/stats/queries", null).error(401, "UNAUTHORIZED");

            // the slow query's profile, from its first execution: actual rows per operator
            JsonNode profile = api.get("/api/v1/profiler/query/" + slowId, token).ok(200).data();
            assertEquals(slowId, profile.get("query_id").asText());
            assertTrue(profile.get("captured_at").asText().endsWith("Z"), profile.toString());
            JsonNode plan = profile.get("execution_plan");
            assertEquals("Aggregate", plan.get("operator").asText(), plan.toString());
            assertEquals(1, plan.get("rows_returned").asLong());
            JsonNode join = plan.get("children").get(0);
            assertEquals("NestedLoop", join.get("operator").asText(), plan.toString());
            assertEquals(500L * ROWS, join.get("rows_returned").asLong());
            JsonNode filter = join.get("children").get(0);
            assertEquals("Filter", filter.get("operator").asText(), plan.toString());
            assertEquals(List.of("Filter: (grp = ?)"), List.of(filter.get("details").get(0).asText()));
            assertEquals(500, filter.get("rows_returned").asLong());
            List<JsonNode> scans = new ArrayList<>();
            collect(plan, "SeqScan", scans);
            assertEquals(2, scans.size(), plan.toString());
            long scanned = 0;
            for (JsonNode scan : scans) {
                assertEquals("items", scan.get("table").asText());
                assertEquals((long) ROWS * scan.get("loops").asLong(), scan.get("rows_returned").asLong(), plan.toString());
                assertTrue(scan.get("estimated_rows").isNumber() && scan.get("estimated_cost").isNumber());
                scanned += scan.get("rows_returned").asLong();
            }
            JsonNode executionStats = profile.get("execution_stats");
            assertEquals(1, executionStats.get("rows_returned").asLong());
            assertEquals(scanned, executionStats.get("rows_examined").asLong());
            assertEquals(3 * scanned, slowExamined, "every execution scans the same rows");
            assertTrue(executionStats.get("cpu_time_ms").asDouble() > 0, executionStats.toString());
            assertTrue(executionStats.get("total_execution_time_ms").asDouble() > 0);
            for (JsonNode wait : profile.get("wait_events")) {
                assertTrue(List.of("TABLE_LOCK", "ROW_LOCK", "IO_READ", "COMMIT").contains(wait.get("event").asText()));
                assertTrue(wait.get("wait_count").asLong() > 0, wait.toString());
            }

            JsonNode pointPlan = api.get("/api/v1/profiler/query/" + pointId, token).ok(200).data().get("execution_plan");
            assertEquals("IndexScan", pointPlan.get("operator").asText(), pointPlan.toString());
            assertEquals("items_pkey", pointPlan.get("index").asText());
            assertEquals(1, pointPlan.get("rows_returned").asLong());
            api.get("/api/v1/profiler/query/zzzzzzzzzzzzz", token).error(404, "QUERY_NOT_FOUND");

            // one slow-query log entry per slow execution, none for the point query
            List<SlowEntry> entries = slowEntries();
            // logged by normalized text and sql_id: no literal or parameter value reaches the log
            List<SlowEntry> slowOnes = entries.stream().filter(e -> e.query.equals(SLOW_TEXT)).toList();
            assertEquals(3, slowOnes.size(), entries.toString());
            for (SlowEntry e : slowOnes) {
                assertTrue(e.queryMs > 100, e.toString());
                assertEquals(slowId, e.sqlId);
                assertEquals(0.0, e.lockMs);
                assertEquals(scanned, e.rowsExamined);
                assertEquals(1, e.rowsReturned);
                assertTrue(e.rest.contains("Query Plan:\n") && e.rest.contains("SeqScan on items (cost="), e.rest);
                assertTrue(e.rest.contains("Filter: (grp = ?)"), e.rest);
                assertTrue(e.rest.contains("Suggestion: Create index on items(grp)"), e.rest);
            }
            assertTrue(entries.stream().allMatch(e -> e.queryMs > 100), entries.toString());
        }
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode q : list) {
            if (q.get("query_id").asText().equals(id)) {
                return q;
            }
        }
        return null;
    }

    private static void collect(JsonNode node, String operator, List<JsonNode> out) {
        if (node.get("operator").asText().equals(operator)) {
            out.add(node);
        }
        if (node.has("children")) {
            node.get("children").forEach(child -> collect(child, operator, out));
        }
    }

    /** One entry of the slow-query log: its five header lines and the text up to the next entry. */
    private record SlowEntry(double queryMs, double lockMs, long rowsExamined, long rowsReturned, String query,
            String sqlId, String rest) {
    }

    private static final Pattern ENTRY = Pattern.compile("Query time: ([0-9.]+) ms\\RLock time: ([0-9.]+) ms\\R"
            + "Rows examined: (\\d+)\\RRows returned: (\\d+)\\R(?:Rows affected: \\d+\\R)?Query: (.*)\\RSQL ID: (\\w+)\\R");

    /**
     * Every slow-query entry the node wrote: on its console log (the logger rustydb.slow_query logs
     * at INFO) and in any slow-query log file under the test directory.
     */
    private static List<SlowEntry> slowEntries() throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(server.log(), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().contains("slow")
                    && Files.isRegularFile(p)).toList()) {
                text.append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        String all = text.toString().replace("\r\n", "\n");
        List<SlowEntry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(all);
        while (m.find()) {
            int next = all.indexOf("Query time: ", m.end());
            String rest = all.substring(m.end(), next < 0 ? all.length() : next);
            entries.add(new SlowEntry(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(5).strip(), m.group(6), rest));
        }
        return entries;
    }
}
