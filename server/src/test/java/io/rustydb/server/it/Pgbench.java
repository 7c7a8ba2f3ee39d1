package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Runs the real pgbench (from Debian's postgresql package) against a server. */
final class Pgbench {
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** One finished pgbench run: exit code, output, and the counts it reported. */
    record Run(int exit, String output) {
        long processed() {
            Matcher m = PROCESSED.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }

        long failed() {
            Matcher m = FAILED.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private final Path executable;
    private final Path workDir;

    private Pgbench(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** The pgbench on this machine; the test is skipped without one unless CI is set (then it fails). */
    static Pgbench find(Path workDir) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "pgbench"));
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pgbench")));
        } catch (IOException e) {
            // no PostgreSQL installed under /usr/lib
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return new Pgbench(candidate, workDir);
            }
        }
        if (System.getenv("CI") != null) {
            fail("pgbench not found, and CI is set: install Debian's postgresql package");
        }
        Assumptions.abort("pgbench not found: skipping (apt-get install postgresql)");
        return null;
    }

    /** Starts pgbench against {@code server} with {@code args}; the caller waits for it. */
    Process start(RustyDbProcess server, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", RustyDbProcess.USER));
        command.addAll(List.of(args));
        command.add(RustyDbProcess.DATABASE);
        Path out = Files.createTempFile(workDir, "pgbench", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        outputs.put(process, out);
        return process;
    }

    private final java.util.Map<Process, Path> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    /** Waits (bounded) for a started run and returns it. */
    Run await(Process process, long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("pgbench did not finish within " + timeoutSeconds + " s:\n"
                    + Files.readString(outputs.get(process), StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(outputs.remove(process), StandardCharsets.UTF_8));
    }

    Run run(RustyDbProcess server, String... args) throws IOException, InterruptedException {
        return await(start(server, args), 180);
    }

    /**
     * TPC-B's invariant: every transfer changed one account, teller and branch by its delta and
     * wrote it to the history, so all four sums are equal. Returns the number of history rows.
     */
    static long assertBalanced(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT coalesce(sum(abalance), 0) FROM pgbench_accounts),"
                        + " (SELECT coalesce(sum(tbalance), 0) FROM pgbench_tellers),"
                        + " (SELECT coalesce(sum(bbalance), 0) FROM pgbench_branches),"
                        + " (SELECT coalesce(sum(delta), 0) FROM pgbench_history),"
                        + " (SELECT count(*) FROM pgbench_history)")) {
            assertTrue(rs.next());
            long history = rs.getLong(4);
            assertEquals(history, rs.getLong(1), "sum(abalance) = sum(delta)");
            assertEquals(history, rs.getLong(2), "sum(tbalance) = sum(delta)");
            assertEquals(history, rs.getLong(3), "sum(bbalance) = sum(delta)");
            return rs.getLong(5);
        }
    }
}
