package io.rustydb.sql.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import org.junit.jupiter.api.Test;

class KillSessionStatementTest {

    @Test
    void recognizesOracleSyntax() {
        assertEquals(new KillSessionStatement("1001", false),
                KillSessionStatement.recognize("ALTER SYSTEM KILL SESSION '1001'").orElseThrow());
        assertEquals(new KillSessionStatement("session_7", true),
                KillSessionStatement.recognize("  alter system\n kill  session 'session_7' immediate ; ").orElseThrow());
        assertFalse(KillSessionStatement.recognize("ALTER SYSTEM KILL SESSION 1001").isPresent());
        assertFalse(KillSessionStatement.recognize("SELECT 'ALTER SYSTEM KILL SESSION ''1'''").isPresent());
        assertFalse(KillSessionStatement.recognize("ALTER SYSTEM KILL SESSION '1'; SELECT 1").isPresent());
    }

    @Test
    void sessionIds() {
        assertEquals(1001, SessionIds.parse("1001"));
        assertEquals(1001, SessionIds.parse("session_1001"));
        assertEquals(1001, SessionIds.parse(" 1001 "));
        assertEquals("0A000", assertThrows(RustyDbException.class, () -> SessionIds.parse("1001,17")).sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class, () -> SessionIds.parse("abc")).sqlState());
        assertEquals("22023", assertThrows(RustyDbException.class, () -> SessionIds.parse("99999999999")).sqlState());
        assertTrue(SessionIds.format(5).equals("session_5"));
    }
}
