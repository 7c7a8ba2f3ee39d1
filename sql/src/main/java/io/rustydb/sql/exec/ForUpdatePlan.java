package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.dml.SqlSelectForUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * SELECT ... FROM one table [WHERE ...] FOR UPDATE / FOR SHARE [NOWAIT]: every qualifying row is
 * locked until the transaction ends and, as PostgreSQL does under READ COMMITTED, the condition
 * is checked again on its latest version after a wait; the select list is computed from it.
 * Joins, grouping, ORDER BY, LIMIT and SKIP LOCKED are refused (0A000) for now.
 */
public final class ForUpdatePlan extends ModificationPlan {
    private final RowWriter table;
    private final KeyLookup lookup;
    private final RowProgram program;
    private final boolean noWait;
    private final List<ResultColumn> columns;

    private ForUpdatePlan(RowWriter table, KeyLookup lookup, RowProgram program, boolean noWait,
            List<DataType> declared) {
        super(program.parameterTypes(declared));
        this.table = table;
        this.lookup = lookup;
        this.program = program;
        this.noWait = noWait;
        List<ResultColumn> outputs = program.outputs();
        this.columns = List.copyOf(outputs.subList(1, outputs.size()));
    }

    public static ForUpdatePlan create(EngineContext engine, Supplier<SqlSelectForUpdate> fresh, List<DataType> declared) {
        SqlSelectForUpdate node = fresh.get();
        if (node.waitPolicy() == SqlSelectForUpdate.WaitPolicy.SKIP_LOCKED) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "SKIP LOCKED");
        }
        if (!(node.query() instanceof SqlSelect select) || select.getGroup() != null || select.getHaving() != null
                || select.getOrderList() != null || select.getFetch() != null || select.getOffset() != null
                || select.isDistinct() || !SingleTableSelect.isSingleTable(select.getFrom())) {
            throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "FOR UPDATE / FOR SHARE other than on a single table without grouping, ORDER BY or LIMIT");
        }
        SqlNode from = select.getFrom();
        String alias = SingleTableSelect.alias(from);
        TableDef table = Tables.resolve(engine.catalog(), SingleTableSelect.table(from));
        RowProgram program = SingleTableSelect.program(engine, table, alias,
                () -> (SqlSelect) fresh.get().query(), declared);
        return new ForUpdatePlan(new RowWriter(engine, table), KeyLookup.of(select.getWhere(), table, alias), program,
                node.waitPolicy() == SqlSelectForUpdate.WaitPolicy.NOWAIT, declared);
    }

    @Override
    public int tableId() {
        return table.table().id();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public String commandName() {
        return "SELECT FOR UPDATE";
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        if (noWait) {
            context.transaction().lockTimeout(0);
        }
        List<Object[]> rows = new ArrayList<>();
        try {
            RowModification.run(context, parameters, table, program, lookup,
                    (key, row, evaluated) -> rows.add(Arrays.copyOfRange(evaluated, 1, evaluated.length)));
        } catch (RustyDbException e) {
            if (noWait && e.code() == ErrorCode.LOCK_NOT_AVAILABLE) {
                throw new RustyDbException(ErrorCode.ROW_LOCK_NOT_AVAILABLE, table.table().name());
            }
            throw e;
        }
        return Execution.ofRows(rows, "SELECT " + rows.size());
    }
}
