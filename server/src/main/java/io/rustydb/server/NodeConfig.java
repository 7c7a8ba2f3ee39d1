package io.rustydb.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a node's configuration: command-line {@code -Dkey=value} overrides, then JVM system
 * properties, then the configuration file, then the modules' {@code reference.conf} defaults.
 */
public final class NodeConfig {

    /** The file used when {@code --config} is not given and it exists. */
    public static final Path DEFAULT_FILE = Path.of("config", "application.conf");

    private NodeConfig() {
    }

    /**
     * The effective configuration. {@code file} may be null (defaults only); a missing or
     * unparsable file is an error naming the file.
     */
    public static Config load(Path file, Map<String, String> overrides) {
        Config fromFile = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file not found: " + file);
            }
            fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        }
        ConfigFactory.invalidateCaches();
        return ConfigFactory.parseMap(overrides, "command line")
                .withFallback(ConfigFactory.systemProperties())
                .withFallback(fromFile)
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
    }

    /** The file to read when the user named none: {@link #DEFAULT_FILE} if present. */
    public static Path defaultFile() {
        return Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
    }
}
