package io.rustydb.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * JSON responses of the REST API, written with Jackson: {@code {"success": true, "data": ...}}
 * for results, {@code {"success": false, "error": {"code": ..., "message": ...}}} for errors.
 * Record components are written in snake_case and instants as ISO-8601 UTC strings with
 * millisecond precision ({@code 2025-12-27T10:00:00.123Z}). Wait classes and events are written
 * by their API names ({@code Application}, {@code enq_tx_row_lock_contention}), as the ASH
 * endpoints write them.
 */
public final class ApiJson {
    /** The API's object mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer())
                    .addSerializer(WaitClass.class, new ApiNameSerializer<>(WaitClass.class, WaitClass::apiName))
                    .addSerializer(WaitEvent.class, new ApiNameSerializer<>(WaitEvent.class, WaitEvent::apiName)));

    private ApiJson() {
    }

    /** 200 with {@code data} in the success envelope. */
    public static HttpResponse ok(Object data) {
        return success(200, data);
    }

    /** {@code status} with {@code data} in the success envelope. */
    public static HttpResponse success(int status, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return json(status, body);
    }

    /** A response whose body is {@code body} as it is (the health probes are not enveloped). */
    public static HttpResponse json(int status, Object body) {
        return HttpResponse.create().withStatus(status)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, write(body)));
    }

    /** The error envelope. */
    public static HttpResponse error(int status, String code, String message) {
        return error(status, code, message, List.of());
    }

    /** The error envelope with extra headers (e.g. WWW-Authenticate). */
    public static HttpResponse error(int status, String code, String message, List<HttpHeader> headers) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        return json(status, body).addHeaders(headers);
    }

    public static HttpResponse error(ApiError e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    /**
     * The response for a failure: an {@link ApiError} as it says, a {@link RustyDbException} by its
     * SQLSTATE class, anything else 500.
     */
    public static HttpResponse failure(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiError e) {
            return error(e);
        }
        if (cause instanceof RustyDbException e) {
            return error(statusOf(e.sqlState()), codeOf(e.sqlState()), e.getMessage());
        }
        return error(500, "INTERNAL_ERROR", "internal error: " + cause);
    }

    private static int statusOf(String sqlState) {
        if (sqlState.equals("42710") || sqlState.startsWith("55")) {
            return 409;
        }
        if (sqlState.equals("42704")) {
            return 404;
        }
        if (sqlState.startsWith("22") || sqlState.equals("42602") || sqlState.equals("0A000")) {
            return 400;
        }
        if (sqlState.startsWith("57")) {
            return 503;
        }
        return 500;
    }

    private static String codeOf(String sqlState) {
        return switch (statusOf(sqlState)) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> "INTERNAL_ERROR";
        };
    }

    /** The symbolic code of an HTTP error status, for errors Pekko raised itself. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** Parses a request body; 400 INVALID_JSON if it is not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("INVALID_JSON", "the request body must be a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("INVALID_JSON", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A required string field of a JSON object body; 400 INVALID_PARAMETER if missing or not a string. */
    public static String requiredString(JsonNode body, String field) {
        if (!body.isObject()) {
            throw ApiError.badRequest("INVALID_JSON", "the request body must be a JSON object");
        }
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiError.badRequest("INVALID_PARAMETER", "\"" + field + "\" is required and must be a string");
        }
        return value.asText();
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response as JSON", e);
        }
    }

    /** An instant as ISO-8601 UTC, to the millisecond. */
    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    private static final class ApiNameSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Function<T, String> name;

        ApiNameSerializer(Class<T> type, java.util.function.Function<T, String> name) {
            super(type);
            this.name = name;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(name.apply(value));
        }
    }
}
