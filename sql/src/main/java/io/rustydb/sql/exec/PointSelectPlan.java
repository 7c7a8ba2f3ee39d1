package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.TableDef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A SELECT from one table whose WHERE clause pins the whole primary key
 * ({@code SELECT abalance FROM pgbench_accounts WHERE aid = $1}): one storage read and one
 * evaluation of the select list, instead of a planned scan. Anything else (joins, grouping,
 * aggregates, window functions, ORDER BY, LIMIT) goes to {@link QueryPlan}.
 */
public final class PointSelectPlan implements StatementPlan {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "every", "some",
            "any_value", "bool_and", "bool_or", "string_agg", "array_agg", "listagg", "stddev", "stddev_pop",
            "stddev_samp", "variance", "var_pop", "var_samp", "collect", "grouping", "percentile_cont",
            "percentile_disc", "mode", "bit_and", "bit_or");

    private final RowWriter table;
    private final KeyLookup lookup;
    private final RowProgram program;
    private final List<ResultColumn> columns;
    private final List<DataType> parameterTypes;

    private PointSelectPlan(RowWriter table, KeyLookup lookup, RowProgram program, List<DataType> declared) {
        this.table = table;
        this.lookup = lookup;
        this.program = program;
        List<ResultColumn> outputs = program.outputs();
        this.columns = List.copyOf(outputs.subList(1, outputs.size()));
        this.parameterTypes = program.parameterTypes(declared);
    }

    /** The plan for {@code fresh}'s statement, or null if it is not a primary-key point select. */
    public static PointSelectPlan tryCreate(EngineContext engine, Supplier<SqlNode> fresh, List<DataType> declared) {
        SqlNode node = fresh.get();
        if (!(node instanceof SqlSelect select) || !qualifies(select)) {
            return null;
        }
        SqlNode from = select.getFrom();
        SqlIdentifier name = SingleTableSelect.table(from);
        String alias = SingleTableSelect.alias(from);
        TableDef table = engine.catalog().table(Tables.schema(name), Tables.simpleName(name)).orElse(null);
        if (table == null) {
            return null;
        }
        KeyLookup lookup = KeyLookup.of(select.getWhere(), table, alias);
        if (lookup == null) {
            return null;
        }
        RowProgram program = SingleTableSelect.program(engine, table, alias, () -> (SqlSelect) fresh.get(), declared);
        return new PointSelectPlan(new RowWriter(engine, table), lookup, program, declared);
    }

    private static boolean qualifies(SqlSelect select) {
        if (select.getWhere() == null || select.getGroup() != null || select.getHaving() != null
                || select.getOrderList() != null || select.getFetch() != null || select.getOffset() != null
                || (select.getWindowList() != null && !select.getWindowList().isEmpty()) || select.isDistinct()) {
            return false;
        }
        return SingleTableSelect.isSingleTable(select.getFrom()) && !containsAggregateOrWindow(select.getSelectList());
    }

    private static boolean containsAggregateOrWindow(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.SELECT
                        || (call instanceof SqlBasicCall b && AGGREGATES.contains(
                                b.getOperator().getName().toLowerCase(Locale.ROOT)))) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    @Override
    public List<String> explain() {
        return List.of("Point Lookup on " + table.table().name() + " using " + table.table().primaryKeyName()
                + " (rows=1)");
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        return PlanNodes.step("IndexScan", table.table().name(), table.table().primaryKeyName(),
                List.of("Index Cond: primary key"), 1.0, List.of());
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public List<DataType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        byte[] value = context.transaction().get(table.tablespace(), lookup.key(parameters));
        if (value != null) {
            io.rustydb.sql.stats.ThreadCounters.current().rowsExamined++;
            Object[] evaluated = program.evaluate(context, parameters, table.decode(value));
            if (RowProgram.isTrue(evaluated)) {
                return Execution.ofRows(List.<Object[]>of(Arrays.copyOfRange(evaluated, 1, evaluated.length)), "SELECT 1");
            }
        }
        return Execution.ofRows(List.of(), "SELECT 0");
    }
}
