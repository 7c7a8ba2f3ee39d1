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
public final class InsertPlan extends ModificationPlan {
    private final RowWriter writer;
    private final int[] targetColumns;
    private final ValuesSource values;
    private final QueryCompiler.Result query;
    private final Defaults defaults;

    private InsertPlan(RowWriter writer, int[] targetColumns, ValuesSource values,
            QueryCompiler.Result query, Defaults defaults, List<DataType> parameterTypes) {
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
        Defaults defaults = Defaults.create(engine, table);
        ValuesSource values = ValuesSource.of(insert.getSource(), table, targets, declared);
        if (values != null) {
            return new InsertPlan(writer, targets, values, null, defaults, values.parameterTypes());
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
        return new InsertPlan(writer, targets, null, query, defaults, query.clientParameterTypes(declared));
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
    public Execution start(StatementContext context, List<Object> parameters) {
        Object[] defaultRow = defaults.evaluate(context);
        long count = 0;
        if (values != null) {
            for (int r = 0; r < values.rowCount(); r++) {
                insert(context, defaultRow, values.row(r, parameters, defaultRow, targetColumns));
                count++;
            }
        } else {
            Object[] slots = query.slotValues(parameters, null);
            Enumerator<Object> rows = query.query().bindable().bind(context.dataContext(slots)).enumerator();
            try {
                while (rows.moveNext()) {
                    Object row = rows.current();
                    insert(context, defaultRow, row instanceof Object[] a ? a : new Object[] {row});
                    count++;
                }
            } finally {
                rows.close();
            }
        }
        return Execution.completed("INSERT 0 " + count);
    }

    private void insert(StatementContext context, Object[] defaultRow, Object[] source) {
        Object[] row = defaultRow.clone();
        for (int i = 0; i < targetColumns.length; i++) {
            row[targetColumns[i]] = writer.convert(targetColumns[i], source[i]);
        }
        writer.insert(context.transaction(), row);
    }

    /** Column defaults of a table, compiled once per plan and evaluated once per execution. */
    static final class Defaults {
        private final List<ColumnDef> columns;
        private final QueryPlan[] plans;

        private Defaults(List<ColumnDef> columns, QueryPlan[] plans) {
            this.columns = columns;
            this.plans = plans;
        }

        static Defaults create(EngineContext engine, TableDef table) {
            List<ColumnDef> columns = table.columns();
            QueryPlan[] plans = new QueryPlan[columns.size()];
            for (int i = 0; i < plans.length; i++) {
                String expression = columns.get(i).defaultExpression();
                if (expression != null) {
                    plans[i] = QueryPlan.create(engine,
                            () -> io.rustydb.sql.parser.RustyDbParser.parseStatement("SELECT " + expression),
                            List.of());
                }
            }
            return new Defaults(columns, plans);
        }

        Object[] evaluate(StatementContext context) {
            Object[] row = new Object[plans.length];
            for (int i = 0; i < plans.length; i++) {
                if (plans[i] != null) {
                    Object[][] holder = new Object[1][];
                    try (Execution e = plans[i].start(context, List.of())) {
                        e.fetch(1, r -> holder[0] = r);
                    }
                    row[i] = ValueConverter.convert(holder[0][0], columns.get(i).type());
                }
            }
            return row;
        }
    }
}
