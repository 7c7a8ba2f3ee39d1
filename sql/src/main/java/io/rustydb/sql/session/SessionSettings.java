package io.rustydb.sql.session;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * A session's run-time parameters (PostgreSQL's GUCs) with their validation, SET LOCAL scoping
 * and the ParameterStatus reporting clients rely on.
 */
public final class SessionSettings {
    /** The PostgreSQL version RustyDB's protocol and SQL are compatible with, as clients parse it. */
    public static final String SERVER_VERSION = "15.0 (RustyDB 0.5.1)";

    private static final Map<String, Setting> KNOWN = new LinkedHashMap<>();

    static {
        add("application_name", "", true, false, "Sets the application name to be reported.", v -> v);
        add("client_encoding", "UTF8", true, false, "Sets the client's character set encoding.",
                SessionSettings::encoding);
        add("DateStyle", "ISO, MDY", true, false, "Sets the display format for date and time values.",
                SessionSettings::dateStyle);
        add("TimeZone", "UTC", true, false, "Sets the time zone for displaying and interpreting time stamps.",
                SessionSettings::timeZone);
        add("extra_float_digits", "1", false, false, "Sets the number of digits displayed for floating-point values.",
                v -> integer("extra_float_digits", v, -15, 3));
        add("search_path", "\"$user\", public", false, false, "Sets the schema search order for names.", v -> v);
        add("statement_timeout", "0", false, false, "Sets the maximum allowed duration of any statement.",
                v -> displayMillis(durationMillis("statement_timeout", v)));
        add("lock_timeout", "0", false, false, "Sets the maximum allowed duration of any wait for a lock.",
                v -> displayMillis(durationMillis("lock_timeout", v)));
        add("IntervalStyle", "postgres", true, false, "Sets the display format for interval values.", v -> v);
        add("integer_datetimes", "on", true, true, "Shows whether datetimes are integer based.", v -> v);
        add("server_version", SERVER_VERSION, true, true, "Shows the server version.", v -> v);
        add("server_encoding", "UTF8", true, true, "Shows the server (database) character set encoding.", v -> v);
        add("standard_conforming_strings", "on", true, true, "Causes '...' strings to treat backslashes literally.",
                v -> v);
        add("transaction_isolation", "read committed", false, true,
                "Shows the current transaction's isolation level.", v -> v);
        add("default_transaction_isolation", "read committed", false, false,
                "Sets the transaction isolation level of each new transaction.", SessionSettings::isolation);
    }

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> sessionDefaults = new HashMap<>();
    /** Values to restore when the transaction ends, for SET LOCAL. */
    private final Map<String, String> beforeLocal = new HashMap<>();

    /** Settings with the defaults overridden by the client's startup parameters. */
    public SessionSettings(Map<String, String> startupParameters, String user) {
        for (Setting s : KNOWN.values()) {
            sessionDefaults.put(s.name(), s.defaultValue());
        }
        sessionDefaults.put("session_authorization", user);
        sessionDefaults.put("is_superuser", "on");
        for (Map.Entry<String, String> e : startupParameters.entrySet()) {
            Setting s = lookup(e.getKey());
            if (s != null && !s.readOnly()) {
                sessionDefaults.put(s.name(), s.normalizer().apply(e.getValue()));
            }
        }
        values.putAll(sessionDefaults);
        values.put("transaction_isolation", null);
    }

    private static void add(String name, String defaultValue, boolean reported, boolean readOnly, String description,
            java.util.function.UnaryOperator<String> normalizer) {
        KNOWN.put(name.toLowerCase(Locale.ROOT), new Setting(name, defaultValue, reported, readOnly, description,
                normalizer));
    }

    private static Setting lookup(String name) {
        return KNOWN.get(name.toLowerCase(Locale.ROOT));
    }

