package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.assertRoundTrip;
import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.sql.parser.copy.SqlCopy;
import io.rustydb.sql.parser.ddl.SqlColumnDeclaration;
import io.rustydb.sql.parser.ddl.SqlCreateIndex;
import io.rustydb.sql.parser.ddl.SqlCreateTable;
import io.rustydb.sql.parser.dml.SqlReturning;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import io.rustydb.sql.parser.dml.SqlTruncate;
import io.rustydb.sql.parser.utility.SqlVacuum;
import java.util.List;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words the new statements added are not reserved: tables and columns may still use them unquoted. */
class KeywordsAsNamesTest {
    private static final List<String> WORDS = List.of("format", "header", "delimiter", "freeze", "cache", "index",
            "analyze", "verbose", "copy", "stdin", "stdout", "program", "vacuum", "truncate", "concurrently",
            "rename", "force", "share", "locked", "nowait", "owned", "escape", "identity", "cycle", "csv", "quote",
            "costs", "encoding", "restart", "continue", "increment", "minvalue", "maxvalue", "sequence", "skip",
            "reads", "one", "old");

    @Test
    void asColumnNames() {
        String columns = String.join(" int, ", WORDS) + " int";
        SqlCreateTable create = parse("CREATE TABLE t (" + columns + ")", SqlCreateTable.class);
        assertEquals(WORDS, create.columns().stream().map(SqlColumnDeclaration::nameString).toList());
        SqlSelect select = parse("SELECT " + String.join(", ", WORDS) + " FROM t WHERE format = 1 AND cache > 2",
                SqlSelect.class);
        assertEquals(WORDS.size(), select.getSelectList().size());
        assertRoundTrip("SELECT " + String.join(", ", WORDS) + " FROM t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"format", "header", "delimiter", "freeze", "cache", "index", "copy", "share", "vacuum"})
    void asTableNamesAndAliases(String word) {
        parse("SELECT " + word + ".a FROM t " + word + " WHERE " + word + ".a = 1", SqlSelect.class);
        parse("SELECT * FROM " + word, SqlSelect.class);
        assertEquals(word, parse("TRUNCATE " + word, SqlTruncate.class).tables().get(0).getSimple());
    }

    @Test
    void commonLabelsCalciteReserves() {
        // PostgreSQL accepts these as column labels and aliases (psql examples use "AS one")
        parse("SELECT 1 AS one, 2 AS old FROM t one", SqlSelect.class);
    }

    @Test
    void inTheStatementsThatUseThem() {
        parse("COPY copy (format, header, delimiter) FROM STDIN (FORMAT csv, HEADER)",
                SqlCopy.class);
        parse("CREATE INDEX index ON index (index, cache)", SqlCreateIndex.class);
        parse("VACUUM ANALYZE freeze (format)", SqlVacuum.class);
        parse("SELECT share FROM share FOR SHARE OF share", SqlSelectForUpdate.class);
        parse("UPDATE t SET format = 1, header = 'h' RETURNING format, cache",
                SqlReturning.class);
    }
}
