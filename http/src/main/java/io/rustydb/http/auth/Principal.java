package io.rustydb.http.auth;

/** Who an authenticated request comes from. */
public record Principal(String username, boolean admin, String token) {
}
