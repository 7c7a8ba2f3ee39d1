package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A java.net.http client for a node's REST API, with JSON and envelope helpers for the ITs. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final RustyDbProcess server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Api(RustyDbProcess server) {
        this.server = server;
    }

    /** A response: status, parsed JSON body (null if not JSON) and the raw response. */
    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        JsonNode data() {
            assertEquals(true, json.get("success").asBoolean(), raw.body());
            return json.get("data");
        }

        /** Asserts the error envelope with {@code code} and HTTP {@code expectedStatus}. */
        Reply error(int expectedStatus, String code) {
            assertEquals(expectedStatus, status, raw.request().method() + " " + raw.uri() + ": " + raw.body());
            assertFalse(json.get("success").asBoolean(), raw.body());
            assertEquals(code, json.get("error").get("code").asText(), raw.body());
            assertTrue(json.get("error").get("message").isTextual() && !json.get("error").get("message").asText().isBlank(),
                    raw.body());
            return this;
        }

        Reply ok(int expectedStatus) {
            assertEquals(expectedStatus, status, raw.request().method() + " " + raw.uri() + ": " + raw.body());
            return this;
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    Reply post(String path, String body, String token) {
        return send("POST", path, body, token);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    Reply send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.apiUrl(path)))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return sendRaw(request.build());
    }

    Reply sendRaw(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the token. */
    String login(String user, String password) {
        Reply reply = post("/api/v1/auth/login", json("username", user, "password", password), null).ok(200);
        return reply.data().get("token").asText();
    }

    /** A JSON object of alternating names and values (strings, booleans, numbers). */
    static String json(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.putPOJO((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }
}
