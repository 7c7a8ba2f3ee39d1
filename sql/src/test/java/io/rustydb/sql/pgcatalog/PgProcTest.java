package io.rustydb.sql.pgcatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.SqlSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_proc lists only functions RustyDB has: every row's function, called with NULL arguments of
 * its argument types (integer for polymorphic ones), validates and plans. With
 * {@code -Drustydb.pgproc.candidates=FILE} (the output of pg-proc.py) the test instead rewrites
 * pg_proc.tsv with the candidates that plan.
 */
class PgProcTest {
    private static final Path RESOURCE = Path.of("src/main/resources/io/rustydb/sql/pgcatalog/pg_proc.tsv");

    @TempDir
    Path dir;

    @Test
    void everyListedFunctionPlans() throws Exception {
        String candidates = System.getProperty("rustydb.pgproc.candidates");
        withSession(session -> {
            if (candidates != null) {
                List<String> kept = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(candidates), StandardCharsets.UTF_8)) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    String problem = plans(session, PgProc.parse(line));
                    if (problem == null) {
                        kept.add(line);
                    } else {
                        System.out.println("left out: " + problem.replace('\n', ' '));
                    }
                }
                Files.write(RESOURCE, kept, StandardCharsets.UTF_8);
                return;
            }
            List<String> failures = new ArrayList<>();
            for (PgProc.Builtin f : PgProc.BUILTINS.values()) {
                String problem = plans(session, f);
                if (problem != null) {
                    failures.add(f.oid() + " " + f.name() + "(" + f.identityArguments() + "): " + problem);
                }
            }
            assertEquals(List.of(), failures);
        });
    }

    @Test
    void listsTheCommonBuiltins() {
        List<String> signatures = new ArrayList<>();
        for (PgProc.Builtin f : PgProc.BUILTINS.values()) {
            signatures.add(f.name() + "(" + f.identityArguments() + ")");
        }
        for (String expected : List.of("upper(text)", "count()", "count(\"any\")", "row_number()",
                "pg_size_pretty(bigint)", "pg_size_pretty(numeric)", "pg_table_size(regclass)",
                "pg_get_function_result(oid)", "nextval(regclass)", "abs(integer)")) {
            assertTrue(signatures.contains(expected), expected);
        }
    }

    /**
     * The probe call for a function: {@code SELECT f(CAST(NULL AS t), ...)}; a window function's
     * integer arguments are the literal 1 (ntile and nth_value take constants) and it runs
     * {@code OVER (ORDER BY 1)} (rank requires an order).
     */
    static String probe(PgProc.Builtin f) {
        boolean window = f.kind().equals("w");
        List<String> args = new ArrayList<>();
        for (String type : f.probeTypes()) {
            args.add(window && type.equals("integer") ? "1" : "CAST(NULL AS " + type + ")");
        }
        String name = f.name().matches("[a-z_][a-z0-9_]*") ? f.name() : "\"" + f.name() + "\"";
        String call = name + "(" + (args.isEmpty() && f.kind().equals("a") ? "*" : String.join(", ", args)) + ")";
        return "SELECT " + call + (window ? " OVER (ORDER BY 1)" : "");
    }

    private static String plans(SqlSession session, PgProc.Builtin f) {
        try {
            for (ParsedStatement statement : session.parse(probe(f))) {
                session.prepare(statement, List.of());
            }
            return null;
        } catch (RuntimeException | AssertionError e) {
            return probe(f) + ": " + e.getMessage();
        }
    }

    interface SessionWork {
        void run(SqlSession session) throws Exception;
    }

    private void withSession(SessionWork work) throws Exception {
        StorageEngine storage = StorageEngine.open(
                new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)));
        try (AutoCloseable s = storage::close) {
            SqlEngine engine = SqlEngine.start(storage);
            try (AutoCloseable e = engine::close) {
                SessionState state = new SessionState(1, "rustydb", "rustydb", "127.0.0.1", Instant.now());
                SqlSession session = engine.openSession(state, Map.of(), new SessionListener() {
                });
                try (AutoCloseable c = session::close) {
                    work.run(session);
                }
            }
        }
    }
}
