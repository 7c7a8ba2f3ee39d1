package io.rustydb.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.SqlSession;
import io.rustydb.sql.sysview.SystemView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemViewsAndKillTest {
    @TempDir
    Path dir;

    @Test
    void systemViewsAreQueriedLikeTables() {
        try (SessionHarness h = new SessionHarness(dir)) {
            AtomicInteger scans = new AtomicInteger();
            h.engine.registerSystemViews(() -> List.of(SystemView.of("v$widgets",
                    List.of(new SystemView.Column("name", DataType.TEXT), new SystemView.Column("size", DataType.BIGINT),
                            new SystemView.Column("ratio", DataType.DOUBLE),
                            new SystemView.Column("seen", DataType.TIMESTAMP)),
                    () -> {
                        int n = scans.incrementAndGet();
                        List<Object[]> rows = new ArrayList<>();
                        rows.add(new Object[] {"a", 10L * n, 0.5, 0L});
                        rows.add(new Object[] {"b", 20L * n, null, 86_400_000L});
                        return rows;
                    })));
            SqlSession s = h.session();
            SessionHarness.run(s, "CREATE TABLE owners (widget TEXT PRIMARY KEY, owner TEXT)");
            SessionHarness.run(s, "INSERT INTO owners VALUES ('a', 'ada'), ('b', 'grace')");
            assertEquals(List.of(List.of("a", 10L), List.of("b", 20L)),
                    SessionHarness.run(s, "SELECT name, size FROM v$widgets ORDER BY name").rows());
            assertEquals(List.of(List.of("b", 40L)),
                    SessionHarness.run(s, "SELECT name, size FROM v$widgets WHERE size > 30 ORDER BY name").rows(),
                    "rows are computed again on every scan");
            assertEquals(List.of(List.of("ada", 30L), List.of("grace", 60L)),
                    SessionHarness.run(s, "SELECT o.owner, w.size FROM V$WIDGETS w JOIN owners o ON o.widget = w.name"
                            + " ORDER BY 1").rows());
            assertEquals(List.of(List.of(1L)),
                    SessionHarness.run(s, "SELECT count(*) FROM v$widgets WHERE ratio IS NULL").rows());
            assertEquals("1970-01-02 00:00:00", String.valueOf(SessionHarness.run(s,
                    "SELECT CAST(max(seen) AS TEXT) FROM v$widgets").rows().get(0).get(0)));
            assertEquals(List.of("v$widgets"), h.engine.systemViewNames());
            assertThrows(IllegalArgumentException.class,
                    () -> h.engine.registerSystemViews(() -> List.of(SystemView.of("v$widgets", List.of(), List::of))));
        }
    }

    @Test
    void killSessionGoesThroughTheSessionAdmin() {
        try (SessionHarness h = new SessionHarness(dir)) {
            List<Integer> terminated = new ArrayList<>();
            h.engine.plugSessionAdmin(id -> {
                if (id == 4242) {
                    return false;
                }
                terminated.add(id);
                return true;
            });
            SqlSession s = h.session();
            assertEquals("ALTER SYSTEM", SessionHarness.run(s, "ALTER SYSTEM KILL SESSION '77'").tag());
            assertEquals("ALTER SYSTEM", SessionHarness.run(s, "alter system kill session 'session_78' immediate;").tag());
            assertEquals(List.of(77, 78), terminated);
            assertEquals("42704", assertThrows(RustyDbException.class,
                    () -> SessionHarness.run(s, "ALTER SYSTEM KILL SESSION '4242'")).sqlState());
            int self = ((io.rustydb.sql.exec.SessionControl) s).sessionId();
            assertEquals("55000", assertThrows(RustyDbException.class,
                    () -> SessionHarness.run(s, "ALTER SYSTEM KILL SESSION '" + self + "'")).sqlState());
            assertEquals("22023", assertThrows(RustyDbException.class,
                    () -> SessionHarness.run(s, "ALTER SYSTEM KILL SESSION 'x'")).sqlState());
            assertEquals(List.of(List.of(1)), SessionHarness.run(s, "SELECT 1").rows(), "the session stays usable");
        }
    }
}
