package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real psql client: a golden script, ON_ERROR_STOP and -c. */
@ExtendWith(ServerLogOnFailure.class)
class PsqlIT {

    @TempDir
    static Path tmp;
    static RustyDbProcess server;

    @BeforeAll
    static void startServer() {
        requirePsql();
        server = RustyDbProcess.start("psql", tmp.resolve("data"));
    }

    @AfterAll
    static void stopServer() {
        RustyDbProcess.stopAndClose(server);
    }

    @Test
    void firstNodeScriptPrintsTheExpectedOutput() throws Exception {
        Result result = psql("-v", "ON_ERROR_STOP=1", "-f", resource("sql/first-node.sql").toString());
        assertEquals(0, result.exit(), result::describe);
        assertEquals(Files.readString(resource("sql/first-node.expected"), StandardCharsets.UTF_8), result.stdout(),
                result::describe);
    }

    @Test
    void onErrorStopExitsWithCode3AndReportsTheError() throws Exception {
        Result result = psql("-v", "ON_ERROR_STOP=1", "-f", resource("sql/error-stop.sql").toString());
        assertEquals(3, result.exit(), result::describe);
        assertTrue(result.stderr().contains("ERROR:  relation \"nope\" does not exist"), result::describe);
        assertTrue(result.stdout().contains("before"), result::describe);
        assertFalse(result.stdout().contains("after"), result::describe);
    }

    @Test
    void commandOptionPrintsTheResult() throws Exception {
        Result result = psql("-c", "SELECT 42");
        assertEquals(0, result.exit(), result::describe);
        assertEquals("42\n", result.stdout(), result::describe);
    }

    private record Result(int exit, String stdout, String stderr) {
        String describe() {
            return "psql exit " + exit + "\n---- stdout ----\n" + stdout + "\n---- stderr ----\n" + stderr;
        }
    }

    /** {@code psql -X -A -t -h 127.0.0.1 -p <port> -U rustydb -d rustydb <args>}, unaligned tuples only. */
    private static Result psql(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", RustyDbProcess.USER, "-d", RustyDbProcess.DATABASE));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "psql", ".out");
        Path err = Files.createTempFile(tmp, "psql", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG"));
        env.put("PGCONNECT_TIMEOUT", "10");
        env.put("PGCLIENTENCODING", "UTF8");
        env.put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("psql did not finish within 60 s: " + command + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = PsqlIT.class.getClassLoader().getResource(name);
        assertTrue(url != null, "missing test resource " + name);
        return Path.of(url.toURI());
    }

    /** The program's path on PATH, or null. */
    static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Fails under CI, and skips otherwise, when psql is not installed. */
    static void requirePsql() {
        if (findOnPath("psql") == null) {
            if (System.getenv("CI") != null) {
                fail("psql is not on PATH, and CI is set: install the PostgreSQL client");
            }
            Assumptions.abort("psql is not on PATH: skipping the psql tests");
        }
    }
}
