package io.rustydb.http.routes;

import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.SessionSnapshot;
import io.rustydb.common.session.SessionState;
import io.rustydb.http.ApiToolkit;
import io.rustydb.http.json.ApiError;
import io.rustydb.http.json.ApiJson;
import io.rustydb.sql.admin.SessionIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/sessions[/{id}]}, {@code GET /api/v1/connections} and
 * {@code DELETE /api/v1/connections/{id}} (administrators: ends the connection as
 * {@code pg_terminate_backend} does, FATAL 57P01, and rolls back its transaction), all from the
 * live session registry.
 */
public final class SessionRoutes extends AllDirectives {
    /** How long DELETE waits for the session to end before answering 202. */
    private static final long TERMINATE_WAIT_SECONDS = 10;

    private final ApiToolkit api;

    public SessionRoutes(ApiToolkit api) {
        this.api = api;
    }

    /** Routes below {@code /api/v1}. */
    public Route route() {
        return concat(
                pathPrefix("sessions", () -> concat(
                        pathEnd(() -> get(() -> api.authenticated(p -> api.respond(this::sessions)))),
                        path(PathMatchers.segment(), id -> get(() -> api.authenticated(p ->
                                api.respond(() -> session(id))))))),
                pathPrefix("connections", () -> concat(
                        pathEnd(() -> get(() -> api.authenticated(p -> api.respond(this::connections)))),
                        path(PathMatchers.segment(), id -> delete(() -> api.admin(p -> api.whenOpen(() ->
                                api.respondWith(() -> terminate(id)))))))));
    }

    private List<SessionState> states() {
        List<SessionState> states = new ArrayList<>(api.context().sessions().sessions());
        states.sort(Comparator.comparingInt(SessionState::sessionId));
        return states;
    }

    private List<Map<String, Object>> sessions() {
        return api.context().sessions().snapshot().stream().map(SessionRoutes::session).toList();
    }

    private Map<String, Object> session(String id) {
        int sessionId = SessionIds.parse(id);
        return api.context().sessions().snapshot(sessionId).map(SessionRoutes::session)
                .orElseThrow(() -> notFound(sessionId));
    }

    private List<Map<String, Object>> connections() {
        return states().stream().map(SessionRoutes::connection).toList();
    }

    private HttpResponse terminate(String id) {
        int sessionId = SessionIds.parse(id);
        SessionRegistry registry = api.context().sessions();
        Optional<CompletionStage<Void>> ending = registry.terminate(sessionId);
        if (ending.isEmpty()) {
            throw notFound(sessionId);
        }
        boolean ended;
        try {
            ending.get().toCompletableFuture().get(TERMINATE_WAIT_SECONDS, TimeUnit.SECONDS);
            ended = true;
        } catch (TimeoutException e) {
            ended = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ending session " + sessionId + " failed", e.getCause());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", sessionId);
        data.put("status", ended ? "terminated" : "terminating");
        return ApiJson.success(ended ? 200 : 202, data);
    }

    private static ApiError notFound(int sessionId) {
        return ApiError.notFound("SESSION_NOT_FOUND", "session " + sessionId + " does not exist");
    }

    /** A session as {@code v$session} shows it (the same snapshot, the same fields). */
    static Map<String, Object> session(SessionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.sessionId());
        m.put("user_name", s.userName());
        m.put("database", s.database());
        m.put("application_name", s.applicationName());
        m.put("client_address", s.clientAddress());
        m.put("state", s.state());
        m.put("sql_id", s.sqlId());
        m.put("current_query", s.currentQuery());
        m.put("connected_at", s.connectedAt());
        m.put("query_start", s.queryStart());
        m.put("transaction_start", s.transactionStart());
        m.put("state_change", s.stateChange());
        m.put("blocking_session", s.blockingSession());
        m.put("wait_class", s.waitEvent() == null ? null : s.waitEvent().waitClass().apiName());
        m.put("wait_event", s.waitEvent() == null ? null : s.waitEvent().apiName());
        m.put("wait_time_ms", s.waitTimeMs());
        m.put("sql_plan_hash_value", s.planHash() == 0 ? null : s.planHash());
        m.put("current_object", s.currentObject());
        m.put("tablespace", s.tablespace());
        m.put("cpu_time_ms", s.cpuTimeMs());
        m.put("db_time_ms", s.dbTimeMs());
        return m;
    }

    /** A client connection. */
    static Map<String, Object> connection(SessionState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.sessionId());
        m.put("user_name", s.user());
        m.put("database", s.database());
        m.put("application_name", s.applicationName());
        m.put("client_address", s.clientAddress());
        m.put("state", s.status().name());
        m.put("connected_at", s.loginTime());
        return m;
    }
}
