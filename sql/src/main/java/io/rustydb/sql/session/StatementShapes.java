package io.rustydb.sql.session;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.exec.QueryCompiler;
import io.rustydb.sql.parser.SqlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * The simple query protocol's fast path. Clients such as pgbench send the same statement over and
 * over with other literals ({@code ... WHERE aid = 4711}); parsing each one with the full grammar
 * costs more than running it. A session therefore remembers, per statement shape (the lexically
 * normalized text, literals replaced by {@code $n}), the plan of that shape prepared with the
 * literals as typed parameters, and runs later statements of the same shape with their literals
 * bound to it, skipping the parser and the planner.
 *
 * <p>This is only done where it gives exactly the result of the full path: the literals are
 * integers or strings, the statement is a plain SELECT / INSERT / UPDATE / DELETE or a
 * transaction-control word, and the shape's parameterized plans (the keys of
 * {@link QueryCompiler}'s plan cache) were checked once to be the very plans the full path
 * compiles for the literal statement. Everything else takes the full path, as do all statements
 * of a shape that failed that check.
 */
final class StatementShapes {
    /** Shapes a session remembers; the least recently used goes first. */
    private static final int MAX_SHAPES = 256;
    private static final List<String> STATEMENT_STARTS = List.of("select ", "insert into ", "update ",
            "delete from ");
    private static final List<String> TRANSACTION_WORDS = List.of("begin", "end", "commit", "rollback", "abort",
            "start transaction");
    /**
     * Places where a literal means something else than a value (an ordinal, a count, a type or a
     * frame) or where the full path keeps it literal: statements with these take the full path.
     */
    private static final List<String> LITERAL_SENSITIVE = List.of(" order by ", " group by ", " limit ",
            " offset ", " fetch ", " over ", " over(", " window ", "::", "cast(", " interval ", " escape ",
            " distinct on", " similar to ", " tablesample ", " collate ");

    /** A shape's prepared template, or the verdict that the shape must take the full path. */
    private record Entry(DefaultPreparedQuery template, long catalogVersion) {
        boolean usable() {
            return template != null;
        }
    }

    /** A statement's shape: the template text, the parameter types and the literal values. */
    record Shape(String template, String key, List<DataType> types, List<Object> values) {
    }

    private final Map<String, Entry> shapes = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_SHAPES;
        }
    };

    /**
     * The prepared query for {@code sql} through its shape, with its literals bound; null when
     * {@code sql} must take the full path.
     *
     * @param catalogVersion the catalog's version now; shapes prepared against another are redone
     * @param prepare prepares a text with declared parameter types, without side effects on the
     *     session; throws if the text cannot be prepared
     */
    DefaultPreparedQuery match(String sql, long catalogVersion,
            BiFunction<String, List<DataType>, DefaultPreparedQuery> prepare) {
        Shape shape = shapeOf(sql);
        if (shape == null) {
            return null;
        }
        Entry entry = shapes.get(shape.key());
        if (entry == null || entry.catalogVersion() != catalogVersion) {
            entry = verify(sql, shape, catalogVersion, prepare);
            shapes.put(shape.key(), entry);
        }
        if (!entry.usable()) {
            return null;
        }
        return entry.template().boundTo(new DefaultParsedStatement(sql, 0), shape.values());
    }

    /**
     * Prepares the shape's template, and the literal statement through the full path, recording
     * the plans each compiles; the shape is usable only if they are the same plans.
     */
    private static Entry verify(String sql, Shape shape, long catalogVersion,
            BiFunction<String, List<DataType>, DefaultPreparedQuery> prepare) {
        try {
            Recorded<DefaultPreparedQuery> template = record(() -> prepare.apply(shape.template(), shape.types()));
            Recorded<DefaultPreparedQuery> literal = record(() -> prepare.apply(sql, List.of()));
            boolean same = template.value().catalogVersion() == catalogVersion
                    && template.value().parameterTypes().size() == shape.values().size()
                    && canonical(template.plans()).equals(canonical(literal.plans()))
                    && (!template.plans().isEmpty() || shape.values().isEmpty());
            return new Entry(same ? template.value() : null, catalogVersion);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // the full path reports the error with the statement's own text and positions
            return new Entry(null, catalogVersion);
        }
    }

    private record Recorded<T>(T value, List<String> plans) {
    }

    /**
     * A parameter stored into a column is cast to the column's type (PostgreSQL's 'unknown'), a
     * literal is not; a cast to the type the value already has changes nothing, so
     * {@code CAST(CAST(? AS T) AS T)} compares equal to {@code CAST(? AS T)}.
     */
    private static final Pattern SAME_TYPE_CAST = Pattern.compile("CAST\\(CAST\\(\\? AS ([A-Z0-9_(), ]+?)\\) AS \\1\\)");

    private static List<String> canonical(List<String> plans) {
        List<String> out = new ArrayList<>(plans.size());
        for (String plan : plans) {
            out.add(SAME_TYPE_CAST.matcher(plan).replaceAll("CAST(? AS $1)"));
        }
        return out;
    }

    private static <T> Recorded<T> record(Supplier<T> action) {
        List<String> plans = new ArrayList<>();
        T value = QueryCompiler.recordingPlans(plans, action);
        return new Recorded<>(value, plans);
    }

    /** The statement's shape, or null if it must take the full path. */
    static Shape shapeOf(String sql) {
        if (sql.indexOf('$') >= 0) {
            return null;
        }
        SqlNormalizer.Normalized normalized = SqlNormalizer.normalize(sql);
        String text = normalized.text();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        if (text.indexOf(';') >= 0 || !eligible(text, normalized.literals().isEmpty())) {
            return null;
        }
        List<DataType> types = new ArrayList<>(normalized.literals().size());
        List<Object> values = new ArrayList<>(normalized.literals().size());
        StringBuilder key = new StringBuilder(text).append('|');
        for (SqlNormalizer.Literal literal : normalized.literals()) {
            if (literal.kind() == SqlNormalizer.LiteralKind.STRING) {
                types.add(null);
                values.add(literal.value());
                key.append('s');
            } else if (literal.kind() == SqlNormalizer.LiteralKind.INTEGER) {
                long value;
                try {
                    value = Long.parseLong(literal.value());
                } catch (NumberFormatException e) {
                    return null;
                }
                boolean small = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
                types.add(small ? DataType.INTEGER : DataType.BIGINT);
                values.add(small ? (Object) (int) value : (Object) value);
                key.append(small ? 'i' : 'l');
            } else {
                return null;
            }
        }
        return new Shape(text, key.toString(), types, values);
    }

    private static boolean eligible(String text, boolean noLiterals) {
        if (noLiterals && TRANSACTION_WORDS.contains(text)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (STATEMENT_STARTS.stream().noneMatch(lower::startsWith)) {
            return false;
        }
        return LITERAL_SENSITIVE.stream().noneMatch(lower::contains);
    }
}
