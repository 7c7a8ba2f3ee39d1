package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Evaluates an UPDATE's or DELETE's WHERE condition and SET expressions on one stored row: a
 * query {@code SELECT cond, e1, ... FROM (VALUES (row...)) AS alias(columns...)} compiled once,
 * run per row with the row's values as parameters. Running it on the latest committed version of
 * a locked row gives READ COMMITTED its PostgreSQL semantics (the row is re-checked after a wait).
 */
final class RowProgram {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private final QueryCompiler.Result compiled;

    private RowProgram(QueryCompiler.Result compiled) {
        this.compiled = compiled;
    }

    /**
     * @param parts supplies, from a fresh parse, the condition (or null) and the expressions
     */
    static RowProgram compile(EngineContext engine, TableDef table, String alias,
            Function<Parameterizer, List<SqlNode>> parts, List<DataType> declared) {
        return compile(engine, table, alias, parts, declared, null);
    }

    /** As above, with labels for the outputs (index 0, the condition, included) or null. */
    static RowProgram compile(EngineContext engine, TableDef table, String alias,
            Function<Parameterizer, List<SqlNode>> parts, List<DataType> declared, List<String> labels) {
        return new RowProgram(QueryCompiler.compile(engine, p -> build(table, alias, parts.apply(p), p),
                declared, labels));
    }

    /**
     * UPDATE ... FROM and DELETE ... USING: {@code SELECT TRUE, e1, ... FROM (VALUES (row...)) AS
     * alias(columns...), from WHERE cond FETCH NEXT 1 ROWS ONLY}, so a row qualifies if it joins
     * with at least one row of {@code from} and is updated from (or returns) the first such row. {@code parts} supplies the
     * condition (or null), the expressions and, last, the FROM clause.
     */
    static RowProgram compileJoined(EngineContext engine, TableDef table, String alias,
            Function<Parameterizer, List<SqlNode>> parts, List<DataType> declared) {
        return compileJoined(engine, table, alias, parts, declared, null);
    }

    /** As above, with labels for the outputs (index 0, the condition, included) or null. */
    static RowProgram compileJoined(EngineContext engine, TableDef table, String alias,
            Function<Parameterizer, List<SqlNode>> parts, List<DataType> declared, List<String> labels) {
        return new RowProgram(QueryCompiler.compile(engine, p -> {
            List<SqlNode> items = new ArrayList<>(parts.apply(p));
            SqlNode from = items.remove(items.size() - 1);
            SqlNode condition = items.set(0, SqlLiteral.createBoolean(true, POS));
            SqlSelect select = (SqlSelect) build(table, alias, items, p);
            select.setFrom(new org.apache.calcite.sql.SqlJoin(POS, select.getFrom(),
                    SqlLiteral.createBoolean(false, POS), org.apache.calcite.sql.JoinType.COMMA.symbol(POS), from,
                    org.apache.calcite.sql.JoinConditionType.NONE.symbol(POS), null));
            select.setWhere(condition);
            select.setFetch(SqlLiteral.createExactNumeric("1", POS));
            return select;
        }, declared, labels));
    }

    private static SqlNode build(TableDef table, String alias, List<SqlNode> items, Parameterizer p) {
        List<SqlNode> select = new ArrayList<>(items);
        if (select.get(0) == null) {
            select.set(0, SqlLiteral.createBoolean(true, POS));
        }
        List<SqlNode> cells = new ArrayList<>();
        List<SqlNode> aliasAndColumns = new ArrayList<>();
        aliasAndColumns.add(new SqlIdentifier(alias, POS));
        for (ColumnDef c : table.columns()) {
            cells.add(p.internalSlot(c.type()));
            aliasAndColumns.add(new SqlIdentifier(c.name(), POS));
        }
        SqlNode values = SqlStdOperatorTable.VALUES.createCall(POS, SqlStdOperatorTable.ROW.createCall(POS, cells));
        aliasAndColumns.add(0, values);
        SqlNode from = SqlStdOperatorTable.AS.createCall(POS, aliasAndColumns);
        return new SqlSelect(POS, null, new SqlNodeList(select, POS), from, null, null, null, null, null, null,
                null, null, null);
    }

    /** Types of the program's outputs (index 0 is the condition). */
    List<ResultColumn> outputs() {
        return compiled.query().columns();
    }

    List<DataType> parameterTypes(List<DataType> declared) {
        return compiled.clientParameterTypes(declared);
    }

    /** Runs the program on {@code row}: index 0 is the condition's value, then the expressions. */
    Object[] evaluate(StatementContext context, List<Object> parameters, Object[] row) {
        Object[] slots = compiled.slotValues(parameters, row);
        Enumerator<Object> result = compiled.query().bindable().bind(context.dataContext(slots)).enumerator();
        try {
            if (!result.moveNext()) {
                return new Object[] {Boolean.FALSE};
            }
            Object current = result.current();
            return current instanceof Object[] a ? a : new Object[] {current};
        } finally {
            result.close();
        }
    }

    static boolean isTrue(Object[] evaluated) {
        return Boolean.TRUE.equals(evaluated[0]);
    }
}
