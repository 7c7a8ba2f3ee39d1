package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * psql's describe commands (\dt, \d, \d+, \di, \dn, \l, \du, \dv, \ds) against a real server: the
 * output has PostgreSQL 15's shape, built from the catalog queries psql sends.
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
