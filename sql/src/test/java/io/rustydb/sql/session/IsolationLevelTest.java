package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REPEATABLE READ and SERIALIZABLE against READ COMMITTED, with two sessions of one engine. */
class IsolationLevelTest {
    @TempDir
    Path dir;
    SessionHarness harness;
    SqlSession s1;
    SqlSession s2;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        s1 = harness.session();
        s2 = harness.session();
        run(s1, "CREATE TABLE acct (id INT PRIMARY KEY, balance INT)");
        run(s1, "INSERT INTO acct VALUES (1, 100), (2, 100)");
    }

    @AfterEach
    void close() {
        s1.close();
        s2.close();
        harness.close();
    }

    private static Object one(SqlSession s, String sql) {
        return run(s, sql).rows().get(0).get(0);
    }

    private static String sqlState(Runnable r) {
        return assertThrows(RustyDbException.class, r::run).sqlState();
    }

    @Test
    void repeatableReadKeepsItsSnapshot() {
        run(s1, "BEGIN ISOLATION LEVEL REPEATABLE READ");
        assertEquals("repeatable read", one(s1, "SHOW transaction_isolation"));
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s2, "UPDATE acct SET balance = 50 WHERE id = 1");
        run(s2, "INSERT INTO acct VALUES (3, 1)");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        assertEquals(2L, one(s1, "SELECT count(*) FROM acct"));
        run(s1, "COMMIT");
        assertEquals(50, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        assertEquals("read committed", one(s1, "SHOW transaction_isolation"));
    }

    @Test
    void readCommittedSeesEachCommit() {
        run(s1, "BEGIN");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s2, "UPDATE acct SET balance = 50 WHERE id = 1");
        assertEquals(50, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s1, "COMMIT");
    }

    @Test
    void repeatableReadUpdateOfAConcurrentlyChangedRowFails() {
        run(s1, "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s2, "UPDATE acct SET balance = balance + 1 WHERE id = 1");
        RustyDbException e = assertThrows(RustyDbException.class,
                () -> run(s1, "UPDATE acct SET balance = balance + 1 WHERE id = 1"));
        assertEquals("40001", e.sqlState());
        assertEquals("could not serialize access due to concurrent update", e.getMessage());
        run(s1, "ROLLBACK");
        // A row nobody else changed can be updated.
        run(s1, "BEGIN ISOLATION LEVEL REPEATABLE READ");
        assertEquals("UPDATE 1", run(s1, "UPDATE acct SET balance = 7 WHERE id = 2").tag());
        run(s1, "COMMIT");
        assertEquals(101, one(s2, "SELECT balance FROM acct WHERE id = 1"));
        assertEquals(7, one(s2, "SELECT balance FROM acct WHERE id = 2"));
    }

    @Test
    void setTransactionAfterTheFirstQueryFails() {
        run(s1, "BEGIN");
        run(s1, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        assertEquals("serializable", one(s1, "SHOW transaction_isolation"));
        run(s1, "SELECT 1");
        assertEquals("25001", sqlState(() -> run(s1, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")));
        run(s1, "ROLLBACK");
    }

    @Test
    void sessionDefaultApplies() {
        run(s1, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals("repeatable read", one(s1, "SHOW default_transaction_isolation"));
        assertEquals("repeatable read", one(s1, "SHOW transaction_isolation"));
        run(s1, "BEGIN");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s2, "UPDATE acct SET balance = 5 WHERE id = 1");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 1"));
        run(s1, "COMMIT");
        run(s1, "SET default_transaction_isolation = 'read committed'");
        assertEquals("read committed", one(s1, "SHOW transaction_isolation"));
        assertEquals("22023", sqlState(() -> run(s1, "SET default_transaction_isolation = 'snapshot'")));
    }

    @Test
    void serializableReadOfARowChangedAfterTheSnapshotFails() {
        run(s1, "BEGIN ISOLATION LEVEL SERIALIZABLE");
        assertEquals(100, one(s1, "SELECT balance FROM acct WHERE id = 2"));
        run(s2, "UPDATE acct SET balance = 0 WHERE id = 1");
        assertEquals("40001", sqlState(() -> run(s1, "SELECT sum(balance) FROM acct")));
        run(s1, "ROLLBACK");
    }

    @Test
    void serializableReadsBlockWritersUntilCommit() {
        run(s1, "BEGIN ISOLATION LEVEL SERIALIZABLE");
        assertEquals(200L, ((Number) one(s1, "SELECT sum(balance) FROM acct")).longValue());
        run(s2, "SET lock_timeout = '200ms'");
        assertEquals("55P03", sqlState(() -> run(s2, "UPDATE acct SET balance = 0 WHERE id = 1")));
        run(s1, "COMMIT");
        assertEquals("UPDATE 1", run(s2, "UPDATE acct SET balance = 0 WHERE id = 1").tag());
        assertEquals(List.of(List.of(0)), run(s2, "SELECT balance FROM acct WHERE id = 1").rows());
    }
}
