package io.rustydb.server.it;

import static io.rustydb.server.it.Sql.assertSqlState;
import static io.rustydb.server.it.Sql.assertUsable;
import static io.rustydb.server.it.Sql.execute;
import static io.rustydb.server.it.Sql.queryLong;
import static io.rustydb.server.it.Sql.queryString;
import static io.rustydb.server.it.Sql.rows;
import static io.rustydb.server.it.Sql.serverError;
import static io.rustydb.server.it.Sql.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** pgjdbc against a real server: types, DML, queries, batches, transactions, errors, settings, limits. */
@ExtendWith(ServerLogOnFailure.class)
class PgJdbcIT {

    /** pgjdbc switches an unnamed statement to a named server-side one after prepareThreshold (5) runs. */
    private static final int EXECUTIONS = 7;
    private static final int BATCH_ROWS = 10_000;
    private static final String SLOW_QUERY =
            "SELECT count(*) FROM big a, big b, big c WHERE a.id + b.id + c.id >= 0";
    /** If cancelling does not work, give up on the slow query's connection well before the 120 s default. */
    private static final String SHORT_SOCKET_TIMEOUT = "socketTimeout=40";

    @TempDir
    static Path tmp;
    static RustyDbProcess server;
    private static final Set<String> FIXTURES = new HashSet<>();

    @BeforeAll
    static void startServer() {
        server = RustyDbProcess.start("pgjdbc", tmp.resolve("data"));
    }

    @AfterAll
    static void stopServer() {
        RustyDbProcess.stopAndClose(server);
    }

