package io.rustydb.sql.pgcatalog;

import static io.rustydb.sql.pgcatalog.PgType.BOOL;
import static io.rustydb.sql.pgcatalog.PgType.CHAR;
import static io.rustydb.sql.pgcatalog.PgType.FLOAT4;
import static io.rustydb.sql.pgcatalog.PgType.INT2;
import static io.rustydb.sql.pgcatalog.PgType.INT_ARRAY;
import static io.rustydb.sql.pgcatalog.PgType.NAME;
import static io.rustydb.sql.pgcatalog.PgType.OID;
import static io.rustydb.sql.pgcatalog.PgType.TEXT;
import static io.rustydb.sql.pgcatalog.PgType.TEXT_ARRAY;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_proc and pg_language: the built-in functions RustyDB has, with PostgreSQL 15's OIDs,
 * attributes, signatures and descriptions, read from {@code pg_proc.tsv}. That file holds the rows
 * of PostgreSQL's pg_proc whose call RustyDB validates and plans (written by
 * {@code src/test/resources/pg-proc/pg-proc.py} and {@code PgProcTest}, which checks every row
 * still plans). RustyDB has no CREATE FUNCTION, so there are no user functions.
 */
final class PgProc {
    static final int INTERNAL_LANGUAGE = 12;
    static final int C_LANGUAGE = 13;
    static final int SQL_LANGUAGE = 14;

    /** One built-in function: a pg_proc row, PostgreSQL's texts for its signature, and its description. */
    record Builtin(int oid, String name, String kind, String volatility, String parallel, boolean strict,
            boolean returnsSet, boolean securityDefiner, boolean leakproof, float cost, float rows, int variadic,
            int argumentCount, int defaultCount, int resultType, List<Integer> argumentTypes, int language,
            String source, String result, String arguments, String identityArguments, String description,
            List<String> argumentNames, List<Integer> allArgumentTypes, List<String> argumentModes,
            List<String> probeTypes) {
    }

    static final Map<Integer, Builtin> BUILTINS = load();

    private PgProc() {
    }

    static List<VirtualTable> tables() {
        return List.of(pgProc(), pgLanguage());
    }

    private static VirtualTable pgProc() {
        return VirtualTable.builder("pg_proc", PgOids.PG_PROC)
                .col("oid", OID).col("proname", NAME).col("pronamespace", OID).col("proowner", OID)
                .col("prolang", OID).col("procost", FLOAT4).col("prorows", FLOAT4).col("provariadic", OID)
                .col("prosupport", TEXT).col("prokind", CHAR).col("prosecdef", BOOL).col("proleakproof", BOOL)
                .col("proisstrict", BOOL).col("proretset", BOOL).col("provolatile", CHAR).col("proparallel", CHAR)
                .col("pronargs", INT2).col("pronargdefaults", INT2).col("prorettype", OID)
                .col("proargtypes", INT_ARRAY).col("proallargtypes", INT_ARRAY).col("proargmodes", TEXT_ARRAY)
                .col("proargnames", TEXT_ARRAY).col("proargdefaults", TEXT).col("protrftypes", INT_ARRAY)
                .col("prosrc", TEXT).col("probin", TEXT).col("prosqlbody", TEXT).col("proconfig", TEXT_ARRAY)
                .col("proacl", TEXT_ARRAY)
                .rows(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Builtin f : BUILTINS.values()) {
                        rows.add(new Object[] {f.oid(), f.name(), PgOids.PG_CATALOG_NAMESPACE, PgOids.OWNER_ROLE,
                            f.language(), f.cost(), f.rows(), f.variadic(), "-", f.kind(), f.securityDefiner(),
                            f.leakproof(), f.strict(), f.returnsSet(), f.volatility(), f.parallel(),
                            (short) f.argumentCount(), (short) f.defaultCount(), f.resultType(), f.argumentTypes(),
                            f.allArgumentTypes(), f.argumentModes(), f.argumentNames(), null, null, f.source(), null,
                            null, null, null});
                    }
                    return rows;
                });
    }

    private static VirtualTable pgLanguage() {
        return VirtualTable.builder("pg_language", 2612)
                .col("oid", OID).col("lanname", NAME).col("lanowner", OID).col("lanispl", BOOL)
                .col("lanpltrusted", BOOL).col("lanplcallfoid", OID).col("laninline", OID).col("lanvalidator", OID)
                .col("lanacl", TEXT_ARRAY)
                .rows(s -> List.of(
                        new Object[] {INTERNAL_LANGUAGE, "internal", PgOids.OWNER_ROLE, false, false, 0, 0, 2246, null},
                        new Object[] {C_LANGUAGE, "c", PgOids.OWNER_ROLE, false, false, 0, 0, 2247, null},
                        new Object[] {SQL_LANGUAGE, "sql", PgOids.OWNER_ROLE, false, true, 0, 0, 2248, null}));
    }

    /** The description of a built-in function, or null. */
    static String description(int oid) {
        Builtin f = BUILTINS.get(oid);
        return f == null ? null : f.description();
    }

    private static Map<Integer, Builtin> load() {
        Map<Integer, Builtin> rows = new LinkedHashMap<>();
        try (InputStream in = PgProc.class.getResourceAsStream("pg_proc.tsv")) {
            if (in == null) {
                throw new IllegalStateException("pg_proc.tsv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    Builtin f = parse(line);
                    rows.put(f.oid(), f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(rows);
    }

    /** A line of {@code COPY pg_proc ... TO STDOUT} as pg-proc.py selects it. */
    static Builtin parse(String line) {
        String[] f = line.split("\t", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = unescape(f[i]);
        }
        return new Builtin(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], f[5].equals("t"), f[6].equals("t"),
                f[7].equals("t"), f[8].equals("t"), Float.parseFloat(f[9]), Float.parseFloat(f[10]),
                Integer.parseInt(f[11]), Integer.parseInt(f[12]), Integer.parseInt(f[13]), Integer.parseInt(f[14]),
                oids(f[15].isEmpty() ? List.of() : Arrays.asList(f[15].split(" "))), Integer.parseInt(f[16]), f[17],
                f[18], f[19], f[20], f[21], array(f[22]), f[23] == null ? null : oids(array(f[23])), array(f[24]),
                f[25] == null ? List.of() : Arrays.asList(f[25].split(",")));
    }

    private static List<Integer> oids(List<String> texts) {
        return texts.stream().map(Integer::valueOf).toList();
    }

    /** A one-dimensional array literal of simple elements, {@code {a,"",b}}; null for null. */
    private static List<String> array(String literal) {
        if (literal == null) {
            return null;
        }
        String body = literal.substring(1, literal.length() - 1);
        List<String> elements = new ArrayList<>();
        for (String element : body.isEmpty() ? new String[0] : body.split(",", -1)) {
            elements.add(element.startsWith("\"") ? element.substring(1, element.length() - 1) : element);
        }
        return elements;
    }

    /** COPY's text format: {@code \N} is null; backslash escapes a tab, newline, return or backslash. */
    private static String unescape(String field) {
        if (field.equals("\\N")) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                sb.append(c);
                continue;
            }
            char next = field.charAt(++i);
            sb.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> next;
            });
        }
        return sb.toString();
    }
}
