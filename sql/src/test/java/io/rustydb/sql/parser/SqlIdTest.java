package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlIdTest {
    private static final String ALPHABET = "0123456789abcdfghjkmnpqrstuvwxyz";

    @Test
    void matchesOracleForAKnownStatement() {
        // Oracle's V$SQL shows this sql_id for "select * from dual".
        assertEquals("a5ks9fhw2v9s1", SqlId.of("select * from dual"));
    }

    @Test
    void matchesAnIndependentComputation() {
        // python3: md5(text + b'\0'), bytes 8..16 as two little-endian uint32, base 32.
        assertEquals("31h4cfgq5dxad", SqlId.of("select * from t where a = $1 and b = $2"));
        assertEquals("20f0j6qzt75dc", SqlId.of("select été from t"));
        assertEquals("90d7qtpstzpag", SqlId.of(""));
        assertEquals(3512962138863236429L, SqlId.hash("select * from t where a = $1 and b = $2"));
    }

    @Test
    void isThirteenCharactersOfTheAlphabetAndStable() {
        for (int i = 0; i < 500; i++) {
            String id = SqlId.of("select " + i);
            assertEquals(SqlId.LENGTH, id.length());
            assertTrue(id.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), id);
            assertEquals(id, SqlId.of("select " + i));
        }
        assertNotEquals(SqlId.of("select 1"), SqlId.of("select 2"));
    }
}
