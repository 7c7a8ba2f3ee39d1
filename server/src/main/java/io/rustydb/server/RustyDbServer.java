package io.rustydb.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.rustydb.pgwire.PgServer;
import io.rustydb.server.logging.LogSetup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rusty-db-server}: starts one RustyDB node, or with {@code --validate} checks a configuration. */
@Command(name = "rusty-db-server", mixinStandardHelpOptions = true, versionProvider = RustyDbServer.Version.class,
        description = "Starts a RustyDB node.")
public final class RustyDbServer implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RustyDbServer.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "HOCON configuration file (default: config/application.conf if present).")
    private Path configFile;

    @Option(names = "--validate", description = "Check the configuration, print any problem and exit.")
    private boolean validate;

    @Option(names = "-D", paramLabel = "key=value", mapFallbackValue = "",
            description = "Override a configuration key, e.g. -Drustydb.server.listen_port=5433.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    public static void main(String[] args) {
        int exit = new CommandLine(new RustyDbServer()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        Path file = configFile != null ? configFile : NodeConfig.defaultFile();
        if (validate) {
            return validate(file);
        }
        NodeSettings settings;
        Config config;
        try {
            config = NodeConfig.load(file, overrides);
            settings = NodeSettings.create(config);
            // the log files exist from here on, so they hold the whole startup
            LogSetup.apply(settings.logging());
        } catch (ConfigException | IllegalArgumentException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            return 2;
        }
        LOG.info("RustyDB v{} starting", Version.number());
        LOG.info("Loading configuration from {}", file == null ? "built-in defaults" : file);
        LOG.info("Logging to {} ({} format, level {})", settings.logging().directory().toAbsolutePath(),
                settings.logging().format().name().toLowerCase(java.util.Locale.ROOT), settings.logging().level());
        CompletableFuture<PgServer> ready = new CompletableFuture<>();
        ActorSystem<Void> system = ActorSystem.create(Guardian.create(settings, ready), "rustydb", config);
        try {
            ready.get();
        } catch (ExecutionException e) {
            LOG.error("Startup failed: {}", e.getCause().getMessage(), e.getCause());
            system.terminate();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            return 1;
        }
        LOG.info("RustyDB ready for connections");
        system.getWhenTerminated().toCompletableFuture().join();
        return 0;
    }

    private static int validate(Path file) {
        try {
            Config config = NodeConfig.load(file, Map.of());
            NodeSettings.create(config);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("Configuration " + (file == null ? "(defaults)" : file) + " is invalid: " + e.getMessage());
            return 1;
        }
        System.out.println("Configuration " + (file == null ? "(defaults)" : file) + " is valid");
        return 0;
    }

    /** The version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            String v = RustyDbServer.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"RustyDB " + number()};
        }
    }
}
