package io.rustydb.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.health.HealthMonitor;
import io.rustydb.actors.health.HealthSettings;
import io.rustydb.common.lifecycle.NodeLifecycle;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.auth.RoleStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API bound on a real port in this JVM, over real components, driven with java.net.http:
 * readiness through the node's lifecycle, the error envelope of Pekko's own rejections, and token
 * expiry with a one-second lifetime. The server ITs cover the rest against a whole node.
 */
class ApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ActorSystem<Void> system;
    private StorageEngine storage;
    private NodeLifecycle lifecycle;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "api-test");
        storage = StorageEngine.open(new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)));
        RoleStore roles = RoleStore.load(storage);
        roles.create("admin", "admin-pw", true);
        roles.create("reader", "reader-pw", false);
        lifecycle = new NodeLifecycle(Instant.now());
        SessionRegistry registry = new SessionRegistry(10);
        HealthMonitor health = new HealthMonitor(HealthSettings.create(ConfigFactory.load()), lifecycle, registry,
                storage, "test");
        server = ApiServer.start(system, new ApiSettings("127.0.0.1", 0, Duration.ofSeconds(1)),
                new ApiContext(lifecycle, registry, roles, health, List.of())).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        storage.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.boundAddress().getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""), response.body());
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertFalse(body.get("success").asBoolean());
        assertEquals(code, body.get("error").get("code").asText(), response.body());
        assertFalse(body.get("error").get("message").asText().isBlank());
    }

    @Test
    void readinessFollowsTheLifecycle() throws Exception {
        HttpResponse<String> starting = send("GET", "/api/v1/health/ready", null, null);
        assertEquals(503, starting.statusCode());
        assertEquals("not_ready", json(starting).get("status").asText());
        assertFalse(json(starting).get("checks").get("database").asBoolean());
        assertEquals(200, send("GET", "/api/v1/health/live", null, null).statusCode(), "alive while starting");
        assertError(send("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"admin-pw\"}", null),
                503, "SERVICE_UNAVAILABLE");

        lifecycle.transition(NodeLifecycle.State.OPEN);
        HttpResponse<String> open = send("GET", "/api/v1/health/ready", null, null);
        assertEquals(200, open.statusCode());
        JsonNode ready = json(open);
        assertEquals("ready", ready.get("status").asText());
        assertTrue(ready.get("checks").get("database").asBoolean());
        assertTrue(ready.get("checks").get("connections_available").asBoolean());
        assertTrue(Instant.parse(ready.get("timestamp").asText()).isAfter(Instant.now().minusSeconds(60)));

        lifecycle.transition(NodeLifecycle.State.STOPPING);
        assertEquals(503, send("GET", "/api/v1/health/ready", null, null).statusCode());
        HttpResponse<String> live = send("GET", "/api/v1/health/live", null, null);
        assertEquals(200, live.statusCode());
        assertEquals("alive", json(live).get("status").asText());
    }

    @Test
    void pekkosOwnRejectionsComeInTheEnvelope() throws Exception {
        lifecycle.transition(NodeLifecycle.State.OPEN);
        assertError(send("GET", "/api/v1/no-such-thing", null, null), 404, "NOT_FOUND");
        assertError(send("GET", "/", null, null), 404, "NOT_FOUND");
        HttpResponse<String> wrongMethod = send("PUT", "/api/v1/health/live", null, null);
        assertError(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertError(send("POST", "/api/v1/auth/login", "{\"username\": \"admin\", ", null), 400, "INVALID_JSON");
        assertError(send("POST", "/api/v1/auth/login", "[1, 2]", null), 400, "INVALID_JSON");
        assertError(send("POST", "/api/v1/auth/login", "{\"username\": \"admin\"}", null), 400, "INVALID_PARAMETER");
        assertError(send("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"nope\"}", null),
                401, "INVALID_CREDENTIALS");
    }

    @Test
    void requestsTooMalformedForTheRoutesGetTheEnvelopeToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.boundAddress().getPort())) {
            socket.getOutputStream().write(("GET /api/v1/health/live HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: abc\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            JsonNode json = JSON.readTree(body);
            assertFalse(json.get("success").asBoolean());
            assertEquals("BAD_REQUEST", json.get("error").get("code").asText(), body);
            assertTrue(response.contains("Server: RustyDB"), response);
        }
    }

    @Test
    void tokensExpire() throws Exception {
        lifecycle.transition(NodeLifecycle.State.OPEN);
        HttpResponse<String> login = send("POST", "/api/v1/auth/login",
                "{\"username\":\"reader\",\"password\":\"reader-pw\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String token = json(login).get("data").get("token").asText();
        Instant expiresAt = Instant.parse(json(login).get("data").get("expires_at").asText());
        HttpResponse<String> early = send("GET", "/api/v1/sessions", null, token);
        if (Instant.now().isBefore(expiresAt)) {
            // answered before the expiry, so checked before it (a loaded machine may be slower)
            assertEquals(200, early.statusCode(), early.body());
        }
        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 50);
        HttpResponse<String> expired = send("GET", "/api/v1/sessions", null, token);
        assertError(expired, 401, "TOKEN_EXPIRED");
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }
}
