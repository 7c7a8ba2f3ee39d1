package io.rustydb.sql.session;

import io.rustydb.common.session.SessionState;
import io.rustydb.common.types.DataType;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.ExecutionResult;
import io.rustydb.sql.ParsedStatement;
import io.rustydb.sql.Portal;
import io.rustydb.sql.PreparedQuery;
import io.rustydb.sql.SessionListener;
import io.rustydb.sql.SqlEngine;
import io.rustydb.sql.SqlSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real storage engine and SQL engine in a temporary directory, with sessions to drive them. */
final class SessionHarness implements AutoCloseable {
    final StorageEngine storage;
    final SqlEngine engine;
    final List<String> notices = new ArrayList<>();
    private int nextSession = 1;

    SessionHarness(Path dir) {
        this(dir, null);
    }

    /** An engine whose executions {@code statements} (given the storage) measures; null for none. */
    SessionHarness(Path dir, java.util.function.Function<StorageEngine, io.rustydb.sql.stats.StatementMonitor> statements) {
        storage = StorageEngine.open(new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)));
        engine = statements == null ? SqlEngine.start(storage)
                : SqlEngine.start(storage, io.rustydb.monitoring.QueryMetrics.DISABLED, statements.apply(storage));
    }

    SqlSession session() {
        SessionState state = new SessionState(nextSession++, "rustydb", "rustydb", "127.0.0.1", Instant.now());
        return engine.openSession(state, Map.of(), new SessionListener() {
            @Override
            public void notice(String severity, String sqlState, String message) {
                notices.add(severity + " " + sqlState + " " + message);
            }
        });
    }

    /** Result of one statement: its tag and rows. */
    record Result(String tag, List<List<Object>> rows) {
    }

    /** Runs every statement of {@code sql} (simple protocol) and returns the last one's result. */
    static Result run(SqlSession session, String sql) {
        Result last = null;
        for (ParsedStatement statement : session.parse(sql)) {
            PreparedQuery query = session.prepare(statement, List.of());
            last = execute(session, query, List.of());
        }
        return last;
    }

    static Result execute(SqlSession session, PreparedQuery query, List<Object> params) {
        List<List<Object>> rows = new ArrayList<>();
        try (Portal portal = session.bind(query, params)) {
            ExecutionResult result = session.execute(portal, 0, row -> rows.add(Arrays.asList(row.clone())));
            return new Result(result.commandTag(), rows);
        }
    }

    static PreparedQuery prepare(SqlSession session, String sql, DataType... types) {
        return session.prepare(sql, Arrays.asList(types));
    }

    @Override
    public void close() {
        engine.close();
        storage.close();
    }
}
