package io.rustydb.server.logging;

import ch.qos.logback.classic.Level;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code rustydb.logging} section (the guide's {@code [logging]}): the global level, where the
 * log files go, their format and rotation, and per-component levels. The slow-query keys of the
 * same section belong to the slow-query log's owner and are not read here.
 *
 * @param level level of every logger no component sets
 * @param directory where rusty-db.log, error.log and slow-query.log are written (archives below it)
 * @param format text lines or JSON objects
 * @param maxFileSizeBytes a log file is rotated once it grows past this (and at midnight)
 * @param maxFiles rotated files are kept for this many days, and at most this many files' worth
 *     of bytes ({@code maxFiles * maxFileSizeBytes}) per log
 * @param compressRotated gzip rotated files
 * @param components component name to level
 */
public record LoggingSettings(Level level, Path directory, LogFormat format, long maxFileSizeBytes, int maxFiles,
        boolean compressRotated, Map<String, Level> components) {

    static final String SECTION = "rustydb.logging";
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public LoggingSettings {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /**
     * Reads the section; an empty {@code log_directory} means {@code <dataDir>/log}, and a
     * relative one is resolved against the working directory, as {@code data_dir} is.
     */
    public static LoggingSettings create(Config config, Path dataDir) {
        Config c = config.getConfig(SECTION);
        Level level = level(SECTION + ".level", c.getString("level"));
        String dir = c.getString("log_directory").strip();
        Path directory = dir.isEmpty() ? dataDir.resolve("log") : Path.of(dir);
        LogFormat format = LogFormat.parse(SECTION + ".format", c.getString("format"));
        double sizeMb = c.getDouble("max_file_size_mb");
        if (!(sizeMb > 0) || sizeMb > 1024 * 1024) {
            throw new IllegalArgumentException(SECTION + ".max_file_size_mb must be greater than 0 and at most 1048576,"
                    + " got " + sizeMb);
        }
        long maxFileSizeBytes = Math.max(1, Math.round(sizeMb * 1024 * 1024));
        int maxFiles = c.getInt("max_files");
        if (maxFiles < 1) {
            throw new IllegalArgumentException(SECTION + ".max_files must be at least 1, got " + maxFiles);
        }
        boolean compress = c.getBoolean("compress_rotated");
        Map<String, Level> components = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : c.getConfig("components").root().entrySet()) {
            String name = e.getKey();
            String key = SECTION + ".components." + name;
            if (LogComponents.loggers(name) == null) {
                throw new IllegalArgumentException(key + ": unknown component \"" + name + "\"; the components are "
                        + String.join(", ", LogComponents.names()));
            }
            Object raw = e.getValue().unwrapped();
            if (!(raw instanceof String text)) {
                throw new IllegalArgumentException(key + " must be a level name (" + String.join(", ", LEVELS)
                        + "), got " + e.getValue().render());
            }
            components.put(name, level(key, text));
        }
        return new LoggingSettings(level, directory, format, maxFileSizeBytes, maxFiles, compress, components);
    }

    /** TRACE, DEBUG, INFO, WARN, ERROR or OFF, case-insensitively; anything else names the key. */
    static Level level(String key, String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", LEVELS) + ", got \""
                    + value + "\"");
        }
        return Level.toLevel(upper);
    }
}
