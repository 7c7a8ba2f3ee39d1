package io.rustydb.monitoring.parameters;

/**
 * One configuration parameter.
 *
 * @param name the short name (the guide's {@code max_connections}), see {@link ParameterCatalog}
 * @param key the full HOCON path, e.g. {@code rustydb.server.max_connections}
 * @param category the section below {@code rustydb}, e.g. {@code server} or {@code memory}
 * @param value the running value, normalised (durations in milliseconds, sizes in bytes)
 * @param defaultValue the default from {@code reference.conf}, normalised the same way
 * @param unit {@code ms}, {@code bytes}, {@code s}, {@code percent}, or null
 * @param description the comment above the key in {@code reference.conf}
 * @param dynamic whether a change takes effect without a restart (none does yet)
 */
public record Parameter(String name, String key, String category, String value, String defaultValue, String unit,
        String description, boolean dynamic) {
}
