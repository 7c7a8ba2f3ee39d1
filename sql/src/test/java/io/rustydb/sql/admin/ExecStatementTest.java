package io.rustydb.sql.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecStatementTest {

    @Test
    void namedAndPositionalLiterals() {
        ExecStatement s = ExecStatement.recognize("  exec Create_Baseline(name => 'it''s', start_snapshot_id => 10,\n"
                + " end_snapshot_id=>-2, ratio => 1.5, flag => TRUE, d => null);").orElseThrow();
        assertEquals("create_baseline", s.procedure());
        assertEquals(List.of(new ExecStatement.Argument("name", "it's"),
                new ExecStatement.Argument("start_snapshot_id", 10L), new ExecStatement.Argument("end_snapshot_id", -2L),
                new ExecStatement.Argument("ratio", new BigDecimal("1.5")), new ExecStatement.Argument("flag", true),
                new ExecStatement.Argument("d", null)), s.arguments());
        assertEquals(List.of(new ExecStatement.Argument(null, "a"), new ExecStatement.Argument(null, 2L)),
                ExecStatement.recognize("EXEC p('a', 2)").orElseThrow().arguments());
        assertEquals(List.of(), ExecStatement.recognize("EXEC capture_snapshot()").orElseThrow().arguments());
    }

    @Test
    void otherStatementsAreNotRecognised() {
        // PostgreSQL's EXECUTE of a prepared statement is left to the grammar
        for (String sql : Arrays.asList("EXECUTE stmt", "EXECUTE stmt (1, 2)", "SELECT 1", "exec", "EXEC p")) {
            assertTrue(ExecStatement.recognize(sql).isEmpty(), sql);
        }
    }

    @Test
    void badArgumentsAreSyntaxErrors() {
        for (String sql : List.of("EXEC p(name => 'Monthly_' || TO_CHAR(NOW(), 'YYYY'))", "EXEC p('open",
                "EXEC p(1 2)", "EXEC p(1) extra", "EXEC p(x => )")) {
            RustyDbException e = assertThrows(RustyDbException.class, () -> ExecStatement.recognize(sql), sql);
            assertEquals("42601", e.sqlState(), sql);
        }
    }
}
