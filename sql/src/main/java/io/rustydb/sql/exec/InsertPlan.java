package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * INSERT INTO t [(columns)] VALUES ... | query. Rows of plain VALUES lists (constants, parameters,
 * DEFAULT) are built directly; any other source is compiled by Calcite. Each row gets its
 * defaults, is converted to the column types and written through {@link RowWriter}.
 */
public final class InsertPlan extends RowWritingPlan {
    private final RowWriter writer;
    private final int[] targetColumns;
    private final ValuesSource values;
    private final QueryCompiler.Result query;
    private final ColumnDefaults defaults;
    private io.rustydb.sql.parser.dml.SqlPgInsert.Overriding overriding =
            io.rustydb.sql.parser.dml.SqlPgInsert.Overriding.NONE;

    private InsertPlan(RowWriter writer, int[] targetColumns, ValuesSource values,
            QueryCompiler.Result query, ColumnDefaults defaults, List<DataType> parameterTypes) {
        super(parameterTypes);
        this.writer = writer;
        this.targetColumns = targetColumns;
        this.values = values;
        this.query = query;
        this.defaults = defaults;
    }

    /** @param fresh supplies a freshly parsed copy of the statement */
    public static InsertPlan create(EngineContext engine, Supplier<SqlInsert> fresh, List<DataType> declared) {
        SqlInsert insert = fresh.get();
        TableDef table = Tables.resolve(engine.catalog(), (SqlIdentifier) insert.getTargetTable());
        int[] targets = targetColumns(table, insert);
        RowWriter writer = new RowWriter(engine, table);
        ColumnDefaults defaults = ColumnDefaults.create(engine, table);
        ValuesSource values = ValuesSource.of(insert.getSource(), table, targets, declared);
        if (values != null) {
            return new InsertPlan(writer, targets, values, null, defaults, values.parameterTypes())
                    .overriding(insert);
        }
        ColumnType[] targetTypes = new ColumnType[targets.length];
        for (int i = 0; i < targets.length; i++) {
            targetTypes[i] = table.columns().get(targets[i]).type();
        }
        QueryCompiler.Result query = QueryCompiler.compile(engine,
                p -> Untyped.valuesAsColumns(fresh.get().getSource(), targetTypes).accept(p), declared, null);
        List<ResultColumn> columns = query.query().columns();
        if (columns.size() != targets.length) {
            throw new RustyDbException(ErrorCode.SYNTAX_ERROR, columns.size() > targets.length
                    ? "INSERT has more expressions than target columns"
                    : "INSERT has more target columns than expressions");
        }
        for (int i = 0; i < targets.length; i++) {
            Assignment.check(columns.get(i).type().type(), table.columns().get(targets[i]));
        }
        return new InsertPlan(writer, targets, null, query, defaults, query.clientParameterTypes(declared))
                .overriding(insert);
    }

    private InsertPlan overriding(SqlInsert insert) {
        this.overriding = io.rustydb.sql.parser.dml.SqlPgInsert.of(insert);
        return this;
    }

    private static int[] targetColumns(TableDef table, SqlInsert insert) {
        if (insert.getTargetColumnList() == null) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<SqlNode> list = insert.getTargetColumnList().getList();
        int[] targets = new int[list.size()];
        for (int i = 0; i < targets.length; i++) {
            SqlIdentifier id = (SqlIdentifier) list.get(i);
            int index = table.columnIndex(id.getSimple());
            if (index < 0) {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_COLUMN,
                        id.getSimple() + "\" of relation \"" + table.name()), id);
            }
            for (int j = 0; j < i; j++) {
                if (targets[j] == index) {
                    throw new PositionedException(new RustyDbException(ErrorCode.DUPLICATE_COLUMN, id.getSimple()), id);
                }
            }
            targets[i] = index;
        }
        return targets;
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        return PlanNodes.step("Insert", writer.table().name(), null, List.of(), null, List.of());
    }

    @Override
    public TableDef table() {
        return writer.table();
    }

    @Override
    public String tag(long rows) {
        return "INSERT 0 " + rows;
    }

    @Override
    public long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written) {
        Object[] defaultRow = defaults.evaluate(context);
        long count = 0;
        if (values != null) {
            for (int r = 0; r < values.rowCount(); r++) {
                written.accept(insert(context, defaultRow, values.row(r, parameters, defaultRow, targetColumns)));
                count++;
            }
        } else {
            Object[] slots = query.slotValues(parameters, null);
            Enumerator<Object> rows = query.query().bindable().bind(context.dataContext(slots)).enumerator();
            try {
                while (rows.moveNext()) {
                    Object row = rows.current();
                    written.accept(insert(context, defaultRow, row instanceof Object[] a ? a : new Object[] {row}));
                    count++;
                }
            } finally {
                rows.close();
            }
        }
        return count;
    }

    private Object[] insert(StatementContext context, Object[] defaultRow, Object[] source) {
        Object[] row = defaultRow.clone();
        for (int i = 0; i < targetColumns.length; i++) {
            Object value = source[i];
            row[targetColumns[i]] = value == ColumnDefaults.PER_ROW ? value : writer.convert(targetColumns[i], value);
        }
        defaults.complete(context, row, overriding);
        writer.insert(context.transaction(), row);
        return row;
    }
}
