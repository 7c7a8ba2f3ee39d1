package io.rustydb.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's bearer tokens: 256 random bits from {@link SecureRandom}, valid for a configured
 * lifetime, revocable. Only the SHA-256 hash of a token is kept, so a heap dump does not reveal
 * usable tokens; tokens live in memory and a node restart revokes them all. Thread-safe.
 */
public final class TokenStore {
    private static final int TOKEN_BYTES = 32;

    /** A token as handed to the client, once. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** What a presented token is. */
    public sealed interface Check permits Valid, Expired, Unknown {
    }

    /** A live token of {@code username}. */
    public record Valid(String username, Instant expiresAt) implements Check {
    }

    /** A token that was valid and has expired. */
    public enum Expired implements Check {
        INSTANCE
    }

    /** A token never issued, or revoked. */
    public enum Unknown implements Check {
        INSTANCE
    }

    private record Grant(String username, Instant expiresAt) {
    }

    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public TokenStore(Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * Issues a token to {@code username}. Also forgets tokens expired for longer than a lifetime
     * (until then they are reported as expired rather than unknown).
     */
    public Issued issue(String username) {
        Instant now = clock.instant();
        grants.values().removeIf(g -> !now.isBefore(g.expiresAt().plus(lifetime)));
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(lifetime);
        grants.put(hash(token), new Grant(username, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** Checks a presented token. */
    public Check check(String token) {
        if (token == null || token.isEmpty()) {
            return Unknown.INSTANCE;
        }
        String key = hash(token);
        Grant grant = grants.get(key);
        if (grant == null) {
            return Unknown.INSTANCE;
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return Expired.INSTANCE;
        }
        return new Valid(grant.username(), grant.expiresAt());
    }

    /** Revokes a token; false if it was not live. */
    public boolean revoke(String token) {
        return token != null && grants.remove(hash(token)) != null;
    }

    /** Revokes every token of {@code username} (its role was dropped). */
    public void revokeAll(String username) {
        grants.values().removeIf(g -> g.username().equals(username));
    }

    /** Tokens held (live or expired but not yet forgotten). */
    public int size() {
        return grants.size();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