    @ParameterizedTest(name = "Statement, {0}")
    @ValueSource(strings = {"preferQueryMode=simple", "preferQueryMode=extended"})
    void statementReadsEveryType(String parameters) throws SQLException {
        fixture("all_types");
        try (Connection c = server.connect(parameters); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + AllTypes.COLUMNS + " FROM all_types ORDER BY id")) {
            AllTypes.assertLiteralRows(rs);
        }
    }

    @ParameterizedTest(name = "PreparedStatement, [{0}]")
    @ValueSource(strings = {"", "binaryTransfer=true&prepareThreshold=1", "prepareThreshold=-1"})
    void preparedStatementReadsEveryType(String parameters) throws SQLException {
        fixture("all_types");
        try (Connection c = server.connect(parameters); PreparedStatement ps = c.prepareStatement(
                "SELECT " + AllTypes.COLUMNS + " FROM all_types WHERE id >= ? AND c_text IS DISTINCT FROM ?"
                        + " ORDER BY id")) {
            for (int run = 1; run <= EXECUTIONS; run++) {
                ps.setInt(1, 1);
                ps.setString(2, "no such text");
                try (ResultSet rs = ps.executeQuery()) {
                    AllTypes.assertLiteralRows(rs);
                }
            }
        }
    }

    @ParameterizedTest(name = "bind parameters, [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1000 | \"\"", "2000 | binaryTransfer=true&prepareThreshold=1", "3000 | prepareThreshold=-1",
        "4000 | preferQueryMode=simple"})
    void preparedStatementBindsEveryType(int firstId, String parameters) throws SQLException {
        fixture("bound_types");
        String insert = "INSERT INTO bound_types (" + AllTypes.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String select = "SELECT " + AllTypes.COLUMNS + " FROM bound_types WHERE id = ?";
        try (Connection c = server.connect(parameters); PreparedStatement in = c.prepareStatement(insert);
                PreparedStatement out = c.prepareStatement(select)) {
            for (int id = firstId; id < firstId + EXECUTIONS; id++) {
                AllTypes.bindRow(in, id);
                assertEquals(1, in.executeUpdate());
            }
            AllTypes.bindNullRow(in, firstId + EXECUTIONS);
            assertEquals(1, in.executeUpdate());
            for (int id = firstId; id < firstId + EXECUTIONS; id++) {
                out.setInt(1, id);
                try (ResultSet rs = out.executeQuery()) {
                    assertTrue(rs.next(), "row " + id);
                    AllTypes.assertBoundRow(rs, id);
                    assertFalse(rs.next());
                }
            }
            out.setInt(1, firstId + EXECUTIONS);
            try (ResultSet rs = out.executeQuery()) {
                assertTrue(rs.next(), "NULL row");
                AllTypes.assertNullRow(rs, firstId + EXECUTIONS);
            }
        }
    }

    @Test
    void updateAndDeleteReturnRowCounts() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE dml_t (id INTEGER PRIMARY KEY, grp INTEGER, v VARCHAR(10))");
            assertEquals(5, update(c, "INSERT INTO dml_t VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'c'),"
                    + " (4, 2, 'd'), (5, 2, 'e')"));
            assertEquals(3, update(c, "UPDATE dml_t SET v = 'x' WHERE grp = 1"));
            assertEquals(0, update(c, "UPDATE dml_t SET v = 'x' WHERE id = 99"));
            assertEquals(2, update(c, "DELETE FROM dml_t WHERE grp = 2"));
            assertEquals(0, update(c, "DELETE FROM dml_t WHERE grp = 2"));
            assertEquals(3, update(c, "UPDATE dml_t SET v = v || 'y'"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE dml_t SET v = ? WHERE id = ?")) {
                for (int run = 0; run < EXECUTIONS; run++) {
                    ps.setString(1, "p" + run);
                    ps.setInt(2, 1 + run % 3);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            try (Statement s = c.createStatement()) {
                assertFalse(s.execute("DELETE FROM dml_t WHERE id = 3"));
                assertEquals(1, s.getUpdateCount());
            }
            assertEquals(List.of("1|1|p6", "2|1|p4"), rows(c, "SELECT id, grp, v FROM dml_t ORDER BY id"));
            assertEquals(2, update(c, "DELETE FROM dml_t"));
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"preferQueryMode=simple", ""})
    void selectFiltersSortsLimitsAndAggregates(String parameters) throws SQLException {
        String table = parameters.isEmpty() ? "emp_ext" : "emp_simple";
        try (Connection c = server.connect(parameters)) {
            execute(c, "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, dept VARCHAR(10) NOT NULL,"
                    + " salary INTEGER, bonus NUMERIC(8,2))");
            update(c, "INSERT INTO " + table + " VALUES (1, 'eng', 100, 10.50), (2, 'eng', 200, NULL),"
                    + " (3, 'ops', 150, 5.25), (4, 'ops', 50, 0), (5, 'sales', 300, 20.00), (6, 'sales', NULL, 1)");
            String from = " FROM " + table;
            assertEquals(List.of("2", "3", "5"), rows(c, "SELECT id" + from + " WHERE salary > 100 ORDER BY id"));
            assertEquals(List.of("2"), rows(c, "SELECT id" + from + " WHERE dept = 'eng' AND salary >= 200"));
            assertEquals(List.of("6"), rows(c, "SELECT id" + from + " WHERE salary IS NULL"));
            assertEquals(List.of("4", "1", "3", "2", "5", "6"), rows(c, "SELECT id" + from + " ORDER BY salary, id"),
                    "NULLs sort last ascending");
            assertEquals(List.of("6", "5", "2", "3", "1", "4"), rows(c, "SELECT id" + from + " ORDER BY salary DESC"),
                    "NULLs sort first descending");
            assertEquals(List.of("1", "2"), rows(c, "SELECT id" + from + " ORDER BY id LIMIT 2"));
            assertEquals(List.of("4", "5"), rows(c, "SELECT id" + from + " ORDER BY id LIMIT 2 OFFSET 3"));
            assertEquals(List.of("6|5|800|50|300"),
                    rows(c, "SELECT count(*), count(salary), sum(salary), min(salary), max(salary)" + from));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT avg(salary), avg(bonus)"
                    + from)) {
                assertTrue(rs.next());
                assertEquals(0, new BigDecimal("160").compareTo(rs.getBigDecimal(1)), "avg(salary)");
                assertEquals(0, new BigDecimal("7.35").compareTo(rs.getBigDecimal(2)), "avg(bonus)");
            }
            assertEquals(List.of("eng|2|300|10.50", "ops|2|200|5.25", "sales|2|300|20.00"),
                    rows(c, "SELECT dept, count(*), sum(salary), max(bonus)" + from + " GROUP BY dept ORDER BY dept"));
            assertEquals(List.of("sales|300", "eng|300"), rows(c, "SELECT dept, sum(salary)" + from
                    + " GROUP BY dept HAVING sum(salary) > 250 ORDER BY dept DESC"));
            assertEquals(List.of("0|"), rows(c, "SELECT count(*), sum(salary)" + from + " WHERE id < 0"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id" + from + " WHERE dept = ? ORDER BY id LIMIT ?")) {
                ps.setString(1, "sales");
                ps.setInt(2, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(List.of("5"), rows(rs));
                }
            }
        }
    }

    @Test
    void batchInsertsTenThousandRowsInOneTransaction() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE batch_t (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                    + " amount NUMERIC(12,2), created TIMESTAMP)");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO batch_t (id, name, amount, created) VALUES (?, ?, ?, ?)")) {
                for (int id = 1; id <= BATCH_ROWS; id++) {
                    ps.setInt(1, id);
                    ps.setString(2, "name-" + id);
                    ps.setBigDecimal(3, BigDecimal.valueOf(id, 2));
                    ps.setTimestamp(4, new Timestamp(1_700_000_000_000L + id * 1000L));
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(String.format(Locale.ROOT, "BATCH_INSERT rows=%d seconds=%.3f rows_per_s=%.0f",
                    BATCH_ROWS, seconds, BATCH_ROWS / seconds));
            int[] ones = new int[BATCH_ROWS];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, counts, "one row per batch entry");
        }
        try (Connection other = server.connect()) {
            assertEquals(BATCH_ROWS, queryLong(other, "SELECT count(*) FROM batch_t"));
            assertEquals((long) BATCH_ROWS * (BATCH_ROWS + 1) / 2, queryLong(other, "SELECT sum(id) FROM batch_t"));
            assertEquals("name-4242|42.42", rows(other, "SELECT name, amount FROM batch_t WHERE id = 4242").get(0));
        }
    }

    @Test
    void committedChangesBecomeVisibleToOtherConnectionsAtCommit() throws SQLException {
        try (Connection writer = server.connect(); Connection reader = server.connect()) {
            execute(writer, "CREATE TABLE tx_commit (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            execute(writer, "INSERT INTO tx_commit VALUES (1, 'old')");
            writer.setAutoCommit(false);
            update(writer, "INSERT INTO tx_commit VALUES (2, 'new')");
            update(writer, "UPDATE tx_commit SET v = 'changed' WHERE id = 1");
            assertEquals(List.of("1|changed", "2|new"), rows(writer, "SELECT * FROM tx_commit ORDER BY id"),
                    "a transaction sees its own changes");
            assertEquals(List.of("1|old"), rows(reader, "SELECT * FROM tx_commit ORDER BY id"),
                    "uncommitted changes are invisible");
            writer.commit();
            assertEquals(List.of("1|changed", "2|new"), rows(reader, "SELECT * FROM tx_commit ORDER BY id"));
        }
    }

    @Test
    void rolledBackChangesAreInvisible() throws SQLException {
        try (Connection writer = server.connect(); Connection reader = server.connect()) {
            execute(writer, "CREATE TABLE tx_rollback (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            execute(writer, "INSERT INTO tx_rollback VALUES (1, 'kept')");
            writer.setAutoCommit(false);
            update(writer, "INSERT INTO tx_rollback VALUES (2, 'gone')");
            update(writer, "DELETE FROM tx_rollback WHERE id = 1");
            writer.rollback();
            assertEquals(List.of("1|kept"), rows(writer, "SELECT * FROM tx_rollback ORDER BY id"));
            assertEquals(List.of("1|kept"), rows(reader, "SELECT * FROM tx_rollback ORDER BY id"));
        }
    }

    @Test
    void uncommittedRowsAreInvisibleAndDiscardedWhenTheSessionEnds() throws SQLException {
        try (Connection reader = server.connect()) {
            execute(reader, "CREATE TABLE tx_open (id INTEGER PRIMARY KEY)");
            try (Connection writer = server.connect()) {
                writer.setAutoCommit(false);
                assertEquals(3, update(writer, "INSERT INTO tx_open VALUES (1), (2), (3)"));
                assertEquals(3, queryLong(writer, "SELECT count(*) FROM tx_open"));
                assertEquals(0, queryLong(reader, "SELECT count(*) FROM tx_open"));
                assertSqlState("23505", () -> update(reader, "INSERT INTO tx_open VALUES (4), (4)"));
                assertEquals(0, queryLong(reader, "SELECT count(*) FROM tx_open"));
            }
            assertEquals(0, queryLong(reader, "SELECT count(*) FROM tx_open"), "closing without commit rolls back");
        }
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SELEC 1 | 42601",
        "SELECT * FROM nope | 42P01",
        "SELECT nope FROM err_t | 42703",
        "INSERT INTO err_t (id, int_col) VALUES (1, 2) | 23505",
        "INSERT INTO err_t (id, nn) VALUES (2, NULL) | 23502",
        "INSERT INTO err_t (id) VALUES (NULL) | 23502",
        "INSERT INTO err_t(int_col) VALUES ('abc') | 22P02",
        "INSERT INTO err_t(id) VALUES (true) | 42804",
        "SELECT 1/0 | 22012"})
    void errorsCarryTheirSqlStateAndLeaveTheConnectionUsable(String sql, String sqlState) throws SQLException {
        fixture("err_t");
        for (String parameters : List.of("", "preferQueryMode=simple")) {
            try (Connection c = server.connect(parameters)) {
                assertSqlState(sqlState, c, sql);
                assertUsable(c);
                assertSqlState(sqlState, c, sql);
                assertUsable(c);
            }
        }
        try (Connection c = server.connect()) {
            assertEquals(List.of("1|1|x"), rows(c, "SELECT * FROM err_t"), "failed statements changed nothing");
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "preferQueryMode=simple"})
    void syntaxErrorsPointAtTheOffendingToken(String parameters) throws SQLException {
        fixture("err_t");
        try (Connection c = server.connect(parameters)) {
            assertEquals(1, serverError(assertSqlState("42601", c, "SELEC 1")).getPosition());
            assertUsable(c);
            String wher = "SELECT * FROM err_t AS e WHER id = 1";
            assertEquals(wher.indexOf("WHER") + 1, serverError(assertSqlState("42601", c, wher)).getPosition());
            assertUsable(c);
            // Without AS, WHER is read as the table alias, so PostgreSQL reports the next token.
            String alias = "SELECT * FROM err_t WHER id";
            assertEquals(alias.indexOf(" id") + 2, serverError(assertSqlState("42601", c, alias)).getPosition());
            assertUsable(c);
        }
    }

    @Test
    void failedTransactionRejectsEverythingUntilRollback() throws SQLException {
        try (Connection c = server.connect(); Connection other = server.connect()) {
            execute(c, "CREATE TABLE tx_abort (id INTEGER PRIMARY KEY)");
            c.setAutoCommit(false);
            update(c, "INSERT INTO tx_abort VALUES (1)");
            assertSqlState("22012", c, "SELECT 1/0");
            assertSqlState("25P02", c, "SELECT 1");
            assertSqlState("25P02", c, "INSERT INTO tx_abort VALUES (2)");
            assertSqlState("25P02", c, "SELECT count(*) FROM tx_abort");
            c.rollback();
            assertUsable(c);
            assertEquals(0, queryLong(c, "SELECT count(*) FROM tx_abort"));
            assertEquals(0, queryLong(other, "SELECT count(*) FROM tx_abort"), "nothing of it was committed");
        }
    }

    @Test
    void ddlIfExistsAndIfNotExists() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE ddl_a (id INTEGER)");
            execute(c, "CREATE TABLE ddl_b (id INTEGER)");
            execute(c, "DROP TABLE IF EXISTS ddl_a, ddl_b");
            assertSqlState("42P01", c, "SELECT * FROM ddl_a");
            assertSqlState("42P01", c, "SELECT * FROM ddl_b");
            execute(c, "DROP TABLE IF EXISTS ddl_a, ddl_b");
            assertSqlState("42P01", c, "DROP TABLE ddl_a");

            execute(c, "CREATE TABLE ddl_c (id INTEGER PRIMARY KEY)");
            execute(c, "INSERT INTO ddl_c VALUES (1)");
            execute(c, "CREATE TABLE IF NOT EXISTS ddl_c (other TEXT)");
            assertSqlState("42P07", c, "CREATE TABLE ddl_c (other TEXT)");
            assertEquals(List.of("1"), rows(c, "SELECT id FROM ddl_c"), "the existing table is unchanged");
        }
    }

    @Test
    void startupParametersAreApplied() throws SQLException {
        try (Connection c = server.connect("ApplicationName=it-startup")) {
            assertEquals("it-startup", queryString(c, "SHOW application_name"));
            assertEquals("UTF8", queryString(c, "SHOW client_encoding"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SET application_name = 'rustydb_it' | application_name | rustydb_it",
        "SET statement_timeout = '5s' | statement_timeout | 5s",
        "SET search_path = public | search_path | public",
        "SET DateStyle = 'ISO, DMY' | DateStyle | ISO, DMY",
        "SET TimeZone = 'UTC' | TimeZone | UTC",
        "SET extra_float_digits = 2 | extra_float_digits | 2"})
    void setAndShow(String set, String name, String expected) throws SQLException {
        for (String parameters : List.of("", "preferQueryMode=simple")) {
            try (Connection c = server.connect(parameters)) {
                execute(c, set);
                assertEquals(expected, queryString(c, "SHOW " + name), parameters);
                assertUsable(c);
            }
        }
    }

    @Test
    void cancelStopsALongQuery() throws Exception {
        fixture("big");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection c = server.connect(SHORT_SOCKET_TIMEOUT); Statement s = c.createStatement()) {
            Future<Long> query = executor.submit(() -> runSlowQuery(s));
            Thread.sleep(1500);
            if (query.isDone()) {
                fail("the query finished before it could be cancelled: " + outcome(query));
            }
            s.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> query.get(15, TimeUnit.SECONDS));
            SQLException cause = assertInstanceOf(SQLException.class, e.getCause());
            assertEquals("57014", cause.getSQLState(), cause.getMessage());
            assertUsable(c);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void statementTimeoutStopsALongQuery() throws Exception {
        fixture("big");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection c = server.connect(SHORT_SOCKET_TIMEOUT); Statement s = c.createStatement()) {
            execute(c, "SET statement_timeout = '1s'");
            Future<Long> query = executor.submit(() -> runSlowQuery(s));
            ExecutionException e = assertThrows(ExecutionException.class, () -> query.get(20, TimeUnit.SECONDS));
            SQLException cause = assertInstanceOf(SQLException.class, e.getCause());
            assertEquals("57014", cause.getSQLState(), cause.getMessage());
            execute(c, "SET statement_timeout = 0");
            assertUsable(c);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void maxConnectionsRefusesTheFourthWith53300(@TempDir Path dir) throws Exception {
        try (RustyDbProcess small = RustyDbProcess.start("max-connections", dir.resolve("data"),
                "rustydb.server.max_connections=3", "rustydb.server.admission_timeout=0s")) {
            List<Connection> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(small.connect());
                    assertUsable(open.get(i));
                }
                assertSqlState("53300", () -> small.connect().close());
                open.remove(0).close();
                open.add(connectWhenASlotFrees(small));
                assertUsable(open.get(2));
                assertSqlState("53300", () -> small.connect().close());
            } finally {
                for (Connection c : open) {
                    c.close();
                }
            }
            small.stop();
        }
    }

    /** The server frees a slot once it has seen the client go; give it a moment. */
    private static Connection connectWhenASlotFrees(RustyDbProcess server) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return server.connect();
            } catch (SQLException e) {
                if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                RustyDbProcess.sleep(100);
            }
        }
    }

    private static String outcome(Future<Long> query) throws InterruptedException {
        try {
            return "count " + query.get();
        } catch (ExecutionException e) {
            return e.getCause().toString();
        }
    }

    private static long runSlowQuery(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(SLOW_QUERY)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /**
     * Creates a shared table on first use, so that a failing fixture fails only the tests using it.
     * {@code big} has 2,000 rows: a triple cross join of it is 8 billion rows, far longer than any test waits.
     */
    private static synchronized void fixture(String table) throws SQLException {
        if (FIXTURES.contains(table)) {
            return;
        }
        try (Connection c = server.connect()) {
            switch (table) {
                case "all_types" -> {
                    execute(c, AllTypes.ddl("all_types"));
                    for (String insert : AllTypes.LITERAL_INSERTS) {
                        assertEquals(1, update(c, String.format(insert, "all_types")), insert);
                    }
                }
                case "bound_types" -> execute(c, AllTypes.ddl("bound_types"));
                case "err_t" -> {
                    execute(c, "CREATE TABLE err_t (id INTEGER PRIMARY KEY, int_col INTEGER,"
                            + " nn VARCHAR(10) NOT NULL DEFAULT 'x')");
                    execute(c, "INSERT INTO err_t (id, int_col) VALUES (1, 1)");
                }
                case "big" -> {
                    execute(c, "CREATE TABLE big (id INTEGER PRIMARY KEY)");
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO big VALUES (?)")) {
                        for (int id = 1; id <= 2000; id++) {
                            ps.setInt(1, id);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
                default -> throw new IllegalArgumentException(table);
            }
        }
        FIXTURES.add(table);
    }
}
