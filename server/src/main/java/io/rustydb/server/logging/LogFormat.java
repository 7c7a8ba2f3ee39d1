package io.rustydb.server.logging;

import java.util.Locale;

/** How log files are written: {@code text} lines or one JSON object per line. */
public enum LogFormat {
    TEXT, JSON;

    /** {@code text} or {@code json}, case-insensitively. */
    static LogFormat parse(String key, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be \"text\" or \"json\", got \"" + value + "\"", e);
        }
    }
}
