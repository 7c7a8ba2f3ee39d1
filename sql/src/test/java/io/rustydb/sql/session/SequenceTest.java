package io.rustydb.sql.session;

import static io.rustydb.sql.session.SessionHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequences: non-transactional values, durability across reopening the storage, concurrent sessions. */
class SequenceTest {
    @TempDir
    Path dir;

    private static long next(SqlSession s, String seq) {
        return ((Number) run(s, "SELECT nextval('" + seq + "')").rows().get(0).get(0)).longValue();
    }

    private static String sqlState(Runnable r) {
        return assertThrows(RustyDbException.class, r::run).sqlState();
    }

    @Test
    void nextvalIsNotRolledBack() {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            run(s, "CREATE SEQUENCE s");
            assertEquals("55000", sqlState(() -> run(s, "SELECT currval('s')")));
            run(s, "BEGIN");
            assertEquals(1, next(s, "s"));
            assertEquals(2, next(s, "s"));
            run(s, "ROLLBACK");
            assertEquals(3, next(s, "s"));
            assertEquals(3L, run(s, "SELECT currval('s')").rows().get(0).get(0));
            assertEquals(3L, run(s, "SELECT lastval()").rows().get(0).get(0));
            SqlSession other = h.session();
            assertEquals("55000", sqlState(() -> run(other, "SELECT currval('s')")));
            assertEquals("55000", sqlState(() -> run(other, "SELECT lastval()")));
            assertEquals(4, next(other, "s"));
            assertEquals(3L, run(s, "SELECT currval('s')").rows().get(0).get(0));
        }
    }

    @Test
    void valuesAreNeverHandedOutTwiceAfterReopening() {
        Set<Long> seen = new HashSet<>();
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            run(s, "CREATE SEQUENCE s CACHE 5");
            run(s, "CREATE SEQUENCE d INCREMENT BY -2 MINVALUE -1000");
            for (int i = 0; i < 40; i++) {
                assertTrue(seen.add(next(s, "s")));
            }
            assertEquals(-1, next(s, "d"));
        }
        long last = 0;
        for (int round = 0; round < 3; round++) {
            // Reopened without a clean shutdown of the sequence state (nothing is flushed on close).
            try (SessionHarness h = new SessionHarness(dir)) {
                SqlSession s = h.session();
                for (int i = 0; i < 7; i++) {
                    long v = next(s, "s");
                    assertTrue(seen.add(v), "value " + v + " handed out twice");
                    assertTrue(v > last);
                    last = v;
                }
                assertTrue(next(s, "d") < -1);
            }
        }
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            run(s, "SELECT setval('s', 1000)");
            run(s, "ALTER SEQUENCE d RESTART WITH -500");
        }
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            assertEquals(1001, next(s, "s"));
            assertEquals(-500, next(s, "d"));
        }
    }

    @Test
    void alteredParametersSurviveReopeningAndValuesContinue() {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            run(s, "CREATE SEQUENCE s CACHE 50");
            assertEquals(1, next(s, "s"));
            assertEquals(2, next(s, "s"));
            // values logged ahead under CACHE 50 / INCREMENT 1 are dropped, the state stays
            run(s, "ALTER SEQUENCE s INCREMENT BY 100 MAXVALUE 100000 CYCLE CACHE 1");
            assertEquals(102, next(s, "s"));
        }
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            // past every value that may have been handed out (values are logged ahead), by 100s
            long v = next(s, "s");
            assertTrue(v > 102 && (v - 2) % 100 == 0, "continues by 100: " + v);
            assertEquals(List.of(List.of(100L, 100000L, true)), run(s,
                    "SELECT increment_by, max_value, cycle FROM pg_sequences WHERE sequencename = 's'").rows());
        }
    }

    @Test
    void concurrentSessionsNeverGetTheSameValue() throws Exception {
        try (SessionHarness h = new SessionHarness(dir)) {
            run(h.session(), "CREATE SEQUENCE s");
            int sessions = 4;
            int perSession = 500;
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < sessions; t++) {
                SqlSession s = h.session();
                results.add(pool.submit(() -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 0; i < perSession; i++) {
                        values.add(next(s, "s"));
                    }
                    return values;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get());
            }
            pool.shutdown();
            assertEquals(sessions * perSession, all.size());
            assertEquals(1L, all.stream().min(Long::compare).orElseThrow());
            assertEquals((long) sessions * perSession, all.stream().max(Long::compare).orElseThrow());
        }
    }

    @Test
    void limitsAndErrors() {
        try (SessionHarness h = new SessionHarness(dir)) {
            SqlSession s = h.session();
            run(s, "CREATE SEQUENCE small AS smallint MAXVALUE 3");
            run(s, "CREATE SEQUENCE c MINVALUE 1 MAXVALUE 2 CYCLE");
            assertEquals(1, next(s, "small"));
            assertEquals(2, next(s, "small"));
            assertEquals(3, next(s, "small"));
            assertEquals("2200H", sqlState(() -> next(s, "small")));
            assertEquals(List.of(1L, 2L, 1L, 2L), List.of(next(s, "c"), next(s, "c"), next(s, "c"), next(s, "c")));
            assertEquals("42P01", sqlState(() -> next(s, "missing")));
            run(s, "CREATE TABLE t (a INT)");
            assertEquals("42809", sqlState(() -> next(s, "t")));
            assertEquals("42P07", sqlState(() -> run(s, "CREATE SEQUENCE t")));
            assertEquals("42P07", sqlState(() -> run(s, "CREATE TABLE c (a INT)")));
            assertEquals("22003", sqlState(() -> run(s, "SELECT setval('small', 4)")));
            assertEquals("42P01", sqlState(() -> run(s, "DROP SEQUENCE missing")));
            run(s, "DROP SEQUENCE IF EXISTS missing, c");
            assertEquals("42P01", sqlState(() -> next(s, "c")));
        }
    }
}
