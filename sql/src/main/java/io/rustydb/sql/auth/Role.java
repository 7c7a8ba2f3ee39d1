package io.rustydb.sql.auth;

import java.time.Instant;

/**
 * A login role of the node: its name, its password verifier (never the password) and whether it
 * administers the node (REST admin endpoints).
 *
 * @param name role name, as written at creation (names are case-sensitive, like quoted
 *     PostgreSQL identifiers)
 * @param verifier the salted SCRAM-SHA-256 verifier of the password
 * @param admin true for administrators
 * @param createdAt when the role was created
 */
public record Role(String name, ScramVerifier verifier, boolean admin, Instant createdAt) {
}
