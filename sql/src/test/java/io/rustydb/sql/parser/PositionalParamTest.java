package io.rustydb.sql.parser;

import static io.rustydb.sql.parser.ParserTestSupport.parse;
import static io.rustydb.sql.parser.ParserTestSupport.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

class PositionalParamTest {

    /** The parameter numbers in the order they appear ($n, or index + 1 for ?). */
    private static List<Integer> numbers(SqlNode node) {
        List<Integer> numbers = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                numbers.add(param instanceof SqlPositionalParam p ? p.number() : -(param.getIndex() + 1));
                return null;
            }
        });
        return numbers;
    }

    @Test
    void keepsTheWrittenNumberAndAllowsRepeats() {
        SqlNode select = RustyDbParser.parseStatement("SELECT $2 FROM t WHERE a = $1 AND b = $1 OR c = $3");
        assertEquals(List.of(2, 1, 1, 3), numbers(select));
        assertEquals(3, SqlPositionalParam.maxNumber(select));
        SqlSelect parsed = (SqlSelect) select;
        SqlPositionalParam first = assertInstanceOf(SqlPositionalParam.class, parsed.getSelectList().get(0));
        assertEquals(1, first.getIndex(), "Calcite index is number - 1");
    }

    @Test
    void worksInInsertValuesAndFunctionArguments() {
        SqlInsert insert = parse("INSERT INTO t (a, b) VALUES ($1, upper($2)), ($3, $1)", SqlInsert.class);
        assertEquals(List.of(1, 2, 3, 1), numbers(insert));
    }

    @Test
    void worksInLimitAndOffset() {
        SqlOrderBy orderBy = parse("SELECT * FROM t ORDER BY a LIMIT $2 OFFSET $1", SqlOrderBy.class);
        assertEquals(2, assertInstanceOf(SqlPositionalParam.class, orderBy.fetch).number());
        assertEquals(1, assertInstanceOf(SqlPositionalParam.class, orderBy.offset).number());
        SqlSelect outer = parse("SELECT * FROM t WHERE a IN (SELECT b FROM u LIMIT $2) AND c = $1", SqlSelect.class);
        assertEquals(List.of(2, 1), numbers(outer));
    }

    @Test
    void unparsesAsDollarNumber() {
        assertEquals("SELECT *\nFROM \"t\"\nWHERE \"a\" = $2",
                ParserTestSupport.unparse(RustyDbParser.parseStatement("SELECT * FROM t WHERE a = $2")));
    }

    @Test
    void questionMarksStillNumberByOccurrence() {
        assertEquals(List.of(-1, -2), numbers(RustyDbParser.parseStatement("SELECT ? FROM t WHERE a = ?")));
    }

    @Test
    void dollarInsideIdentifiersAndStringsIsNotAParameter() {
        assertEquals(List.of(), numbers(RustyDbParser.parseStatement("SELECT a$1, '$1', \"$1\" FROM t")));
    }

    @Test
    void parameterZeroDoesNotExist() {
        RustyDbException e = parseError("SELECT * FROM t WHERE a = $0");
        assertEquals(ErrorCode.UNDEFINED_PARAMETER, e.code());
        assertEquals("there is no parameter $0", e.getMessage());
        assertEquals(27, e.position());
        assertEquals(23, parseError("SELECT * FROM t LIMIT $0").position());
    }
}
