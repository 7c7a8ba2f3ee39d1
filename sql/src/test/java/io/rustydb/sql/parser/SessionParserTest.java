package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.parser.session.SqlResetVariable;
import io.rustydb.sql.parser.session.SqlSetVariable;
import io.rustydb.sql.parser.session.SqlShowVariable;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SET DateStyle = ISO, MDY | datestyle | iso,mdy",
        "SET search_path TO public, \"$user\" | search_path | public,$user",
        "SET extra_float_digits = 3 | extra_float_digits | 3",
        "SET application_name = 'PostgreSQL JDBC Driver' | application_name | PostgreSQL JDBC Driver",
        "SET statement_timeout = 0 | statement_timeout | 0",
        "SET statement_timeout = '5s' | statement_timeout | 5s",
        "SET standard_conforming_strings = on | standard_conforming_strings | on",
        "SET jit TO off | jit | off",
        "SET enable_seqscan = true | enable_seqscan | true",
        "SET x = -1.5 | x | -1.5",
        "SET client_encoding TO 'UTF8' | client_encoding | UTF8",
        "SET myapp.user_id = 42 | myapp.user_id | 42",
        "SET TIME ZONE 'Europe/Berlin' | timezone | Europe/Berlin",
        "SET TIME ZONE -8 | timezone | -8",
        "SET NAMES 'UTF8' | client_encoding | UTF8",
        "SET SCHEMA 'app' | search_path | app",
    })
    void setValues(String sql, String name, String values) {
        SqlSetVariable set = parse(sql, SqlSetVariable.class);
        assertEquals(name, set.name());
        assertEquals(List.of(values.split(",")), set.values());
        assertFalse(set.local());
        assertFalse(set.isDefault());
    }

    @Test
    void quotedValuesKeepTheirQuotingInformation() {
        SqlSetVariable set = parse("SET search_path TO \"$user\", public", SqlSetVariable.class);
        assertTrue(((SqlIdentifier) set.valueNodes().get(0)).isComponentQuoted(0));
        assertFalse(((SqlIdentifier) set.valueNodes().get(1)).isComponentQuoted(0));
    }

    @Test
    void scopesAndDefaults() {
        assertTrue(parse("SET LOCAL work_mem = '64MB'", SqlSetVariable.class).local());
        assertFalse(parse("SET SESSION work_mem = '64MB'", SqlSetVariable.class).local());
        assertTrue(parse("SET work_mem TO DEFAULT", SqlSetVariable.class).isDefault());
        assertTrue(parse("SET TIME ZONE LOCAL", SqlSetVariable.class).isDefault());
        assertTrue(parse("SET TIME ZONE DEFAULT", SqlSetVariable.class).isDefault());
    }

    @ParameterizedTest
    @CsvSource({
        "SHOW DateStyle, datestyle",
        "SHOW server_version, server_version",
        "SHOW TIME ZONE, timezone",
        "SHOW TRANSACTION ISOLATION LEVEL, transaction_isolation",
        "SHOW SESSION AUTHORIZATION, session_authorization",
    })
    void show(String sql, String name) {
        assertEquals(name, parse(sql, SqlShowVariable.class).name());
    }

    @Test
    void showAllAndReset() {
        assertTrue(parse("SHOW ALL", SqlShowVariable.class).all());
        assertEquals("statement_timeout", parse("RESET statement_timeout", SqlResetVariable.class).name());
        assertEquals("timezone", parse("RESET TIME ZONE", SqlResetVariable.class).name());
        SqlResetVariable all = parse("RESET ALL", SqlResetVariable.class);
        assertTrue(all.all());
        assertNull(all.name());
    }
}
