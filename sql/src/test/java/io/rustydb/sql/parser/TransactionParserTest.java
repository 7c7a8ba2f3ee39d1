package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.parser.tx.AccessMode;
import io.rustydb.sql.parser.tx.IsolationLevel;
import io.rustydb.sql.parser.tx.SqlBeginTransaction;
import io.rustydb.sql.parser.tx.SqlCommitTransaction;
import io.rustydb.sql.parser.tx.SqlRollbackTransaction;
import io.rustydb.sql.parser.tx.SqlSetTransaction;
import io.rustydb.sql.parser.tx.TransactionModes;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionParserTest {

    @Test
    void plainBeginHasNoModes() {
        SqlBeginTransaction begin = parse("begin transaction", SqlBeginTransaction.class);
        assertFalse(begin.startTransaction());
        assertTrue(begin.modes().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "READ UNCOMMITTED, READ_UNCOMMITTED",
        "READ COMMITTED, READ_COMMITTED",
        "REPEATABLE READ, REPEATABLE_READ",
        "SERIALIZABLE, SERIALIZABLE",
    })
    void isolationLevels(String sql, IsolationLevel level) {
        assertEquals(level, parse("START TRANSACTION ISOLATION LEVEL " + sql, SqlBeginTransaction.class)
                .modes().isolationLevel());
        assertEquals(level, parse("BEGIN ISOLATION LEVEL " + sql, SqlBeginTransaction.class)
                .modes().isolationLevel());
    }

    @Test
    void modesWithAndWithoutCommas() {
        TransactionModes modes = parse("START TRANSACTION ISOLATION LEVEL SERIALIZABLE READ ONLY, DEFERRABLE",
                SqlBeginTransaction.class).modes();
        assertEquals(new TransactionModes(IsolationLevel.SERIALIZABLE, AccessMode.READ_ONLY, true), modes);
        TransactionModes readWrite = parse("BEGIN READ WRITE", SqlBeginTransaction.class).modes();
        assertEquals(AccessMode.READ_WRITE, readWrite.accessMode());
        assertNull(readWrite.isolationLevel());
    }

    @Test
    void commitAndRollbackSynonyms() {
        for (String sql : new String[] {"COMMIT", "commit work", "COMMIT TRANSACTION", "END", "end work"}) {
            assertEquals(SqlKind.COMMIT, parse(sql, SqlCommitTransaction.class).getKind());
        }
        for (String sql : new String[] {"ROLLBACK", "rollback work", "ROLLBACK TRANSACTION", "ABORT", "abort work"}) {
            assertEquals(SqlKind.ROLLBACK, parse(sql, SqlRollbackTransaction.class).getKind());
        }
    }

    @Test
    void setTransactionAndSessionCharacteristics() {
        SqlSetTransaction tx = parse("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", SqlSetTransaction.class);
        assertFalse(tx.sessionCharacteristics());
        assertEquals(IsolationLevel.REPEATABLE_READ, tx.modes().isolationLevel());
        SqlSetTransaction session = parse("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
                SqlSetTransaction.class);
        assertTrue(session.sessionCharacteristics());
        assertEquals(AccessMode.READ_ONLY, session.modes().accessMode());
    }

    @Test
    void isolationLevelFromSettingValue() {
        assertEquals(IsolationLevel.REPEATABLE_READ, IsolationLevel.fromName("Repeatable  Read"));
        assertEquals(IsolationLevel.READ_COMMITTED, IsolationLevel.fromName("read_committed"));
        assertNull(IsolationLevel.fromName("snapshot"));
    }
}
