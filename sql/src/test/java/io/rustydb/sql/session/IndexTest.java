package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/DROP INDEX, index maintenance on every write path, and the planner's use of indexes. */
class IndexTest {
    @TempDir
    Path dir;
    SessionHarness harness;
    SqlSession session;

    @BeforeEach
    void open() {
        harness = new SessionHarness(dir);
        session = harness.session();
        run(session, "CREATE TABLE items (id INT PRIMARY KEY, code TEXT, qty INT, note TEXT)");
        StringBuilder values = new StringBuilder();
        for (int g = 1; g <= 500; g++) {
            values.append(g == 1 ? "" : ", ").append("(").append(g).append(", 'c").append(g % 50).append("', ")
                    .append(g % 7).append(", 'n").append(g).append("')");
        }
        run(session, "INSERT INTO items VALUES " + values);
    }

    @AfterEach
    void close() {
        session.close();
        harness.close();
    }

    private RustyDbException failure(String sql) {
        return assertThrows(RustyDbException.class, () -> run(session, sql));
    }

    private String explain(String sql) {
        return run(session, "EXPLAIN " + sql).rows().stream().map(r -> (String) r.get(0))
                .collect(Collectors.joining("\n"));
    }

    private List<List<Object>> rows(String sql) {
        return run(session, sql).rows();
    }

    @Test
    void indexBuiltOverExistingRowsAndUsedByDelete() {
        run(session, "CREATE INDEX items_code ON items (code)");
        run(session, "ANALYZE items");
        String plan = explain("DELETE FROM items WHERE code = 'c7'");
        assertTrue(plan.contains("items_code"), plan);
        assertEquals("DELETE 10", run(session, "DELETE FROM items WHERE code = 'c7'").tag());
        assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM items WHERE code = 'c7'"));
        assertEquals(List.of(List.of(490L)), rows("SELECT count(*) FROM items"));
    }

    @Test
    void uniqueIndexOverDuplicatesFailsAndLeavesNothing() {
        RustyDbException e = failure("CREATE UNIQUE INDEX items_code_u ON items (code)");
        assertEquals("23505", e.sqlState());
        assertEquals("could not create unique index \"items_code_u\"", e.getMessage());
        assertTrue(e.detail().matches("Key \\(code\\)=\\(c\\d+\\) is duplicated\\."), e.detail());
        assertEquals("42704", failure("DROP INDEX items_code_u").sqlState());
        run(session, "CREATE UNIQUE INDEX items_code_u ON items (note)");
    }
}
