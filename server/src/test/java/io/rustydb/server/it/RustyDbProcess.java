package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * A RustyDB server running as a separate JVM, the way an operator starts it: the real main class,
 * the repository's {@code config/application.conf} and {@code -Dkey=value} overrides for the data
 * directory and ports. Stdout and stderr go to {@code <name>.log} beside the data directory.
 */
public final class RustyDbProcess implements AutoCloseable {

    public static final String MAIN_CLASS = "io.rustydb.server.RustyDbServer";
    public static final String READY_LINE = "RustyDB ready for connections";
    public static final String USER = "rustydb";
    public static final String DATABASE = "rustydb";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<RustyDbProcess> RUNNING = new CopyOnWriteArraySet<>();

    private final String name;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int apiPort;
    private final int prometheusPort;
    private final List<String> settings;
    private final Map<String, String> environment;
    private Process process;

    private RustyDbProcess(String name, Path dataDir, Map<String, String> environment, List<String> settings) {
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.dataDir = dataDir.toAbsolutePath();
        this.log = this.dataDir.getParent().resolve(name + ".log");
        this.port = freePort();
        this.apiPort = freePort();
        this.prometheusPort = freePort();
        this.settings = List.copyOf(settings);
    }

    /**
     * Starts a server on {@code dataDir} and waits until it logs {@value #READY_LINE}.
     *
     * @param settings extra {@code key=value} settings, passed as {@code -Dkey=value}
     */
    public static RustyDbProcess start(String name, Path dataDir, String... settings) {
        return start(name, dataDir, Map.of(), settings);
    }

    /**
     * Starts a server with extra environment variables. {@code RUSTYDB_ADMIN_PASSWORD} is removed
     * from the inherited environment unless given here, so the bootstrap administrator's password is
     * generated into {@link #adminPasswordFile()}.
     */
    public static RustyDbProcess start(String name, Path dataDir, Map<String, String> environment,
            String... settings) {
        RustyDbProcess server = new RustyDbProcess(name, dataDir, environment, List.of(settings));
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    public int apiPort() {
        return apiPort;
    }

    /** Port of the dedicated Prometheus endpoint ({@code rustydb.monitoring.prometheus_port}). */
    public int prometheusPort() {
        return prometheusPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code http://127.0.0.1:<api port>} followed by {@code path}. */
    public String apiUrl(String path) {
        return "http://127.0.0.1:" + apiPort + path;
    }

    /** Where the node keeps the bootstrap administrator's generated password. */
    public Path adminPasswordFile() {
        return dataDir.resolve("secrets").resolve("admin_password");
    }

    /** The bootstrap administrator's generated password. */
    public String adminPassword() {
        try {
            return Files.readString(adminPasswordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return log;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return connect("");
    }

    /** A connection with extra pgjdbc parameters, e.g. {@code preferQueryMode=simple&prepareThreshold=1}. */
    public Connection connect(String parameters) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "10");
        // A safety net so that a hung server fails the test instead of hanging the build.
        props.setProperty("socketTimeout", "120");
        if (parameters != null && !parameters.isEmpty()) {
            for (String parameter : parameters.split("&")) {
                String[] keyValue = parameter.split("=", 2);
                props.setProperty(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then asserts a graceful exit (0, or 143 = killed by SIGTERM) within 30 s. */
    public void stop() {
        assertTrue(process != null, "server " + name + " was never started");
        process.destroy();
        int exit = awaitExit(STOP_TIMEOUT);
        RUNNING.remove(this);
        if (exit != 0 && exit != 143) {
            fail("server " + name + " exited with " + exit + " after SIGTERM\n" + logTail(80));
        }
    }

    /** SIGKILL: the process gets no chance to flush or clean up. */
    public void kill9() {
        assertTrue(process != null, "server " + name + " was never started");
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
        RUNNING.remove(this);
    }

    /** Starts the server again on the same data directory and ports (stops it first if running). */
    public void restart() {
        if (isAlive()) {
            stop();
        }
        launch();
    }

    /** The last {@code lines} lines of the server log. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops the server if it still runs (SIGTERM, SIGKILL after 30 s) and keeps a copy of its log. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.remove(this);
        keepLog();
    }

    @Override
    public String toString() {
        return "RustyDbProcess[" + name + ", port " + port + ", " + dataDir + "]";
    }

    /** Servers started and not yet stopped, for {@link ServerLogOnFailure}. */
    static Set<RustyDbProcess> running() {
        return RUNNING;
    }

    /** {@code java -cp <test class path> RustyDbServer <args>}, the command every IT starts. */
    static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(args);
        return command;
    }

    /** {@code rustydb.repo.root}, else the nearest parent of user.dir holding config/application.conf. */
    static Path repoRoot() {
        String property = System.getProperty("rustydb.repo.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config/application.conf"))) {
                return dir;
            }
        }
        return fail("cannot find the repository root: set -Drustydb.repo.root or run below a directory"
                + " holding config/application.conf (user.dir=" + System.getProperty("user.dir") + ")");
    }

    static Path configFile() {
        Path config = repoRoot().resolve("config/application.conf");
        assertTrue(Files.isRegularFile(config), "missing " + config);
        return config;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> args = new ArrayList<>();
        args.add("--config");
        args.add(configFile().toString());
        args.add("-Drustydb.storage.data_dir=" + dataDir);
        args.add("-Drustydb.server.listen_host=127.0.0.1");
        args.add("-Drustydb.server.listen_port=" + port);
        args.add("-Drustydb.api.listen_port=" + apiPort);
        args.add("-Drustydb.monitoring.prometheus_port=" + prometheusPort);
        for (String setting : settings) {
            args.add("-D" + setting);
        }
        try {
            Files.createDirectories(dataDir);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "==== " + LocalDateTime.now() + " starting " + String.join(" ", args) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(javaCommand(args))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("RUSTYDB_ADMIN_PASSWORD");
            builder.environment().putAll(environment);
            process = builder.start();
            RUNNING.add(this);
            awaitReady(logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + this, e);
        }
    }

    private void awaitReady(long logStart) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (logSince(logStart).contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                RUNNING.remove(this);
                fail("server " + name + " died during startup with exit code " + process.exitValue()
                        + "\n" + logTail(80));
            }
            sleep(100);
        }
        process.destroyForcibly();
        RUNNING.remove(this);
        fail("server " + name + " did not log '" + READY_LINE + "' within " + START_TIMEOUT.toSeconds()
                + " s\n" + logTail(80));
    }

    private String logSince(long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int from = (int) Math.min(offset, bytes.length);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
                fail("server " + name + " did not exit within " + timeout.toSeconds() + " s\n" + logTail(80));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this, e);
        }
    }

    /** Copies the log to target/it-logs so it survives the @TempDir cleanup. */
    private void keepLog() {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        if (!Files.isDirectory(target) || !Files.exists(log)) {
            return;
        }
        try {
            Path dir = Files.createDirectories(target.resolve("it-logs"));
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.copy(log, dir.resolve(name + "-" + stamp + ".log"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("cannot keep " + log + ": " + e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops {@code server} cleanly (if it was started) and frees it, for a test class's {@code @AfterAll}. */
    static void stopAndClose(RustyDbProcess server) {
        if (server != null) {
            try {
                server.stop();
            } finally {
                server.close();
            }
        }
    }
}
