package io.rustydb.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-12-27T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokensAre256RandomBitsThatExpire() {
        ManualClock clock = new ManualClock();
        TokenStore store = new TokenStore(Duration.ofMinutes(10), clock);
        TokenStore.Issued a = store.issue("ada");
        TokenStore.Issued b = store.issue("ada");
        assertNotEquals(a.token(), b.token());
        assertEquals(32, Base64.getUrlDecoder().decode(a.token()).length);
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), a.expiresAt());
        assertEquals(new TokenStore.Valid("ada", a.expiresAt()), store.check(a.token()));

        clock.advance(Duration.ofMinutes(10));
        assertEquals(TokenStore.Expired.INSTANCE, store.check(a.token()));
        assertEquals(TokenStore.Unknown.INSTANCE, store.check("not-a-token"));
        assertEquals(TokenStore.Unknown.INSTANCE, store.check(""));

        clock.advance(Duration.ofMinutes(11));
        store.issue("grace");
        assertEquals(TokenStore.Unknown.INSTANCE, store.check(a.token()), "long-expired tokens are forgotten");
        assertEquals(1, store.size());
    }

    @Test
    void revokedTokensAreUnknown() {
        TokenStore store = new TokenStore(Duration.ofHours(1), Clock.systemUTC());
        TokenStore.Issued a = store.issue("ada");
        TokenStore.Issued g = store.issue("grace");
        assertTrue(store.revoke(a.token()));
        assertFalse(store.revoke(a.token()));
        assertEquals(TokenStore.Unknown.INSTANCE, store.check(a.token()));
        store.revokeAll("grace");
        assertEquals(TokenStore.Unknown.INSTANCE, store.check(g.token()));
    }
}