    private static Setting require(String name) {
        Setting s = lookup(name);
        if (s == null) {
            throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return s;
    }

    /** Parameters sent to the client at startup (ParameterStatus), with their values now. */
    public Map<String, String> reported() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : KNOWN.values()) {
            if (s.reported()) {
                out.put(s.name(), values.get(s.name()));
            }
        }
        out.put("session_authorization", values.get("session_authorization"));
        out.put("is_superuser", values.get("is_superuser"));
        return out;
    }

    /**
     * SET name = value. With {@code local}, the old value comes back when the transaction ends.
     * Returns the setting's canonical name if clients must be told (ParameterStatus), else null.
     */
    public String set(String name, String value, boolean local) {
        Setting s = require(name);
        if (s.readOnly()) {
            throw new RustyDbException(ErrorCode.CANT_CHANGE_RUNTIME_PARAM, s.name());
        }
        String normalized = value == null ? sessionDefaults.get(s.name()) : s.normalizer().apply(value);
        if (local) {
            beforeLocal.putIfAbsent(s.name(), values.get(s.name()));
        } else {
            beforeLocal.remove(s.name());
        }
        values.put(s.name(), normalized);
        return s.reported() ? s.name() : null;
    }

    /** RESET ALL: every setting back to its session default; returns the reported names changed. */
    public List<String> resetAll() {
        List<String> changed = new ArrayList<>();
        for (Setting s : KNOWN.values()) {
            if (!s.readOnly() && !values.get(s.name()).equals(sessionDefaults.get(s.name()))) {
                values.put(s.name(), sessionDefaults.get(s.name()));
                if (s.reported()) {
                    changed.add(s.name());
                }
            }
        }
        return changed;
    }

    /** Undoes SET LOCAL at the end of a transaction; returns the reported names changed. */
    public List<String> endTransaction() {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : beforeLocal.entrySet()) {
            values.put(e.getKey(), e.getValue());
            if (lookup(e.getKey()).reported()) {
                changed.add(e.getKey());
            }
        }
        beforeLocal.clear();
        return changed;
    }

    /** SHOW name. */
    public String get(String name) {
        String canonical = require(name).name();
        String value = values.get(canonical);
        if (value == null && canonical.equals("transaction_isolation")) {
            return values.get("default_transaction_isolation");
        }
        return value;
    }

    /** The canonical spelling of a setting's name (SHOW's column label is its lower case). */
    public String canonicalName(String name) {
        return require(name).name();
    }

    /** SHOW ALL: name, setting, description. */
    public List<Object[]> all() {
        List<Object[]> rows = new ArrayList<>();
        for (Setting s : KNOWN.values()) {
            rows.add(new Object[] {s.name(), get(s.name()), s.description()});
        }
        return rows;
    }

    public TimeZone timeZone() {
        return TimeZone.getTimeZone(ZoneId.of(values.get("TimeZone")));
    }

    /** statement_timeout in milliseconds; 0 disables it. */
    public long statementTimeoutMillis() {
        return durationMillis("statement_timeout", values.get("statement_timeout"));
    }

    /** lock_timeout in milliseconds; 0 disables it. */
    public long lockTimeoutMillis() {
        return durationMillis("lock_timeout", values.get("lock_timeout"));
    }

    public String applicationName() {
        return values.get("application_name");
    }

    private static String encoding(String v) {
        String e = v.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("'", "");
        if (e.equals("UTF8") || e.equals("UNICODE")) {
            return "UTF8";
        }
        throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"client_encoding\": \"" + v + "\"").withDetail("RustyDB speaks UTF8 only.");
    }

    private static String dateStyle(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        if (!upper.contains("ISO") && (upper.contains("SQL") || upper.contains("POSTGRES") || upper.contains("GERMAN"))) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"DateStyle\": \"" + v + "\"")
                    .withDetail("RustyDB formats dates in the ISO style only.");
        }
        String order = upper.contains("DMY") ? "DMY" : upper.contains("YMD") ? "YMD" : "MDY";
        return "ISO, " + order;
    }

    private static String timeZone(String v) {
        String zone = v.trim();
        if (zone.equalsIgnoreCase("utc") || zone.equalsIgnoreCase("gmt") || zone.equalsIgnoreCase("z")) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"TimeZone\": \"" + v + "\"");
        }
    }

    private static String isolation(String v) {
        io.rustydb.sql.parser.tx.IsolationLevel level = io.rustydb.sql.parser.tx.IsolationLevel.fromName(v);
        if (level == null) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"default_transaction_isolation\": \"" + v.trim() + "\"")
                    .withHint("Available values: serializable, repeatable read, read committed, read uncommitted.");
        }
        return level.sqlName();
    }

    /** The isolation level new transactions get (default_transaction_isolation). */
    public io.rustydb.sql.parser.tx.IsolationLevel defaultIsolation() {
        return io.rustydb.sql.parser.tx.IsolationLevel.fromName(values.get("default_transaction_isolation"));
    }

    /**
     * Records the transaction block's level for SHOW transaction_isolation (a read-only setting);
     * {@code null} outside a block, where it shows default_transaction_isolation.
     */
    public void transactionIsolation(io.rustydb.sql.parser.tx.IsolationLevel level) {
        values.put("transaction_isolation", level != null ? level.sqlName() : null);
    }

    private static String integer(String name, String v, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + v + "\"");
        }
        if (value < min || value > max) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, value + " is outside the valid range for parameter \""
                    + name + "\" (" + min + " .. " + max + ")");
        }
        return String.valueOf(value);
    }

    /** A duration as PostgreSQL shows it: in the largest unit that divides it, e.g. 5s, 1min, 0. */
    static String displayMillis(long millis) {
        if (millis == 0) {
            return "0";
        }
        long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] units = {"d", "h", "min", "s"};
        for (int i = 0; i < factors.length; i++) {
            if (millis % factors[i] == 0) {
                return (millis / factors[i]) + units[i];
            }
        }
        return millis + "ms";
    }

    /** PostgreSQL time units: a bare number is milliseconds; us, ms, s, min, h, d suffixes. */
    static long durationMillis(String name, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        String unit = s.substring(i).trim();
        try {
            double number = Double.parseDouble(s.substring(0, i));
            double factor = switch (unit) {
                case "", "ms" -> 1;
                case "us" -> 0.001;
                case "s" -> 1000;
                case "min" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                default -> throw new NumberFormatException(unit);
            };
            return Math.round(number * factor);
        } catch (NumberFormatException e) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + v + "\"")
                    .withHint("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        }
    }
}
