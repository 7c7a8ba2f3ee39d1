package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose bootstrap administrator's password comes from RUSTYDB_ADMIN_PASSWORD and whose
 * tokens live ten seconds: expired tokens get 401, roles survive a restart, tokens do not.
 */
@ExtendWith(ServerLogOnFailure.class)
class RestApiTokensIT {
    @TempDir
    Path tmp;

    @Test
    void environmentPasswordExpiringTokensAndRestart() throws Exception {
        RustyDbProcess server = RustyDbProcess.start("rest-api-tokens", tmp.resolve("data"),
                Map.of("RUSTYDB_ADMIN_PASSWORD", "from-the-environment"), "rustydb.api.token_lifetime=10s");
        try {
            Api api = new Api(server);
            assertFalse(Files.exists(server.adminPasswordFile()), "no generated password with RUSTYDB_ADMIN_PASSWORD");
            assertFalse(Files.readString(server.log()).contains("from-the-environment"), "never printed");
            Api.Reply login = api.post("/api/v1/auth/login",
                    Api.json("username", "rustydb", "password", "from-the-environment"), null).ok(200);
            String token = login.data().get("token").asText();
            Instant expiresAt = Instant.parse(login.data().get("expires_at").asText());
            api.post("/api/v1/admin/users", Api.json("username", "ops", "password", "ops-pw"), token).ok(201);
            Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 100);
            api.get("/api/v1/sessions", token).error(401, "TOKEN_EXPIRED");
            api.post("/api/v1/auth/logout", null, token).error(401, "TOKEN_EXPIRED");

            String beforeRestart = api.login("ops", "ops-pw");
            server.restart();
            api.get("/api/v1/sessions", beforeRestart).error(401, "INVALID_TOKEN");
            api.login("rustydb", "from-the-environment");
            String ops = api.login("ops", "ops-pw");
            assertTrue(api.get("/api/v1/sessions", ops).ok(200).data().isArray(), "roles survive a restart");
        } finally {
            RustyDbProcess.stopAndClose(server);
        }
    }
}
