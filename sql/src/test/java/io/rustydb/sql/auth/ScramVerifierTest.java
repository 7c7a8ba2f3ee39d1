package io.rustydb.sql.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramVerifierTest {

    /**
     * RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096
     * iterations. A verifier is right if the client proof and server signature of the RFC's
     * exchange can be derived from its StoredKey and ServerKey.
     */
    @Test
    void matchesTheRfc7677Exchange() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramVerifier verifier = ScramVerifier.create("pencil", salt, 4096);
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO"
                + ",r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
                + ",c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        byte[] message = authMessage.getBytes(StandardCharsets.UTF_8);

        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), message);
        assertEquals("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                Base64.getEncoder().encodeToString(serverSignature));

        byte[] clientProof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), message);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (clientProof[i] ^ clientSignature[i]);
        }
        assertArrayEquals(verifier.storedKey(), ScramVerifier.sha256(clientKey),
                "the RFC's client proof verifies against the stored key");
    }

    @Test
    void textFormIsPostgresqlRolpassword() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramVerifier verifier = ScramVerifier.create("pencil", salt, 4096);
        String text = verifier.text();
        assertTrue(text.matches("SCRAM-SHA-256\\$4096:W22ZaJ0SNY7soEsUEjb6gQ==\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}"),
                text);
        ScramVerifier parsed = ScramVerifier.parse(text);
        assertEquals(verifier, parsed);
        assertTrue(parsed.matches("pencil"));
        assertFalse(parsed.matches("pencil "));
    }

    @Test
    void freshVerifiersAreSaltedDifferently() {
        ScramVerifier a = ScramVerifier.create("secret");
        ScramVerifier b = ScramVerifier.create("secret");
        assertNotEquals(a.text(), b.text(), "two verifiers of one password differ by their salt");
        assertTrue(a.matches("secret") && b.matches("secret"));
        assertFalse(a.text().contains("secret"));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("md5abc"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("SCRAM-SHA-256$4096:abc"));
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("SCRAM-SHA-256$x:AAAA$AAAA:AAAA"));
    }
}
