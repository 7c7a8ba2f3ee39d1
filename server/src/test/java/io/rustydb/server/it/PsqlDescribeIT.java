package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql's describe commands (\dt, \d, \d+, \di, \dn, \l, \du, \dv, \ds, their + forms, \df, \d of a
 * sequence) against a real server: the output has PostgreSQL 15's shape, built from the catalog
 * queries psql sends.
 *
 * <p>The expected files are psql's output against PostgreSQL 15 with the same objects (the
 * database {@code rustydb} in a tablespace named {@code USERS}, as RustyDB's default tablespace
 * is). Sizes are the one thing that cannot match: PostgreSQL counts 8 kB heap pages, RustyDB
 * RocksDB's estimate of the bytes under the object's keys. So the commands with a Size column
 * are compared cell by cell with that column masked (psql pads columns to their widest value,
 * so the padding is dropped too), and {@link #sizesAreMeasuredAndGrowWithTheRows} checks the sizes
 * themselves: real byte counts that grow as rows are inserted.
 */
@ExtendWith(ServerLogOnFailure.class)
class PsqlDescribeIT {

    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        PsqlIT.requirePsql();
        server = RustyDbProcess.start("psql-describe", tmp.resolve("data"));
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                    + " balance NUMERIC(12,2) DEFAULT 0, created TIMESTAMP)");
            s.execute("CREATE TABLE pairs (a BIGINT, b TEXT, PRIMARY KEY (a, b))");
            s.execute("CREATE TABLE log (line TEXT)");
            s.execute("CREATE VIEW rich AS SELECT id, name FROM accounts WHERE balance > 100");
            s.execute("CREATE INDEX accounts_name_idx ON accounts (name)");
            s.execute("CREATE UNIQUE INDEX pairs_b_idx ON pairs (b DESC)");
            s.execute("CREATE TABLE orders (id SERIAL PRIMARY KEY, note TEXT)");
        }
    }

    @AfterAll
    static void stopServer() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void listTablesViewsIndexesAndSequences() throws Exception {
        assertOutput("\\dt", "dt.out");
        assertOutput("\\dv", "dv.out");
        assertOutput("\\di", "di.out");
        assertOutput("\\ds", "ds.out");
    }

    @Test
    void describeTableShowsColumnsTypesNullabilityDefaultsAndThePrimaryKeyIndex() throws Exception {
        assertOutput("\\d accounts", "d-accounts.out");
        assertOutput("\\d pairs", "d-pairs.out");
    }

    @Test
    void describeShowsSecondaryIndexesAndSerialDefaults() throws Exception {
        assertOutput("\\d orders", "d-orders.out");
        assertOutput("\\d pairs_b_idx", "d-pairs_b_idx.out");
    }

    @Test
    void describeViewAndIndex() throws Exception {
        assertOutput("\\d rich", "d-rich.out");
        assertOutput("\\d accounts_pkey", "d-accounts_pkey.out");
    }

    @Test
    void describeVerboseShowsStorageAccessMethodAndViewDefinition() throws Exception {
        assertOutput("\\d+ accounts", "d-plus-accounts.out");
        assertOutput("\\d+ rich", "d-plus-rich.out");
    }

    @Test
    void listSchemasDatabasesAndRoles() throws Exception {
        assertOutput("\\dn", "dn.out");
        assertOutput("\\l", "l.out");
        assertOutput("\\du", "du.out");
    }

    @Test
    void describeSequenceShowsItsParametersAndOwner() throws Exception {
        assertOutput("\\d orders_id_seq", "d-orders_id_seq.out");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE altered");
            s.execute("ALTER SEQUENCE altered AS integer INCREMENT BY 5 MAXVALUE 1000 START 10 CYCLE OWNED BY orders.note");
            assertOutput("\\d altered", "d-altered.out");
            s.execute("ALTER SEQUENCE altered OWNED BY NONE");
            s.execute("DROP SEQUENCE altered");
        }
    }

    @Test
    void listingsWithSizes() throws Exception {
        assertOutputMaskingSize("\\dt+", "dt-plus.out");
        assertOutputMaskingSize("\\dt+ accounts", "dt-plus-accounts.out");
        assertOutputMaskingSize("\\di+", "di-plus.out");
        assertOutputMaskingSize("\\ds+", "ds-plus.out");
        // RustyDB has one database, so \l+ lists what PostgreSQL lists for \l+ rustydb
        assertOutputMaskingSize("\\l+", "l-plus.out");
        assertOutputMaskingSize("\\l+ rustydb", "l-plus.out");
        // a view has no storage in either
        assertOutput("\\dv+", "dv-plus.out");
    }

    @Test
    void listFunctions() throws Exception {
        // no user functions (RustyDB has no CREATE FUNCTION); \df lists only those
        assertOutput("\\df", "df.out");
        assertOutput("\\df+", "df-plus.out");
        // built-ins by pattern, with PostgreSQL's OIDs, signatures, source names and descriptions
        assertOutput("\\df+ abs", "df-plus-abs.out");
        assertOutput("\\df+ pg_size_pretty", "df-plus-pg_size_pretty.out");
    }

    @Test
    void sizesAreMeasuredAndGrowWithTheRows() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sized (id INT PRIMARY KEY, note TEXT)");
            s.execute("CREATE INDEX sized_note_idx ON sized (note)");
            assertEquals(List.of(0L, 0L, 0L), sizes(s, "sized"));
            long database = single(s, "SELECT pg_database_size(current_database())");
            insert(c, 1, 500);
            List<Long> after = sizes(s, "sized");
            // 500 rows of about 25 bytes: RocksDB's estimate is in that range, not a page count
            assertTrue(after.get(0) > 5_000 && after.get(0) < 100_000, "table size " + after);
            assertTrue(after.get(1) > 5_000 && after.get(1) < 100_000, "index size " + after);
            assertEquals(0L, single(s, "SELECT pg_relation_size('sized_pkey')"), "the key is the table's own order");
            assertEquals(after.get(0) + after.get(1), after.get(2), "total = table + indexes");
            assertTrue(single(s, "SELECT pg_database_size(current_database())") > database);
            insert(c, 501, 1000);
            List<Long> more = sizes(s, "sized");
            assertTrue(more.get(0) > after.get(0) && more.get(1) > after.get(1), after + " then " + more);
            // psql shows the same measurement
            String listed = psql("\\dt+ sized");
            String pretty;
            try (ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('sized'))")) {
                assertTrue(rs.next());
                pretty = rs.getString(1);
            }
            assertTrue(listed.contains("| " + pretty + " |"), listed + " should show " + pretty);
            s.execute("DROP TABLE sized");
        }
    }

    private static void insert(Connection c, int from, int to) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sized VALUES (?, ?)")) {
            for (int id = from; id <= to; id++) {
                insert.setInt(1, id);
                insert.setString(2, "note number " + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Long> sizes(Statement s, String table) throws Exception {
        return List.of(single(s, "SELECT pg_table_size('" + table + "')"),
                single(s, "SELECT pg_indexes_size('" + table + "')"),
                single(s, "SELECT pg_total_relation_size('" + table + "')"));
    }

    private static long single(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getLong(1);
        }
    }

    @Test
    void droppedTableLeavesTheListing() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch (k INT PRIMARY KEY)");
            assertEquals(true, psql("\\dt").contains(" public | scratch  | table | rustydb"));
            s.execute("DROP TABLE scratch");
        }
        assertOutput("\\dt", "dt.out");
    }

    /** The output psql prints for {@code command}, as PostgreSQL 15 prints it for the same objects. */
    private static void assertOutput(String command, String expectedFile) throws Exception {
        String actual = psql(command);
        URL url = PsqlDescribeIT.class.getClassLoader().getResource("psql-describe/" + expectedFile);
        assertNotNull(url, expectedFile);
        assertEquals(Files.readString(Path.of(url.toURI()), StandardCharsets.UTF_8), actual, command);
    }

    /**
     * As {@link #assertOutput} for a listing with a Size column: every other cell must be
     * PostgreSQL's, and every size a byte count as pg_size_pretty prints one.
     */
    private static void assertOutputMaskingSize(String command, String expectedFile) throws Exception {
        String actual = psql(command);
        URL url = PsqlDescribeIT.class.getClassLoader().getResource("psql-describe/" + expectedFile);
        assertNotNull(url, expectedFile);
        List<String> sizes = new ArrayList<>();
        String expected = maskSize(Files.readString(Path.of(url.toURI()), StandardCharsets.UTF_8), new ArrayList<>());
        assertEquals(expected, maskSize(actual, sizes), command + "\n" + actual);
        assertFalse(sizes.isEmpty(), command);
        for (String size : sizes) {
            assertTrue(size.matches("-?\\d+ (bytes|kB|MB|GB|TB)"), command + ": size " + size);
        }
    }

    /**
     * psql's aligned table with the Size cells replaced by {@code *} (collected in {@code sizes})
     * and the padding of every cell, the centering of the title and the header rule dropped.
     */
    private static String maskSize(String output, List<String> sizes) {
        List<String> lines = List.of(output.split("\n", -1));
        int column = List.of(lines.get(1).split("\\|", -1)).stream().map(String::trim).toList().indexOf("Size");
        assertTrue(column >= 0, "no Size column in\n" + output);
        StringBuilder out = new StringBuilder(lines.get(0).trim()).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 2) {
                out.append("--\n");
                continue;
            }
            if (!line.contains("|")) {
                out.append(line).append('\n');
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\\|", -1)) {
                cells.add(cell.trim());
            }
            if (i > 2) {
                sizes.add(cells.get(column));
                cells.set(column, "*");
            }
            out.append(String.join("|", cells)).append('\n');
        }
        return out.toString();
    }

    /** {@code psql -X -c <command>} with psql's default aligned output; stdout then stderr. */
    private static String psql(String command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", RustyDbProcess.USER, "-d", RustyDbProcess.DATABASE,
                "-v", "ON_ERROR_STOP=1", "-c", command));
        Path out = Files.createTempFile(tmp, "psql", ".out");
        Path err = Files.createTempFile(tmp, "psql", ".err");
        ProcessBuilder builder = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG"));
        env.put("PGCONNECT_TIMEOUT", "10");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PAGER", "");
        env.put("COLUMNS", "200");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("psql did not finish within 60 s: " + args);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> command + " failed: " + stderr);
        String result = Files.readString(out, StandardCharsets.UTF_8) + stderr;
        if (System.getenv("RUSTYDB_DUMP_PSQL") != null) {
            Files.writeString(Path.of(System.getenv("RUSTYDB_DUMP_PSQL"), command.replaceAll("[^a-z_]+", "-") + ".out"),
                    result);
        }
        return result;
    }
}
