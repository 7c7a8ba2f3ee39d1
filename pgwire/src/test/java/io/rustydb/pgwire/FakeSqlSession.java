package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.SessionState;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.CopyDescription;
import io.rustydb.sql.CopyIn;
import io.rustydb.sql.CopySink;
import io.rustydb.sql.ExecutionResult;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.RowSink;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.TransactionStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny scripted SQL session for protocol tests. It understands: {@code SELECT * FROM items
 * [WHERE id = $1]}, {@code SELECT <int>}, {@code SELECT $1, $2, ...} (echoes its parameters),
 * {@code GENERATE <n>} (n int rows), BEGIN/COMMIT/ROLLBACK, INSERT, {@code SET application_name
 * = 'x'}, {@code NOTICE}, {@code BOOM} (an unexpected exception), {@code SLEEP} (runs until
 * cancelled), the empty query, and COPY: {@code COPY <table> FROM STDIN [CSV]} (a {@link
 * FakeCopyIn}), {@code COPY items TO STDOUT} (the lines of {@link #COPY_OUT_LINES}), {@code COPY
 * gen<n> TO STDOUT} (n lines), {@code COPY broken TO STDOUT} (one line, then 22012) and {@code
 * COPY missing TO STDOUT} (42P01 before any row); anything else is a syntax error.
 */
final class FakeSqlSession implements SqlSession {
    static final int ITEMS_OID = 16384;
    static final List<ResultColumn> ITEMS = List.of(
            new ResultColumn("id", ColumnType.of(DataType.INTEGER), ITEMS_OID, 1),
            new ResultColumn("name", ColumnType.of(DataType.VARCHAR, 20), ITEMS_OID, 2),
            new ResultColumn("price", new ColumnType(DataType.NUMERIC, 10, 2), ITEMS_OID, 3),
            new ResultColumn("created", ColumnType.of(DataType.TIMESTAMP), ITEMS_OID, 4),
            new ResultColumn("active", ColumnType.of(DataType.BOOLEAN), ITEMS_OID, 5),
            new ResultColumn("day", ColumnType.of(DataType.DATE), ITEMS_OID, 6),
            new ResultColumn("ratio", ColumnType.of(DataType.DOUBLE), ITEMS_OID, 7));
    static final List<Object[]> ITEM_ROWS = List.of(
            new Object[] {1, "apple", new BigDecimal("1.50"), millis("2024-01-02T03:04:05.5"), true,
                (int) LocalDate.parse("2024-01-02").toEpochDay(), 0.1},
            new Object[] {2, "pear", new BigDecimal("0.99"), millis("2024-02-29T23:59:59"), false,
                (int) LocalDate.parse("2024-02-29").toEpochDay(), 1e20},
            new Object[] {3, null, null, null, null, null, null});
    private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");
    private static final Pattern COPY = Pattern.compile("COPY (\\w+) (FROM STDIN|TO STDOUT)( CSV)?");
    /** What {@code COPY items TO STDOUT} sends, one CopyData each. */
    static final List<String> COPY_OUT_LINES = List.of("1\tapple\t1.50\n", "2\tpear\t0.99\n", "3\t\\N\t\\N\n");

    private final SessionState state;
    private final SessionListener listener;
    private TransactionStatus status = TransactionStatus.IDLE;
    private volatile boolean cancelled;
    volatile boolean closed;
    /** The last COPY FROM STDIN begun, for tests to look at. */
    volatile FakeCopyIn lastCopyIn;

    FakeSqlSession(SessionState state, SessionListener listener) {
        this.state = state;
        this.listener = listener;
    }

    static long millis(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public List<ParsedStatement> parse(String sql) {
        List<ParsedStatement> out = new ArrayList<>();
        for (String part : sql.split(";")) {
            String text = part.strip();
            if (text.toUpperCase(Locale.ROOT).startsWith("SYNTAX")) {
                throw new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"SYNTAX\"")
                        .withPosition(sql.indexOf(text) + 1);
            }
            if (!text.isEmpty()) {
                out.add(() -> text);
            }
        }
        return out;
    }

    @Override
    public PreparedQuery prepare(ParsedStatement statement, List<DataType> declaredParameterTypes) {
        return prepare(statement.text(), declaredParameterTypes);
    }

    @Override
    public PreparedQuery prepare(String sql, List<DataType> declared) {
        String text = sql.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new Query(text, List.of(), List.of());
        }
        if (status == TransactionStatus.FAILED && !upper.equals("ROLLBACK") && !upper.equals("COMMIT")) {
            throw new RustyDbException(ErrorCode.IN_FAILED_SQL_TRANSACTION);
        }
        Matcher copy = COPY.matcher(upper);
        if (copy.matches()) {
            return new Query(text, List.of(), List.of(),
                    new CopyDescription(copy.group(2).startsWith("FROM"), copy.group(3) != null, 3));
        }
        if (upper.equals("SELECT * FROM ITEMS")) {
            return new Query(text, List.of(), ITEMS);
        }
        if (upper.equals("SELECT * FROM ITEMS WHERE ID = $1")) {
            return new Query(text, List.of(DataType.INTEGER), ITEMS);
        }
        if (upper.matches("SELECT -?\\d+") || upper.matches("GENERATE \\d+")) {
            return new Query(text, List.of(), List.of(new ResultColumn("?column?", ColumnType.of(DataType.INTEGER), 0, 0)));
        }
        if (upper.startsWith("SELECT $")) {
            List<DataType> types = new ArrayList<>();
            List<ResultColumn> columns = new ArrayList<>();
            Matcher m = PARAM.matcher(text);
            while (m.find()) {
                int i = Integer.parseInt(m.group(1)) - 1;
                DataType t = i < declared.size() && declared.get(i) != null ? declared.get(i) : DataType.TEXT;
                types.add(t);
                columns.add(new ResultColumn("?column?", ColumnType.of(t), 0, 0));
            }
            return new Query(text, types, columns);
        }
        if (upper.matches("BEGIN|COMMIT|ROLLBACK|INSERT.*|SET .*|NOTICE|BOOM|SLEEP")) {
            return new Query(text, List.of(), List.of());
        }
        throw new RustyDbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + text.split(" ")[0] + "\"")
                .withPosition(1);
    }

    @Override
    public Portal bind(PreparedQuery query, List<Object> parameters) {
        Query q = (Query) query;
        if (parameters.size() != q.parameterTypes().size()) {
            throw new IllegalStateException("wrong parameter count");
        }
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p != null && !q.parameterTypes().get(i).javaClass().isInstance(p)) {
                throw new IllegalStateException("parameter " + (i + 1) + " is a " + p.getClass());
            }
        }
        return new FakePortal(q, parameters);
    }

    @Override
    public ExecutionResult execute(Portal portal, long maxRows, RowSink sink) {
        FakePortal p = (FakePortal) portal;
        String upper = p.query.sql().toUpperCase(Locale.ROOT);
        if (status == TransactionStatus.FAILED && !upper.equals("ROLLBACK") && !upper.equals("COMMIT")) {
            throw new RustyDbException(ErrorCode.IN_FAILED_SQL_TRANSACTION);
        }
        try {
            return run(p, upper, maxRows, sink);
        } catch (RuntimeException e) {
            if (status == TransactionStatus.IN_TRANSACTION) {
                status = TransactionStatus.FAILED;
            }
            throw e;
        } finally {
            cancelled = false;
        }
    }

    private ExecutionResult run(FakePortal p, String upper, long maxRows, RowSink sink) {
        switch (upper.split(" ")[0]) {
            case "BEGIN":
                if (status != TransactionStatus.IDLE) {
                    listener.notice("WARNING", "25001", "there is already a transaction in progress");
                }
                status = TransactionStatus.IN_TRANSACTION;
                return ExecutionResult.completed("BEGIN");
            case "COMMIT":
            case "ROLLBACK":
                String tag = status == TransactionStatus.FAILED ? "ROLLBACK" : upper;
                status = TransactionStatus.IDLE;
                return ExecutionResult.completed(tag);
            case "INSERT":
                return ExecutionResult.completed("INSERT 0 1");
            case "SET":
                Matcher m = Pattern.compile("'(.*)'").matcher(p.query.sql());
                listener.parameterStatus("application_name", m.find() ? m.group(1) : "");
                return ExecutionResult.completed("SET");
            case "NOTICE":
                listener.notice("NOTICE", "00000", "just so you know");
                return ExecutionResult.completed("DO");
            case "BOOM":
                throw new IllegalStateException("boom");
            case "SLEEP":
                long until = System.currentTimeMillis() + 30_000;
                while (!cancelled && System.currentTimeMillis() < until) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                throw new RustyDbException(ErrorCode.QUERY_CANCELED);
            default:
                return rows(p, upper, maxRows, sink);
        }
    }

    private ExecutionResult rows(FakePortal p, String upper, long maxRows, RowSink sink) {
        List<Object[]> rows;
        if (upper.startsWith("SELECT * FROM ITEMS")) {
            rows = new ArrayList<>();
            for (Object[] r : ITEM_ROWS) {
                if (p.parameters.isEmpty() || r[0].equals(p.parameters.get(0))) {
                    rows.add(r);
                }
            }
        } else if (upper.startsWith("GENERATE")) {
            int n = Integer.parseInt(upper.substring(9).strip());
            rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {i});
            }
        } else if (upper.startsWith("SELECT $")) {
            rows = List.<Object[]>of(p.parameters.toArray());
        } else {
            rows = List.<Object[]>of(new Object[] {Integer.parseInt(upper.substring(7).strip())});
        }
        long sent = 0;
        while (p.position < rows.size()) {
            if (maxRows > 0 && sent == maxRows) {
                return ExecutionResult.suspendedResult();
            }
            if (cancelled) {
                throw new RustyDbException(ErrorCode.QUERY_CANCELED);
            }
            sink.accept(rows.get(p.position++));
            sent++;
        }
        return ExecutionResult.completed("SELECT " + p.position);
    }

    @Override
    public CopyIn beginCopyIn(Portal portal) {
        FakePortal p = (FakePortal) portal;
        if (p.query.copy() == null || !p.query.copy().fromClient()) {
            throw new IllegalStateException("not a COPY FROM STDIN: " + p.query.sql());
        }
        FakeCopyIn copy = new FakeCopyIn(this::failTransaction);
        lastCopyIn = copy;
        return copy;
    }

    @Override
    public String copyOut(Portal portal, CopySink sink) {
        FakePortal p = (FakePortal) portal;
        if (p.query.copy() == null || p.query.copy().fromClient()) {
            throw new IllegalStateException("not a COPY TO STDOUT: " + p.query.sql());
        }
        String table = p.query.sql().split(" ")[1].toLowerCase(Locale.ROOT);
        try {
            List<String> lines;
            if (table.equals("missing")) {
                throw new RustyDbException(ErrorCode.UNDEFINED_TABLE, table);
            } else if (table.startsWith("gen")) {
                int n = Integer.parseInt(table.substring(3));
                lines = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    lines.add(i + "\trow " + i + "\t\\N\n");
                }
            } else {
                lines = COPY_OUT_LINES;
            }
            for (String line : lines) {
                sink.row(line.getBytes(StandardCharsets.UTF_8));
                if (table.equals("broken")) {
                    throw new RustyDbException(ErrorCode.DIVISION_BY_ZERO);
                }
            }
            return "COPY " + lines.size();
        } catch (RuntimeException e) {
            failTransaction();
            throw e;
        }
    }

    private void failTransaction() {
        if (status == TransactionStatus.IN_TRANSACTION) {
            status = TransactionStatus.FAILED;
        }
    }

    @Override
    public TransactionStatus transactionStatus() {
        return status;
    }

    @Override
    public Map<String, String> reportedParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("server_version", "15.0 (RustyDB test)");
        m.put("server_encoding", "UTF8");
        m.put("client_encoding", "UTF8");
        m.put("DateStyle", "ISO, MDY");
        m.put("TimeZone", "UTC");
        m.put("integer_datetimes", "on");
        m.put("standard_conforming_strings", "on");
        m.put("application_name", state.applicationName() == null ? "" : state.applicationName());
        return m;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    record Query(String sql, List<DataType> parameterTypes, List<ResultColumn> resultColumns, CopyDescription copy)
            implements PreparedQuery {
        Query(String sql, List<DataType> parameterTypes, List<ResultColumn> resultColumns) {
            this(sql, parameterTypes, resultColumns, null);
        }

        @Override
        public String sqlId() {
            return "fake" + Math.abs(sql.hashCode());
        }

        @Override
        public boolean isEmpty() {
            return sql.isEmpty();
        }
    }

    static final class FakePortal implements Portal {
        final Query query;
        final List<Object> parameters;
        int position;
        boolean closed;

        FakePortal(Query query, List<Object> parameters) {
            this.query = query;
            this.parameters = parameters;
        }

        @Override
        public PreparedQuery query() {
            return query;
        }

        @Override
        public List<ResultColumn> resultColumns() {
            return query.resultColumns();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static SessionState newState(int id, String user, String database) {
        return new SessionState(id, user, database, "127.0.0.1", Instant.now());
    }
}
