package io.rustydb.monitoring.parameters;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code rustydb.*} key the node reads: the keys of the modules' {@code reference.conf}
 * files, with the value the node runs with, the default and the key's comment there.
 *
 * <p>Names follow the Administration Guide ({@code max_connections}, {@code buffer_pool_size},
 * {@code wal.dir}): a key's shortest trailing part, below {@code rustydb}, that no other key ends
 * with and that is more than a bare word (it holds an underscore or a dot). So
 * {@code rustydb.server.max_connections} is {@code max_connections}, but the two
 * {@code listen_port} keys are {@code server.listen_port} and {@code api.listen_port}, and
 * {@code rustydb.instance.name} is {@code instance.name}.
 *
 * <p>Values are shown normalised so that they compare as text: a duration (a default like
 * {@code 5s}) in milliseconds with unit {@code ms}, a size (a default like {@code 1 GiB}, or a key
 * ending in {@code _size}) in bytes with unit {@code bytes}; keys ending in {@code _percent} and
 * {@code _seconds} have the units {@code percent} and {@code s}; anything else is shown as
 * configured, without a unit.
 */
public final class ParameterCatalog {
    private final List<Parameter> parameters;
    private final Map<String, Parameter> byName = new HashMap<>();
    private final Map<String, Parameter> byKey = new HashMap<>();

    private ParameterCatalog(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            byName.put(p.name(), p);
            byKey.put(p.key(), p);
        }
    }

    /**
     * The catalog of the node running with {@code running}.
     *
     * @param running the node's resolved configuration
     * @param reference the modules' defaults ({@code ConfigFactory.defaultReference()}), whose
     *     {@code rustydb.*} keys are the parameters and whose comments describe them
     */
    public static ParameterCatalog create(Config running, Config reference) {
        Map<String, ConfigValue> defaults = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : reference.getConfig("rustydb").entrySet()) {
            defaults.put(e.getKey(), e.getValue());
        }
        Map<String, List<String>> segments = new HashMap<>();
        Map<String, Integer> suffixCount = new HashMap<>();
        for (String path : defaults.keySet()) {
            List<String> parts = ConfigUtil.splitPath(path);
            segments.put(path, parts);
            for (int k = 1; k <= parts.size(); k++) {
                suffixCount.merge(suffix(parts, k), 1, Integer::sum);
            }
        }
        List<Parameter> all = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            String key = "rustydb." + e.getKey();
            List<String> parts = segments.get(e.getKey());
            Kind kind = Kind.of(reference, key, e.getValue(), parts.get(parts.size() - 1));
            all.add(new Parameter(name(parts, suffixCount), key, parts.get(0), kind.render(running, key),
                    kind.render(reference, key), kind.unit(parts.get(parts.size() - 1)),
                    description(e.getValue()), false));
        }
        all.sort(Comparator.comparing(Parameter::name));
        return new ParameterCatalog(all);
    }

    /** Every parameter, sorted by name. */
    public List<Parameter> all() {
        return parameters;
    }

    /** The parameter with this name or full key ({@code max_connections}, {@code rustydb.server.max_connections}). */
    public Optional<Parameter> find(String nameOrKey) {
        Parameter p = byName.get(nameOrKey);
        return Optional.ofNullable(p != null ? p : byKey.get(nameOrKey));
    }

    private static String name(List<String> parts, Map<String, Integer> suffixCount) {
        for (int k = 1; k < parts.size(); k++) {
            String candidate = suffix(parts, k);
            if (suffixCount.get(candidate) == 1 && (k > 1 || candidate.contains("_"))) {
                return candidate;
            }
        }
        return suffix(parts, parts.size());
    }

    private static String suffix(List<String> parts, int k) {
        return String.join(".", parts.subList(parts.size() - k, parts.size()));
    }

    /** The comment lines above the key, each trimmed, joined by spaces; null if there are none. */
    static String description(ConfigValue value) {
        StringBuilder b = new StringBuilder();
        for (String line : value.origin().comments()) {
            String text = line.strip();
            if (!text.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(text);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** How a parameter's values are read and shown. */
    private enum Kind {
        DURATION, BYTES, PLAIN;

        static Kind of(Config reference, String key, ConfigValue value, String leaf) {
            if (value.valueType() == ConfigValueType.STRING) {
                String text = ((String) value.unwrapped()).strip();
                if (!text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1))) {
                    if (parses(() -> reference.getDuration(key))) {
                        return DURATION;
                    }
                    if (parses(() -> reference.getBytes(key))) {
                        return BYTES;
                    }
                }
                return PLAIN;
            }
            return value.valueType() == ConfigValueType.NUMBER && leaf.endsWith("_size") ? BYTES : PLAIN;
        }

        private static boolean parses(Runnable read) {
            try {
                read.run();
                return true;
            } catch (ConfigException e) {
                return false;
            }
        }

        String render(Config config, String key) {
            if (!config.hasPath(key)) {
                return null;
            }
            try {
                return switch (this) {
                    case DURATION -> Long.toString(config.getDuration(key).toMillis());
                    case BYTES -> Long.toString(config.getBytes(key));
                    case PLAIN -> String.valueOf(config.getValue(key).unwrapped());
                };
            } catch (ConfigException e) {
                return String.valueOf(config.getValue(key).unwrapped());
            }
        }

        String unit(String leaf) {
            return switch (this) {
                case DURATION -> "ms";
                case BYTES -> "bytes";
                case PLAIN -> leaf.endsWith("_percent") ? "percent" : leaf.endsWith("_seconds") ? "s" : null;
            };
        }
    }
}
