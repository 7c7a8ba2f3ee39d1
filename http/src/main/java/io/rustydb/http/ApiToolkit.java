package io.rustydb.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustydb.http.auth.Principal;
import io.rustydb.http.auth.TokenStore;
import io.rustydb.http.json.ApiJson;
import io.rustydb.sql.auth.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * What every API route uses: bearer-token authentication, the administrator check, the
 * readiness gate, request bodies as JSON and answers in the envelope computed off the HTTP
 * threads (on the API's dispatcher, since they may block).
 */
public final class ApiToolkit extends AllDirectives {
    private static final String REALM = "Bearer realm=\"rustydb\"";

    private final ApiContext context;
    private final TokenStore tokens;
    private final Executor blocking;

    ApiToolkit(ApiContext context, TokenStore tokens, Executor blocking) {
        this.context = context;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    public ApiContext context() {
        return context;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** Runs {@code inner} for a request carrying a live token; 401 otherwise. */
    public Route authenticated(Function<Principal, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> {
            Optional<String> token = header.flatMap(ApiToolkit::bearerToken);
            if (header.isEmpty()) {
                return complete(unauthorized("UNAUTHORIZED", "authentication required: send Authorization: Bearer <token>",
                        REALM));
            }
            if (token.isEmpty()) {
                return complete(unauthorized("INVALID_TOKEN", "the Authorization header must be: Bearer <token>",
                        REALM + ", error=\"invalid_request\""));
            }
            TokenStore.Check check = tokens.check(token.get());
            if (check instanceof TokenStore.Valid valid) {
                Optional<Role> role = context.roles().find(valid.username());
                if (role.isPresent()) {
                    return inner.apply(new Principal(valid.username(), role.get().admin(), token.get()));
                }
            }
            if (check == TokenStore.Expired.INSTANCE) {
                return complete(unauthorized("TOKEN_EXPIRED", "the token has expired: log in again",
                        REALM + ", error=\"invalid_token\""));
            }
            return complete(unauthorized("INVALID_TOKEN", "invalid or revoked token",
                    REALM + ", error=\"invalid_token\""));
        });
    }

    /** Runs {@code inner} for an administrator's request; 401 without a live token, 403 for others. */
    public Route admin(Function<Principal, Route> inner) {
        return authenticated(principal -> principal.admin() ? inner.apply(principal)
                : complete(ApiJson.error(403, "FORBIDDEN", "administrator privilege required")));
    }

    /** Runs {@code inner} while the node is open; 503 while it starts or shuts down. */
    public Route whenOpen(Supplier<Route> inner) {
        return context.lifecycle().isReady() ? inner.get() : complete(notReady());
    }

    /** 503 with the node's state, as PostgreSQL's "the database system is starting up". */
    public HttpResponse notReady() {
        String state = switch (context.lifecycle().state()) {
            case STARTING -> "starting up";
            case OPEN -> "open";
            case STOPPING, STOPPED -> "shutting down";
        };
        return ApiJson.error(503, "SERVICE_UNAVAILABLE", "the database system is " + state);
    }

    /** The request body parsed as JSON; 400 if it is not. */
    public Route jsonBody(Function<JsonNode, Route> inner) {
        return entity(Unmarshaller.entityToString(), body -> inner.apply(ApiJson.parse(body)));
    }

    /** 200 with the result of {@code data} in the success envelope, computed on the API dispatcher. */
    public Route respond(Supplier<Object> data) {
        return respondWith(() -> ApiJson.ok(data.get()));
    }

    /** Completes with the response {@code response} computes on the API dispatcher; failures rendered as errors. */
    public Route respondWith(Supplier<HttpResponse> response) {
        return completeWithFuture(CompletableFuture.supplyAsync(response, blocking).exceptionally(ApiJson::failure));
    }

    /** The API dispatcher, for work that blocks. */
    public Executor blocking() {
        return blocking;
    }

    static HttpResponse unauthorized(String code, String message, String challenge) {
        List<HttpHeader> headers = List.of(RawHeader.create("WWW-Authenticate", challenge));
        return ApiJson.error(401, code, message, headers);
    }

    /** The token of an {@code Authorization: Bearer <token>} header value. */
    static Optional<String> bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
