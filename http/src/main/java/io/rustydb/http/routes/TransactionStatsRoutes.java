package io.rustydb.http.routes;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.common.session.SessionState;
import io.rustydb.http.ApiExtension;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiJson;
import io.rustydb.monitoring.QueryMetrics;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.TransactionActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/stats/transactions} (any token): the Monitoring Guide's transaction
 * statistics. Totals since the node started come from the sessions' transaction counters (the
 * same events as {@code rustydb_transactions_total} and {@code rustydb_deadlocks_total}), the
 * open transactions from storage, and the long-running ones from the open transactions of
 * sessions older than {@code rustydb.monitoring.long_running_transaction_threshold}. 503
 * {@code METRICS_DISABLED} when metrics are disabled (nothing is counted then).
 */
public final class TransactionStatsRoutes extends AllDirectives implements ApiExtension {
    private final QueryMetrics metrics;
    private final StorageEngine storage;
    private final SessionRegistry sessions;
    private final Duration longRunning;

    public TransactionStatsRoutes(QueryMetrics metrics, StorageEngine storage, SessionRegistry sessions,
            Duration longRunning) {
        this.metrics = metrics;
        this.storage = storage;
        this.sessions = sessions;
        this.longRunning = longRunning;
    }

    @Override
    public Route route(ApiToolkit api) {
        return path(PathMatchers.segment("api").slash("v1").slash("stats").slash("transactions"),
                () -> get(() -> api.authenticated(principal -> api.respondWith(this::statistics))));
    }

    private HttpResponse statistics() {
        if (!metrics.isEnabled()) {
            return ApiJson.error(503, "METRICS_DISABLED", "metrics are disabled (rustydb.monitoring.metrics_enabled)");
        }
        QueryMetrics.TransactionTotals totals = metrics.transactionTotals();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("active_transactions", storage.activeTransactionCount());
        data.put("total_transactions", totals.total());
        data.put("committed", totals.committed());
        data.put("rolled_back", totals.rolledBack());
        double average = totals.averageMillis();
        data.put("avg_transaction_time_ms", Double.isNaN(average) ? null : Math.round(average * 1000) / 1000.0);
        data.put("deadlocks_total", totals.deadlocks());
        data.put("long_running_threshold_seconds", longRunning.toMillis() / 1000.0);
        data.put("long_running_transactions", longRunning());
        return ApiJson.ok(data);
    }

    /** Open transactions of sessions older than the threshold, oldest first. */
    private List<Map<String, Object>> longRunning() {
        Map<Integer, SessionState> states = new HashMap<>();
        for (SessionState s : sessions.sessions()) {
            states.put(s.sessionId(), s);
        }
        long now = System.currentTimeMillis();
        List<TransactionActivity> old = new ArrayList<>();
        for (TransactionActivity a : storage.transactionActivity()) {
            if (states.containsKey(a.owner()) && now - a.startMillis() >= longRunning.toMillis()) {
                old.add(a);
            }
        }
        old.sort(Comparator.comparingLong(TransactionActivity::startMillis));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TransactionActivity a : old) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("transaction_id", "txn_" + a.id());
            row.put("session_id", a.owner());
            row.put("start_time", Instant.ofEpochMilli(a.startMillis()));
            row.put("duration_seconds", (now - a.startMillis()) / 1000.0);
            row.put("isolation_level", states.get(a.owner()).transactionIsolation());
            row.put("locks_held", a.locksHeld() < 0 ? null : a.locksHeld());
            rows.add(row);
        }
        return rows;
    }
}
