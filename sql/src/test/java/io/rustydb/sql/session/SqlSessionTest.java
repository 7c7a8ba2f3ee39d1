package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.execute;
import static io.rustydb.sql.session.SessionHarness.prepare;
import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.TransactionStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSessionTest {
    @TempDir
    Path dir;
    SessionHarness harness;
    SqlSession session;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        session = harness.session();
        run(session, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner VARCHAR(10) NOT NULL, "
                + "balance NUMERIC(12,2) DEFAULT 0, active BOOLEAN)");
    }

    @AfterEach
    void close() {
        session.close();
        harness.close();
    }

    private static String sqlState(Runnable r) {
        return assertThrows(RustyDbException.class, r::run).sqlState();
    }

    @Test
    void insertUpdateDeleteSelect() {
        assertEquals("INSERT 0 3", run(session,
                "INSERT INTO accounts VALUES (1, 'ada', 100.5, true), (2, 'grace', 20, false), (3, 'linus', -3, null)").tag());
        assertEquals("UPDATE 1", run(session, "UPDATE accounts SET balance = balance + 10 WHERE id = 2").tag());
        assertEquals("DELETE 1", run(session, "DELETE FROM accounts WHERE owner = 'linus'").tag());
        var result = run(session, "SELECT id, owner, balance FROM accounts ORDER BY id");
        assertEquals("SELECT 2", result.tag());
        assertEquals(List.of(1, "ada", new BigDecimal("100.50")), result.rows().get(0));
        assertEquals(List.of(2, "grace", new BigDecimal("30.00")), result.rows().get(1));
    }

    @Test
    void defaultsAndColumnLists() {
        run(session, "INSERT INTO accounts (id, owner) VALUES (7, 'x')");
        assertEquals(List.of(List.of(new BigDecimal("0.00"))), run(session, "SELECT balance FROM accounts").rows());
    }

    @Test
    void aggregatesAndGrouping() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 10, true), (2, 'b', 20, true), (3, 'c', 30, false)");
        var r = run(session, "SELECT active, count(*), sum(balance), min(id), max(id) FROM accounts GROUP BY active ORDER BY active");
        assertEquals(2, r.rows().size());
        assertEquals(List.of(false, 1L, new BigDecimal("30.00"), 3, 3), r.rows().get(0));
        var avg = run(session, "SELECT avg(id) FROM accounts").rows().get(0).get(0);
        assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) avg));
    }

    @Test
    void untypedStringsTakeTheColumnType() {
        run(session, "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT, tag CHAR(3), d DATE)");
        run(session, "INSERT INTO notes VALUES (1, 'first', 'a', '2024-02-29')");
        assertEquals("UPDATE 1", run(session, "UPDATE notes SET body = 'second note', tag = 'bc' WHERE id = '1'").tag());
        assertEquals(List.of(List.of("second note", "bc ")), run(session, "SELECT body, tag FROM notes").rows());
        assertEquals(List.of(List.of(1)), run(session, "SELECT id FROM notes WHERE d = '2024-02-29'").rows());
        assertEquals("22007", sqlState(() -> run(session, "UPDATE notes SET d = 'not a date'")));
    }

    @Test
    void unconstrainedNumericCastKeepsTheScale() {
        assertEquals(List.of(List.of(new BigDecimal("-98765432.10"))),
                run(session, "SELECT '-98765432.10'::numeric").rows());
        run(session, "INSERT INTO accounts (id, owner, balance) VALUES (('5'::int4), 'x', ('-12.5'::numeric))");
        assertEquals(List.of(List.of(new BigDecimal("-12.50"))), run(session, "SELECT balance FROM accounts").rows());
    }

    @Test
    void nowIsTheStatementTimestamp() {
        var row = run(session, "SELECT now(), CURRENT_TIMESTAMP").rows().get(0);
        long now = (Long) row.get(0);
        assertTrue(Math.abs(now - System.currentTimeMillis()) < 60_000, "now() = " + now);
        assertEquals(row.get(0), row.get(1));
    }

    @Test
    void joinsAndHaving() {
        run(session, "CREATE TABLE orders (id INT PRIMARY KEY, account_id INT, amount NUMERIC(8,2))");
        run(session, "INSERT INTO accounts VALUES (1, 'a', 0, true), (2, 'b', 0, true), (3, 'c', 0, true)");
        run(session, "INSERT INTO orders VALUES (10, 1, 5), (11, 1, 7.5), (12, 2, 1)");
        var r = run(session, "SELECT a.owner, count(o.id) AS n, sum(o.amount) AS total FROM accounts a "
                + "LEFT JOIN orders o ON o.account_id = a.id GROUP BY a.owner HAVING count(o.id) > 0 ORDER BY a.owner");
        assertEquals(List.of(List.of("a", 2L, new BigDecimal("12.50")), List.of("b", 1L, new BigDecimal("1.00"))),
                r.rows());
    }

    @Test
    void limitAndOffset() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true), (2, 'b', 2, true), (3, 'c', 3, true)");
        var r = run(session, "SELECT id FROM accounts ORDER BY id DESC LIMIT 2 OFFSET 1");
        assertEquals(List.of(List.of(2), List.of(1)), r.rows());
    }

    @Test
    void errorsCarrySqlStates() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true)");
        assertEquals("42601", sqlState(() -> run(session, "SELEC 1")));
        assertEquals("42P01", sqlState(() -> run(session, "SELECT * FROM nope")));
        assertEquals("42703", sqlState(() -> run(session, "SELECT nope FROM accounts")));
        assertEquals("23505", sqlState(() -> run(session, "INSERT INTO accounts VALUES (1, 'b', 1, true)")));
        assertEquals("23502", sqlState(() -> run(session, "INSERT INTO accounts (id) VALUES (5)")));
        assertEquals("22P02", sqlState(() -> run(session, "INSERT INTO accounts (id, owner) VALUES ('abc', 'x')")));
        assertEquals("42804", sqlState(() -> run(session, "INSERT INTO accounts (id, owner) VALUES (true, 'x')")));
        assertEquals("22012", sqlState(() -> run(session, "SELECT 1/0")));
        assertEquals("22001", sqlState(() -> run(session, "INSERT INTO accounts (id, owner) VALUES (9, 'abcdefghijklmnop')")));
        assertEquals(List.of(List.of(1L)), run(session, "SELECT count(*) FROM accounts").rows());
    }

    @Test
    void syntaxErrorPositionIsCharacterOffset() {
        RustyDbException e = assertThrows(RustyDbException.class, () -> run(session, "SELECT * FROM accounts WHER id = 1"));
        assertEquals("42601", e.sqlState());
        assertEquals(29, e.position());
        RustyDbException table = assertThrows(RustyDbException.class, () -> run(session, "SELECT 1;\nSELECT * FROM nope"));
        assertEquals("42P01", table.sqlState());
        assertEquals(25, table.position());
    }

    @Test
    void failedTransactionRejectsUntilRollback() {
        run(session, "BEGIN");
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true)");
        assertThrows(RustyDbException.class, () -> run(session, "SELECT 1/0"));
        assertEquals(TransactionStatus.FAILED, session.transactionStatus());
        assertEquals("25P02", sqlState(() -> run(session, "SELECT 1")));
        assertEquals("ROLLBACK", run(session, "COMMIT").tag());
        assertEquals(TransactionStatus.IDLE, session.transactionStatus());
        assertEquals(List.of(List.of(0L)), run(session, "SELECT count(*) FROM accounts").rows());
    }

    @Test
    void transactionsIsolateUncommittedWrites() {
        SqlSession other = harness.session();
        run(session, "BEGIN");
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true)");
        assertEquals(TransactionStatus.IN_TRANSACTION, session.transactionStatus());
        assertEquals(List.of(List.of(1L)), run(session, "SELECT count(*) FROM accounts").rows());
        assertEquals(List.of(List.of(0L)), run(other, "SELECT count(*) FROM accounts").rows());
        run(session, "COMMIT");
        assertEquals(List.of(List.of(1L)), run(other, "SELECT count(*) FROM accounts").rows());
        run(session, "BEGIN; DELETE FROM accounts; ROLLBACK");
        assertEquals(List.of(List.of(1L)), run(other, "SELECT count(*) FROM accounts").rows());
        other.close();
    }

    @Test
    void preparedStatementsWithParameters() {
        PreparedQuery insert = prepare(session, "INSERT INTO accounts (id, owner, balance) VALUES ($1, $2, $3)");
        assertEquals(List.of(DataType.INTEGER, DataType.VARCHAR, DataType.NUMERIC), insert.parameterTypes());
        for (int i = 1; i <= 50; i++) {
            execute(session, insert, List.of(i, "o" + i, new BigDecimal(i)));
        }
        PreparedQuery select = prepare(session, "SELECT owner FROM accounts WHERE id = $1");
        assertEquals(List.of(DataType.INTEGER), select.parameterTypes());
        assertEquals(List.of(List.of("o42")), execute(session, select, List.of(42)).rows());
        PreparedQuery update = prepare(session, "UPDATE accounts SET balance = balance * $1 WHERE id > $2", DataType.INTEGER);
        assertEquals("UPDATE 10", execute(session, update, List.of(2, 40)).tag());
    }

    @Test
    void deleteUsingWithParametersDeletesEachRowOnceAndReturnsFromTheJoin() {
        run(session, "INSERT INTO accounts VALUES (1, 'ada', 1, true), (2, 'grace', 2, true), (3, 'linus', 3, true)");
        run(session, "CREATE TABLE flags (owner VARCHAR(10), why TEXT)");
        run(session, "INSERT INTO flags VALUES ('ada', 'x'), ('ada', 'y'), ('linus', 'z'), ('nobody', 'w')");
        PreparedQuery delete = prepare(session, "DELETE FROM accounts a USING flags f WHERE f.owner = a.owner"
                + " AND a.balance >= $1 RETURNING a.id, f.owner AS flagged");
        assertEquals(List.of(DataType.NUMERIC), delete.parameterTypes());
        assertEquals(List.of("id", "flagged"), delete.resultColumns().stream().map(c -> c.name()).toList());
        SessionHarness.Result result = execute(session, delete, List.of(new BigDecimal("1")));
        assertEquals("DELETE 2", result.tag());
        assertEquals(List.of(1, "ada"), result.rows().get(0));
        assertEquals(List.of(3, "linus"), result.rows().get(1));
        assertEquals("DELETE 0", run(session, "DELETE FROM accounts USING flags WHERE flags.owner = accounts.owner").tag());
        assertEquals(List.of(List.of(2)), run(session, "SELECT id FROM accounts").rows());
    }

    @Test
    void primaryKeyPointSelects() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 10, true), (2, 'b', 20, false)");
        assertEquals(List.of(List.of("b", new BigDecimal("20.00"))),
                run(session, "SELECT owner, balance FROM accounts WHERE id = 2").rows());
        assertEquals(List.of(), run(session, "SELECT owner FROM accounts WHERE id = 3").rows());
        assertEquals(List.of(), run(session, "SELECT owner FROM accounts WHERE id = 2 AND active").rows());
        assertEquals(List.of(List.of(2, "b", new BigDecimal("20.00"), false)),
                run(session, "SELECT * FROM accounts a WHERE a.id = 2").rows());
        assertEquals(List.of(List.of(0L)), run(session, "SELECT count(*) FROM accounts WHERE id = 3").rows());
        PreparedQuery byId = prepare(session, "SELECT balance + 1 AS upcoming FROM accounts WHERE id = $1");
        assertEquals("upcoming", byId.resultColumns().get(0).name());
        assertEquals(List.of(List.of(new BigDecimal("11.00"))), execute(session, byId, List.of(1)).rows());
    }

    @Test
    void explainShowsTheChosenPlan() {
        var point = run(session, "EXPLAIN SELECT owner FROM accounts WHERE id = 1");
        assertEquals("EXPLAIN", point.tag());
        assertEquals(List.of(List.of("Point Lookup on accounts using accounts_pkey (rows=1)")), point.rows());
        var scan = run(session, "EXPLAIN SELECT owner, count(*) FROM accounts GROUP BY owner ORDER BY owner");
        String plan = scan.rows().toString();
        assertTrue(plan.contains("EnumerableTableScan") && plan.contains("rowcount") && plan.contains("cumulative cost"), plan);
        assertTrue(run(session, "EXPLAIN UPDATE accounts SET balance = 0 WHERE id = 3").rows().toString()
                .contains("Point Lookup"));
        String analyzed = run(session, "EXPLAIN ANALYZE SELECT 1").rows().toString();
        assertTrue(analyzed.contains("actual rows=1") && analyzed.contains("Execution Time"), analyzed);
    }

    @Test
    void returningListsTheWrittenRows() {
        var inserted = run(session, "INSERT INTO accounts (id, owner) VALUES (1, 'a'), (2, 'b') RETURNING id, balance");
        assertEquals("INSERT 0 2", inserted.tag());
        assertEquals(List.of(List.of(1, new BigDecimal("0.00")), List.of(2, new BigDecimal("0.00"))), inserted.rows());
        var updated = run(session, "UPDATE accounts a SET balance = balance + 5 WHERE a.id = 2 RETURNING a.owner, balance * 2 AS doubled");
        assertEquals("UPDATE 1", updated.tag());
        assertEquals(List.of(List.of("b", new BigDecimal("10.00"))), updated.rows());
        var deleted = run(session, "DELETE FROM accounts WHERE id = 1 RETURNING *");
        assertEquals("DELETE 1", deleted.tag());
        assertEquals(1, deleted.rows().size());
        assertEquals(List.of(List.of(1L)), run(session, "SELECT count(*) FROM accounts").rows());
    }

    @Test
    void selectForUpdateLocksTheRows() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true), (2, 'b', 2, false)");
        SqlSession other = harness.session();
        run(session, "BEGIN");
        assertEquals(List.of(List.of("a")), run(session, "SELECT owner FROM accounts WHERE active FOR UPDATE").rows());
        run(other, "BEGIN");
        assertEquals("55P03", sqlState(() -> run(other, "SELECT * FROM accounts WHERE id = 1 FOR UPDATE NOWAIT")));
        run(other, "ROLLBACK");
        assertEquals(List.of(List.of("b")), run(other, "SELECT owner FROM accounts WHERE id = 2 FOR SHARE").rows());
        run(session, "COMMIT");
        assertEquals("0A000", sqlState(() -> run(session, "SELECT * FROM accounts ORDER BY id FOR UPDATE")));
        other.close();
    }

    @Test
    void viewsExpandWhereverTheyAreQueried() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 10, true), (2, 'b', 20, false), (3, 'c', 30, true)");
        assertEquals("CREATE VIEW", run(session, "CREATE VIEW rich (who, amount) AS SELECT owner, balance FROM accounts WHERE balance > 15").tag());
        run(session, "CREATE VIEW richest AS SELECT who FROM rich WHERE amount > 25");
        assertEquals(List.of(List.of("b"), List.of("c")), run(session, "SELECT who FROM rich ORDER BY who").rows());
        assertEquals(List.of(List.of("c", true)), run(session,
                "SELECT r.who, a.active FROM richest r JOIN accounts a ON a.owner = r.who").rows());
        assertEquals("42P07", sqlState(() -> run(session, "CREATE VIEW rich AS SELECT 1")));
        run(session, "CREATE OR REPLACE VIEW rich (who, amount) AS SELECT owner, balance FROM accounts");
        assertEquals(List.of(List.of(3L)), run(session, "SELECT count(*) FROM rich").rows());
        assertEquals("0A000", sqlState(() -> run(session, "INSERT INTO rich VALUES ('x', 1)")));
        run(session, "DROP VIEW richest, rich");
        assertEquals("42P01", sqlState(() -> run(session, "SELECT * FROM rich")));
    }

    @Test
    void sameShapeSharesOnePlan() {
        run(session, "SELECT id FROM accounts WHERE id = 1");
        int plans = harness.engine.cachedPlans();
        run(session, "SELECT id FROM accounts WHERE id = 2");
        assertEquals(plans, harness.engine.cachedPlans());
    }

    @Test
    void setAndShow() {
        run(session, "SET application_name = 'psql-test'");
        assertEquals(List.of(List.of("psql-test")), run(session, "SHOW application_name").rows());
        assertEquals("psql-test", session.state().applicationName());
        run(session, "SET statement_timeout TO '5s'");
        assertEquals(List.of(List.of("5s")), run(session, "SHOW statement_timeout").rows());
        assertEquals("42704", sqlState(() -> run(session, "SHOW no_such_setting")));
    }

    @Test
    void dropWaitsForTheTransactionsThatWroteTheTable() throws Exception {
        SqlSession writer = harness.session();
        run(writer, "BEGIN");
        run(writer, "INSERT INTO accounts VALUES (1, 'a', 1, true)");
        var dropped = new java.util.concurrent.CompletableFuture<String>();
        Thread ddl = new Thread(() -> {
            try {
                dropped.complete(run(session, "DROP TABLE accounts").tag());
            } catch (RuntimeException e) {
                dropped.completeExceptionally(e);
            }
        });
        ddl.start();
        Thread.sleep(300);
        assertTrue(!dropped.isDone(), "DROP must wait for the open writer");
        run(writer, "COMMIT");
        assertEquals("DROP TABLE", dropped.get(10, java.util.concurrent.TimeUnit.SECONDS));
        ddl.join();
        writer.close();
    }

    private static String copyIn(SqlSession session, String sql, String... chunks) {
        PreparedQuery copy = session.prepare(sql, List.of());
        try (var portal = session.bind(copy, List.of())) {
            var load = session.beginCopyIn(portal);
            for (String chunk : chunks) {
                load.data(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return load.finish();
        }
    }

    @Test
    void aLargeCopyInATransactionIsNotHeldInTheTransactionAndRollsBack() {
        int rows = 60_000;
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            data.append(i).append("\towner").append(i % 1000).append('\n');
        }
        SqlSession other = harness.session();
        try {
            for (String end : List.of("ROLLBACK", "COMMIT")) {
                run(session, "BEGIN");
                assertEquals("COPY " + rows, copyIn(session, "COPY accounts (id, owner) FROM STDIN", data.toString()));
                long staged = ((DefaultSqlSession) session).transaction().stagedWrites();
                assertTrue(staged <= io.rustydb.sql.exec.TableLoader.BULK_AFTER_ROWS,
                        "rows after the first " + io.rustydb.sql.exec.TableLoader.BULK_AFTER_ROWS
                                + " are not staged in the transaction: " + staged);
                assertEquals(List.of((long) rows), run(session, "SELECT count(*) FROM accounts").rows().get(0));
                assertEquals(List.of("owner999"),
                        run(session, "SELECT owner FROM accounts WHERE id = 59999").rows().get(0));
                // another session waits for the load (here: up to its lock_timeout)
                run(other, "SET lock_timeout = 200");
                assertEquals("55P03", sqlState(() -> run(other, "SELECT count(*) FROM accounts")));
                assertEquals("55006", sqlState(() -> run(session, "TRUNCATE accounts")));
                run(session, "ROLLBACK");
                run(session, "BEGIN");
                assertEquals("COPY " + rows, copyIn(session, "COPY accounts (id, owner) FROM STDIN", data.toString()));
                run(session, end);
                long expected = end.equals("COMMIT") ? rows : 0;
                assertEquals(List.of(expected), run(other, "SELECT count(*) FROM accounts").rows().get(0), end);
            }
            // the committed table is no longer empty: a further COPY stays in its transaction
            run(session, "BEGIN");
            StringBuilder more = new StringBuilder();
            for (int i = rows + 1; i <= rows + 20_000; i++) {
                more.append(i).append("\tlate\n");
            }
            assertEquals("COPY 20000", copyIn(session, "COPY accounts (id, owner) FROM STDIN", more.toString()));
            assertEquals(20_000, ((DefaultSqlSession) session).transaction().stagedWrites());
            run(session, "COMMIT");
            assertEquals(List.of((long) rows + 20_000), run(other, "SELECT count(*) FROM accounts").rows().get(0));
        } finally {
            other.close();
        }
    }

    @Test
    void copyFromStdinLoadsRowsWithDefaults() {
        assertEquals("COPY 3", copyIn(session, "COPY accounts (id, owner) FROM STDIN WITH (FREEZE ON)",
                "1\tada\n2\tgr", "ace\n3\tlin\\tus\n\\.\n"));
        assertEquals(List.of(List.of("lin\tus")), run(session, "SELECT owner FROM accounts WHERE id = 3").rows());
        assertEquals(List.of(List.of(3L, new BigDecimal("0.00"))),
                run(session, "SELECT count(*), sum(balance) FROM accounts").rows());
        assertEquals("COPY 1", copyIn(session, "COPY accounts FROM STDIN (FORMAT csv, HEADER true)",
                "id,owner,balance,active\n4,\"d, e\",1.5,t\n"));
        assertEquals(List.of(List.of("d, e")), run(session, "SELECT owner FROM accounts WHERE id = 4").rows());
    }

    private static List<String> copyOut(SqlSession session, String sql) {
        PreparedQuery copy = session.prepare(sql, List.of());
        List<String> lines = new java.util.ArrayList<>();
        try (var portal = session.bind(copy, List.of())) {
            String tag = session.copyOut(portal, line -> lines.add(new String(line, java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("COPY 2", tag);
        }
        return lines;
    }

    @Test
    void copyToStdoutInTextAndCsv() {
        run(session, "INSERT INTO accounts VALUES (1, 'a\tb', 1.5, true), (2, 'x,\"y\"', NULL, NULL)");
        assertEquals(List.of("1\ta\\tb\t1.50\tt\n", "2\tx,\"y\"\t\\N\t\\N\n"),
                copyOut(session, "COPY accounts TO STDOUT"));
        assertEquals(List.of("id,owner\n", "1,a\tb\n", "2,\"x,\"\"y\"\"\"\n"),
                copyOut(session, "COPY (SELECT id, owner FROM accounts ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)"));
    }

    @Test
    void aFailedCopyLeavesNothingBehind() {
        RustyDbException e = assertThrows(RustyDbException.class,
                () -> copyIn(session, "COPY accounts (id, owner) FROM STDIN", "1\ta\nx\tb\n"));
        assertEquals("22P02", e.sqlState());
        assertTrue(e.detail().contains("line 2, column id"), e.detail());
        assertEquals(List.of(List.of(0L)), run(session, "SELECT count(*) FROM accounts").rows());
    }

    @Test
    void truncateVacuumAnalyze() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true), (2, 'b', 2, true)");
        run(session, "BEGIN");
        assertEquals("TRUNCATE TABLE", run(session, "TRUNCATE TABLE accounts").tag());
        run(session, "INSERT INTO accounts VALUES (1, 'again', 1, true)");
        run(session, "COMMIT");
        assertEquals(List.of(List.of("again")), run(session, "SELECT owner FROM accounts").rows());
        assertEquals("VACUUM", run(session, "VACUUM ANALYZE accounts").tag());
        assertEquals("ANALYZE", run(session, "ANALYZE").tag());
    }

    @Test
    void alterTableAddPrimaryKeyAndColumns() {
        run(session, "CREATE TABLE branches (bid INT NOT NULL, bbalance INT, filler CHAR(8))");
        run(session, "INSERT INTO branches VALUES (2, 20, NULL), (1, 10, NULL)");
        assertEquals("ALTER TABLE", run(session, "ALTER TABLE branches ADD PRIMARY KEY (bid)").tag());
        assertEquals("23505", sqlState(() -> run(session, "INSERT INTO branches VALUES (1, 0, NULL)")));
        assertEquals("42P16", sqlState(() -> run(session, "ALTER TABLE branches ADD PRIMARY KEY (bbalance)")));
        run(session, "ALTER TABLE branches ADD COLUMN note TEXT");
        run(session, "ALTER TABLE branches ADD COLUMN tier INT NOT NULL DEFAULT 7");
        run(session, "ALTER TABLE branches DROP COLUMN filler");
        run(session, "ALTER TABLE branches RENAME COLUMN bbalance TO balance");
        run(session, "ALTER TABLE branches RENAME TO branch");
        assertEquals(List.of(java.util.Arrays.asList(1, 10, null, 7), java.util.Arrays.asList(2, 20, null, 7)),
                run(session, "SELECT bid, balance, note, tier FROM branch ORDER BY bid").rows());
        run(session, "CREATE TABLE dup (k INT)");
        run(session, "INSERT INTO dup VALUES (1), (1)");
        RustyDbException e = assertThrows(RustyDbException.class, () -> run(session, "ALTER TABLE dup ADD PRIMARY KEY (k)"));
        assertEquals("23505", e.sqlState());
        assertEquals(List.of(List.of(2L)), run(session, "SELECT count(*) FROM dup").rows());
    }

    @Test
    void dropTableIfExists() {
        run(session, "CREATE TABLE t2 (a INT)");
        run(session, "INSERT INTO t2 VALUES (1), (1)");
        assertEquals(List.of(List.of(2L)), run(session, "SELECT count(*) FROM t2").rows());
        run(session, "DROP TABLE IF EXISTS t2, t3");
        assertEquals("42P01", sqlState(() -> run(session, "SELECT * FROM t2")));
        assertTrue(harness.notices.stream().anyMatch(n -> n.contains("t3")));
    }

    @Test
    void catalogAndRowsSurviveReopen() {
        run(session, "INSERT INTO accounts VALUES (1, 'a', 1, true)");
        run(session, "CREATE VIEW owners AS SELECT owner FROM accounts");
        session.close();
        harness.close();
        harness = new SessionHarness(dir);
        session = harness.session();
        assertEquals(List.of(List.of(1, "a")), run(session, "SELECT id, owner FROM accounts").rows());
        assertEquals(List.of(List.of("a")), run(session, "SELECT * FROM owners").rows());
        run(session, "DROP TABLE accounts");
        session.close();
        harness.close();
        harness = new SessionHarness(dir);
        session = harness.session();
        run(session, "CREATE TABLE fresh (id INT PRIMARY KEY)");
        assertEquals(List.of(List.of(0L)), run(session, "SELECT count(*) FROM fresh").rows(),
                "a table created after a restart never gets the key range of a dropped one");
    }
}
