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

    @Test
    void selectUsesSecondaryIndexAndPrimaryKeyRanges() {
        run(session, "CREATE INDEX items_code ON items (code, qty)");
        run(session, "ANALYZE items");
        String plan = explain("SELECT id, note FROM items WHERE code = 'c3'");
        assertTrue(plan.contains("RustyIndexScan") && plan.contains("index=[items_code]"), plan);
        assertEquals(List.of(List.of(3, "n3"), List.of(53, "n53")),
                rows("SELECT id, note FROM items WHERE code = 'c3' AND id < 100 ORDER BY id"));
        String range = explain("SELECT note FROM items WHERE id BETWEEN 10 AND 12");
        assertTrue(range.contains("index=[items_pkey]"), range);
        assertEquals(List.of(List.of("n10"), List.of("n11"), List.of("n12")),
                rows("SELECT note FROM items WHERE id BETWEEN 10 AND 12 ORDER BY 1"));
        String only = explain("SELECT id, qty FROM items WHERE code = 'c4'");
        assertTrue(only.contains("indexOnly=[true]"), only);
        assertEquals(List.of(List.of(4, 4), List.of(54, 5)),
                rows("SELECT id, qty FROM items WHERE code = 'c4' AND id < 100 ORDER BY id"));
        String in = explain("SELECT note FROM items WHERE code IN ('c1', 'c2')");
        assertTrue(in.contains("items_code"), in);
        assertEquals(List.of(List.of(20L)), rows("SELECT count(*) FROM items WHERE code IN ('c1', 'c2', 'c1')"));
        String full = explain("SELECT note FROM items WHERE qty = 3");
        assertTrue(!full.contains("RustyIndexScan"), "qty alone is not a leading index column: " + full);
    }

    @Test
    void scansInKeyOrderNeedNoSortAndSecondaryIndexOrderIsNotTakenForTheKeys() {
        String limit = explain("SELECT id FROM items ORDER BY id LIMIT 3");
        assertTrue(!limit.contains("Sort"), "a table scan returns rows in primary key order: " + limit);
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), rows("SELECT id FROM items ORDER BY id LIMIT 3"));
        String range = explain("SELECT note FROM items WHERE id > 400 ORDER BY id LIMIT 2");
        assertTrue(range.contains("index=[items_pkey]") && !range.contains("Sort"), range);
        assertEquals(List.of(List.of("n401"), List.of("n402")),
                rows("SELECT note FROM items WHERE id > 400 ORDER BY id LIMIT 2"));

        String topN = explain("SELECT id FROM items ORDER BY qty, id LIMIT 3");
        assertTrue(topN.contains("EnumerableLimitSort"), "unsorted input: a bounded heap, " + topN);
        assertEquals(List.of(List.of(7), List.of(14), List.of(21)), rows("SELECT id FROM items ORDER BY qty, id LIMIT 3"));

        run(session, "CREATE INDEX items_code ON items (code)");
        run(session, "ANALYZE items");
        // the index returns c3's rows by code, then id; here it happens to be id order too, but
        // asking for qty order needs a sort, and for code order it does not
        String byQty = explain("SELECT id, qty FROM items WHERE code = 'c3' ORDER BY qty, id");
        assertTrue(byQty.contains("index=[items_code]") && byQty.contains("Sort"), byQty);
        List<List<Object>> sorted = rows("SELECT id, qty FROM items WHERE code IN ('c3', 'c4') ORDER BY qty, id");
        for (int i = 1; i < sorted.size(); i++) {
            List<Object> a = sorted.get(i - 1);
            List<Object> b = sorted.get(i);
            int byQ = Integer.compare((Integer) a.get(1), (Integer) b.get(1));
            assertTrue(byQ < 0 || (byQ == 0 && (Integer) a.get(0) < (Integer) b.get(0)), sorted.toString());
        }
        String byCode = explain("SELECT id FROM items WHERE code BETWEEN 'c1' AND 'c2' ORDER BY code");
        assertTrue(byCode.contains("index=[items_code]") && !byCode.contains("Sort"), byCode);
        List<List<Object>> byId = rows("SELECT id, code FROM items WHERE code BETWEEN 'c1' AND 'c2' ORDER BY id");
        for (int i = 1; i < byId.size(); i++) {
            assertTrue((Integer) byId.get(i - 1).get(0) < (Integer) byId.get(i).get(0), byId.toString());
        }
    }

    @Test
    void updatesMoveIndexEntries() {
        run(session, "CREATE INDEX items_code ON items (code)");
        run(session, "ANALYZE items");
        assertEquals("UPDATE 10", run(session, "UPDATE items SET code = 'moved' WHERE code = 'c9'").tag());
        assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM items WHERE code = 'c9'"));
        assertEquals(List.of(List.of(10L)), rows("SELECT count(*) FROM items WHERE code = 'moved'"));
        run(session, "UPDATE items SET qty = 100 WHERE code = 'moved'");
        assertEquals(List.of(List.of(1000L)), rows("SELECT sum(qty) FROM items WHERE code = 'moved'"));
        run(session, "UPDATE items SET id = id + 1000 WHERE code = 'moved'");
        assertEquals(List.of(List.of(1009, "n9")), rows("SELECT id, note FROM items WHERE code = 'moved' ORDER BY id LIMIT 1"));
        run(session, "TRUNCATE items");
        assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM items WHERE code = 'moved'"));
        run(session, "INSERT INTO items VALUES (1, 'moved', 1, 'again')");
        assertEquals(List.of(List.of("again")), rows("SELECT note FROM items WHERE code = 'moved'"));
    }

    @Test
    void uniqueIndexEnforcedOnInsertUpdateWithNullsDistinct() {
        run(session, "CREATE UNIQUE INDEX items_note ON items (note)");
        RustyDbException e = failure("INSERT INTO items VALUES (1000, 'x', 1, 'n5')");
        assertEquals("23505", e.sqlState());
        assertEquals("duplicate key value violates unique constraint \"items_note\"", e.getMessage());
        assertEquals("Key (note)=(n5) already exists.", e.detail());
        assertEquals("23505", failure("UPDATE items SET note = 'n6' WHERE id = 7").sqlState());
        run(session, "INSERT INTO items VALUES (1001, 'x', 1, NULL), (1002, 'x', 1, NULL)");
        run(session, "UPDATE items SET note = note WHERE id = 8");
        run(session, "DELETE FROM items WHERE id = 5");
        run(session, "INSERT INTO items VALUES (1005, 'x', 1, 'n5')");
        assertEquals(List.of(List.of(1005)), rows("SELECT id FROM items WHERE note = 'n5'"));
    }

    @Test
    void dropColumnDropsItsIndexesAndRenameKeepsThem() {
        run(session, "CREATE INDEX items_code ON items (code)");
        run(session, "CREATE INDEX items_qty ON items (qty)");
        run(session, "ALTER TABLE items RENAME COLUMN code TO kode");
        assertEquals(List.of(List.of(10L)), rows("SELECT count(*) FROM items WHERE kode = 'c3'"));
        run(session, "ALTER TABLE items DROP COLUMN kode");
        assertEquals("42704", failure("DROP INDEX items_code").sqlState());
        assertEquals(List.of(List.of(71L)), rows("SELECT count(*) FROM items WHERE qty = 0"));
        run(session, "DROP INDEX items_qty");
        run(session, "DROP INDEX IF EXISTS items_qty");
        assertEquals("2BP01", failure("DROP INDEX items_pkey").sqlState());
    }

    @Test
    void indexDefinitionSurvivesRestart() {
        run(session, "CREATE UNIQUE INDEX items_note ON items (note DESC)");
        session.close();
        harness.close();
        harness = new SessionHarness(dir);
        session = harness.session();
        assertTrue(explain("SELECT id FROM items WHERE note = 'n1'").contains("items_note"));
        assertEquals("23505", failure("INSERT INTO items VALUES (1000, 'x', 1, 'n5')").sqlState());
        assertEquals("42P07", failure("CREATE INDEX items_note ON items (code)").sqlState());
        run(session, "CREATE INDEX IF NOT EXISTS items_note ON items (code)");
    }

    @Test
    void indexResultsMatchFullScansOverRandomData() {
        java.util.Random random = new java.util.Random(42);
        run(session, "CREATE TABLE r1 (id INT PRIMARY KEY, a INT, b TEXT)");
        run(session, "CREATE TABLE r2 (id INT PRIMARY KEY, a INT, b TEXT)");
        run(session, "CREATE INDEX r1_ab ON r1 (a, b)");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String a = random.nextInt(10) == 0 ? "NULL" : String.valueOf(random.nextInt(40) - 20);
            String b = random.nextInt(10) == 0 ? "NULL" : "'" + (char) ('a' + random.nextInt(5)) + "'";
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(a).append(", ").append(b).append(")");
        }
        run(session, "INSERT INTO r1 VALUES " + values);
        run(session, "INSERT INTO r2 VALUES " + values);
        run(session, "ANALYZE r1");
        String[] ops = {"=", "<", "<=", ">", ">="};
        for (int round = 0; round < 60; round++) {
            String op = ops[random.nextInt(ops.length)];
            int v = random.nextInt(44) - 22;
            String where = switch (round % 4) {
                case 0 -> "a " + op + " " + v;
                case 1 -> "a = " + v + " AND b " + op + " '" + (char) ('a' + random.nextInt(5)) + "'";
                case 2 -> "a BETWEEN " + v + " AND " + (v + random.nextInt(6));
                default -> "a IN (" + v + ", " + (v + 3) + ", " + v + ")";
            };
            String query = " WHERE " + where + " ORDER BY id";
            assertEquals(rows("SELECT id, a, b FROM r2" + query), rows("SELECT id, a, b FROM r1" + query), where);
            if (round % 10 == 3) {
                assertTrue(explain("SELECT id, a, b FROM r1" + query).contains("r1_ab"), where);
            }
            if (round % 3 == 0) {
                String set = " SET a = " + (random.nextInt(40) - 20) + ", b = 'e'";
                String w = " WHERE a " + op + " " + v + " AND id % 3 = 0";
                assertEquals(run(session, "UPDATE r2" + set + w).tag(), run(session, "UPDATE r1" + set + w).tag());
            } else if (round % 3 == 1) {
                String w = " WHERE a = " + v + " AND id % 5 = 0";
                assertEquals(run(session, "DELETE FROM r2" + w).tag(), run(session, "DELETE FROM r1" + w).tag());
            }
        }
        assertEquals(rows("SELECT id, a, b FROM r2 ORDER BY id"), rows("SELECT id, a, b FROM r1 WHERE a IS NOT NULL OR a IS NULL ORDER BY id"));
    }
}
