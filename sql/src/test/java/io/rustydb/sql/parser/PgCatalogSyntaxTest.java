package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PgCatalogSyntaxTest {

    @Test
    void qualifiedOperatorAndDefaultCollationKeepPositions() {
        String sql = "SELECT 1 WHERE c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default AND x";
        String rewritten = PgCatalogSyntax.rewrite(sql);
        assertEquals(sql.length(), rewritten.length());
        assertEquals("SELECT 1 WHERE c.relname ~ '^(t)$' AND x", rewritten.replaceAll(" +", " "));
        assertEquals(sql.indexOf("AND x"), rewritten.indexOf("AND x"));
    }

    @Test
    void compositeFieldSelectionBecomesAFunctionCall() {
        assertEquals("SELECT pg_catalog.rustydb_field((information_schema._pg_expandarray(i.indkey)), 'n') FROM t",
                PgCatalogSyntax.rewrite("SELECT (information_schema._pg_expandarray(i.indkey)).n FROM t"));
        assertEquals("SELECT f(a).b FROM t", PgCatalogSyntax.rewrite("SELECT f(a).b FROM t"));
    }

    @Test
    void reservedWordsAfterDotOrAsAreQuotedAndArrayTypesSpelledOut() {
        assertEquals("SELECT m.\"member\", 1 AS \"cardinality\", x::int2 ARRAY FROM t",
                PgCatalogSyntax.rewrite("SELECT m.member, 1 AS CARDINALITY, x::int2[] FROM t"));
    }

    @Test
    void qualifiedUnnestBecomesTheKeyword() {
        String sql = "SELECT x FROM pg_catalog.unnest(a) x";
        String rewritten = PgCatalogSyntax.rewrite(sql);
        assertEquals(sql.length(), rewritten.length());
        assertEquals("SELECT x FROM unnest(a) x", rewritten.replaceAll(" +", " "));
    }

    @Test
    void stringsAndOrdinaryTextAreLeftAlone() {
        String sql = "SELECT 'OPERATOR(pg_catalog.~)', a.b FROM t";
        assertEquals(sql, PgCatalogSyntax.rewrite(sql));
    }
}
