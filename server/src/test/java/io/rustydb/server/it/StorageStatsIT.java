package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.queryLong;
import static io.rustydb.server.it.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * {@code GET /api/v1/stats/buffer-pool}, {@code GET /api/v1/stats/io} and
 * {@code v$buffer_pool_stats} on a node whose buffer pool (2 MiB) is far smaller than the table
 * it scans: misses, block reads and bytes read move with the scans and the hit ratio falls; WAL
 * writes and syncs count commits exactly, and WAL reads appear after a crash. The documented
 * identities between the figures hold.
 */
@ExtendWith(ServerLogOnFailure.class)
class StorageStatsIT {
    private static final long POOL = 2L * 1024 * 1024;
    private static final int PAGE = 8192;

    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    static Api api;
    static String token;

    @BeforeAll
    static void start() {
        server = RustyDbProcess.start("storage-stats", tmp.resolve("data"), "rustydb.memory.buffer_pool_size=" + POOL);
        api = new Api(server);
        token = api.login("rustydb", server.adminPassword());
    }

    @AfterAll
    static void stop() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void bufferPoolAndIoFollowAWorkingSetLargerThanThePool() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE big (id INTEGER PRIMARY KEY, pad VARCHAR(400))");
            StringBuilder rows = new StringBuilder();
            Random random = new Random(42);
            int count = 80_000; // ~26 MB of hardly compressible rows against a 2 MB buffer pool
            for (int i = 0; i < count; i++) {
                rows.append(i).append('\t');
                for (int j = 0; j < 320; j++) {
                    rows.append((char) ('a' + random.nextInt(26)));
                }
                rows.append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY big FROM STDIN", new StringReader(rows.toString()));
            execute(c, "VACUUM big"); // flushes and compacts: the rows now live in SST files
            assertEquals(count, queryLong(c, "SELECT count(*) FROM big WHERE id < 1000000")); // warms the index
            JsonNode poolBefore = bufferPool();
            JsonNode ioBefore = io();
            for (int scan = 0; scan < 2; scan++) {
                assertEquals(count, queryLong(c, "SELECT count(*) FROM big WHERE length(pad) > 0"));
            }
            JsonNode pool = bufferPool();
            JsonNode io = io();

            long blocks = 26L * 1024 * 1024 / PAGE / 4; // lower bound on the data blocks one scan reads
            long misses = pool.get("misses").asLong() - poolBefore.get("misses").asLong();
            long hits = pool.get("hits").asLong() - poolBefore.get("hits").asLong();
            assertTrue(misses > 2 * blocks, "misses " + misses);
            assertTrue(misses > hits, "a working set 12x the pool misses more than it hits: " + hits + " hits");
            assertEquals(pool.get("misses").asLong(), pool.get("page_reads").asLong());
            assertTrue(pool.get("hit_ratio").asDouble() < poolBefore.get("hit_ratio").asDouble(),
                    poolBefore.get("hit_ratio") + " -> " + pool.get("hit_ratio"));
            assertEquals((double) pool.get("hits").asLong() / (pool.get("hits").asLong() + pool.get("misses").asLong()),
                    pool.get("hit_ratio").asDouble(), 1e-12);
            assertTrue(pool.get("page_writes").asLong() > 26L * 1024 * 1024 / PAGE / 2,
                    "the flush and compaction wrote the table's blocks: " + pool);
            assertBufferPoolShape(pool);

            long reads = io.get("total_reads").asLong() - ioBefore.get("total_reads").asLong();
            long bytesRead = io.get("bytes_read").asLong() - ioBefore.get("bytes_read").asLong();
            assertTrue(reads >= misses, "every miss reads its block from an SST file: " + reads + " reads, "
                    + misses + " misses");
            assertTrue(bytesRead > 2 * 10L * 1024 * 1024, "two scans of ~26 MB read " + bytesRead + " bytes");
            assertTrue(io.get("avg_read_latency_ms").asDouble() > 0, io.toString());
            assertTrue(io.get("p95_read_latency_ms").asDouble() > 0, io.toString());
            assertTrue(io.get("io_by_file_type").get("data_files").get("bytes_written").asLong() > 10L * 1024 * 1024,
                    "the flush and compaction wrote the table: " + io);
            assertIoShape(io);

            // the same figures in SQL, and the guide's query (Administration Guide 5.2) as written
            List<String> view = rows(c, "SELECT total_pages, used_pages, free_pages, reads, writes, eviction_policy,"
                    + " page_size FROM v$buffer_pool_stats");
            assertEquals(1, view.size());
            String[] v = view.get(0).split("\\|");
            assertEquals(POOL / PAGE, Long.parseLong(v[0]));
            assertEquals(Long.parseLong(v[0]) - Long.parseLong(v[1]), Long.parseLong(v[2]));
            assertTrue(Long.parseLong(v[3]) >= pool.get("page_reads").asLong(), view.toString());
            assertEquals(pool.get("page_writes").asLong(), Long.parseLong(v[4]), "nothing was written since");
            assertEquals("LRU|8192", v[5] + "|" + v[6]);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total_pages, used_pages,"
                    + " dirty_pages, free_pages, ROUND(hit_ratio * 100, 2) as hit_ratio_percent, reads, writes,"
                    + " evictions FROM v$buffer_pool_stats")) {
                assertTrue(rs.next());
                double percent = rs.getBigDecimal("hit_ratio_percent").doubleValue();
                assertTrue(percent >= 0 && percent < 50, "hit ratio percent " + percent);
                assertEquals(2, rs.getBigDecimal("hit_ratio_percent").scale());
                rs.getLong("evictions");
                assertTrue(rs.wasNull(), "RocksDB does not count evictions: NULL, not an invented number");
            }
            // a join across two views: the buffer pool row of v$memory_usage is the same cache
            List<String> joined = rows(c, "SELECT m.allocated_bytes, b.total_pages * b.page_size FROM v$memory_usage m"
                    + " JOIN v$buffer_pool_stats b ON m.component = 'buffer_pool'");
            assertEquals(List.of(POOL + "|" + POOL), joined);
        }
    }

    @Test
    void walWritesAndSyncsCountCommits() throws Exception {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE w (id INTEGER PRIMARY KEY)");
            JsonNode before = io().get("io_by_file_type").get("wal_files");
            for (int i = 0; i < 10; i++) {
                execute(c, "INSERT INTO w VALUES (" + i + ")"); // autocommit: one WAL write batch, synced
            }
            JsonNode after = io().get("io_by_file_type").get("wal_files");
            assertEquals(10, after.get("writes").asLong() - before.get("writes").asLong(), after.toString());
            assertEquals(10, after.get("syncs").asLong() - before.get("syncs").asLong(), after.toString());
            assertTrue(after.get("bytes_written").asLong() > before.get("bytes_written").asLong());
        }
    }

    /** On a node with metrics off, whose storage statistics answer all the same. */
    @Test
    void walReadsAtOpenAreCountedAfterACrash(@TempDir Path data) throws Exception {
        try (RustyDbProcess node = RustyDbProcess.start("wal-replay", data.resolve("data"),
                "rustydb.monitoring.metrics_enabled=false")) {
            Api nodeApi = new Api(node);
            String nodeToken = nodeApi.login("rustydb", node.adminPassword());
            JsonNode fresh = nodeApi.get("/api/v1/stats/io", nodeToken).ok(200).data();
            assertTrue(fresh.get("disk_reads_per_second").isNull(), "no rates without metrics: " + fresh);
            nodeApi.get("/api/v1/metrics", nodeToken).error(503, "METRICS_DISABLED");
            nodeApi.post("/api/v1/admin/metrics/register", "{\"name\": \"x\", \"type\": \"counter\"}", nodeToken)
                    .error(503, "METRICS_DISABLED");
            try (Connection c = node.connect()) {
                execute(c, "CREATE TABLE r (id INTEGER PRIMARY KEY, v VARCHAR(100))");
                for (int i = 0; i < 20; i++) {
                    execute(c, "INSERT INTO r VALUES (" + i + ", 'committed before the crash')");
                }
                assertEquals(List.of("||1"), rows(c, "SELECT queries_per_second, cpu_usage_percent,"
                        + " active_connections FROM v$system_performance"));
            }
            long walReadsBefore = fresh.get("io_by_file_type").get("wal_files").get("reads").asLong();
            node.kill9();
            node.restart();
            JsonNode wal = nodeApi.get("/api/v1/stats/io", nodeApi.login("rustydb", node.adminPassword())).ok(200)
                    .data().get("io_by_file_type").get("wal_files");
            assertTrue(wal.get("reads").asLong() >= walReadsBefore + 20,
                    "recovery read the 20 commits back: " + walReadsBefore + " -> " + wal);
            assertTrue(wal.get("bytes_read").asLong() > 20 * 26, wal.toString());
            try (Connection c = node.connect()) {
                assertEquals(20, queryLong(c, "SELECT count(*) FROM r"));
            }
            node.stop();
        }
    }

    @Test
    void statisticsNeedAToken() {
        api.get("/api/v1/stats/buffer-pool", null).error(401, "UNAUTHORIZED");
        api.get("/api/v1/stats/io", "nope").error(401, "INVALID_TOKEN");
        api.post("/api/v1/stats/io", "{}", token).error(405, "METHOD_NOT_ALLOWED");
    }

    private static void assertBufferPoolShape(JsonNode p) {
        assertEquals(POOL, p.get("size_bytes").asLong());
        long used = p.get("used_bytes").asLong();
        assertTrue(used > POOL / 2 && used <= POOL + 64 * 1024, "a scanned pool is full: " + used);
        assertEquals(Math.max(0, POOL - used), p.get("free_bytes").asLong());
        assertEquals(100.0 * used / POOL, p.get("usage_percent").asDouble(), 1e-9);
        assertEquals("LRU", p.get("eviction_policy").asText());
        assertEquals("LRUCache", p.get("cache_implementation").asText());
        assertEquals(PAGE, p.get("page_size_bytes").asInt());
        assertFalse(p.has("evictions"), "not measured, so not shown");
        long pinned = p.get("pinned_bytes").asLong();
        long dirty = p.get("dirty_bytes").asLong();
        assertEquals(dirty / PAGE, p.get("dirty_pages").asLong());
        JsonNode states = p.get("pages_by_state");
        assertEquals((used - pinned) / PAGE, states.get("clean").asLong());
        assertEquals(dirty / PAGE, states.get("dirty").asLong());
        assertEquals(pinned / PAGE, states.get("pinned").asLong());
    }

    private static void assertIoShape(JsonNode io) {
        JsonNode data = io.get("io_by_file_type").get("data_files");
        JsonNode wal = io.get("io_by_file_type").get("wal_files");
        assertFalse(io.get("io_by_file_type").has("temp_files"), "RustyDB writes no temporary files");
        assertEquals(data.get("reads").asLong(), io.get("total_reads").asLong());
        assertEquals(data.get("writes").asLong() + data.get("syncs").asLong() + wal.get("syncs").asLong(),
                io.get("total_writes").asLong());
        assertEquals(data.get("bytes_read").asLong() + wal.get("bytes_read").asLong(), io.get("bytes_read").asLong());
        assertEquals(data.get("bytes_written").asLong() + wal.get("bytes_written").asLong(),
                io.get("bytes_written").asLong());
        assertTrue(io.get("p95_write_latency_ms").asDouble() > 0, io.toString());
        for (String rate : List.of("disk_reads_per_second", "disk_writes_per_second")) {
            assertTrue(io.get(rate).isNumber() || io.get(rate).isNull(), rate + " in " + io);
        }
    }

    private static JsonNode bufferPool() {
        return api.get("/api/v1/stats/buffer-pool", token).ok(200).data();
    }

    private static JsonNode io() {
        return api.get("/api/v1/stats/io", token).ok(200).data();
    }
}
