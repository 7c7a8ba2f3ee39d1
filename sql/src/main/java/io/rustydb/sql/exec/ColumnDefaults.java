package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.RustyDbParser;
import io.rustydb.sql.parser.dml.SqlPgInsert;
import io.rustydb.sql.sequence.SequenceDefaults;
import java.util.List;

/**
 * Column defaults of a table, compiled once per plan. Constant defaults are evaluated once per
 * execution; defaults that draw from a sequence (SERIAL, identity, any DEFAULT calling nextval)
 * are marked {@link #PER_ROW} in that row and filled per inserted row by {@link #complete}.
 */
final class ColumnDefaults {
    /** Stands in the default row for a value computed per inserted row. */
    static final Object PER_ROW = new Object() {
        @Override
        public String toString() {
            return "DEFAULT";
        }
    };

    private final List<ColumnDef> columns;
    private final QueryPlan[] plans;
    private final SequenceDefaults sequences;

    private ColumnDefaults(List<ColumnDef> columns, QueryPlan[] plans, SequenceDefaults sequences) {
        this.columns = columns;
        this.plans = plans;
        this.sequences = sequences;
    }

    static ColumnDefaults create(EngineContext engine, TableDef table) {
        List<ColumnDef> columns = table.columns();
        QueryPlan[] plans = new QueryPlan[columns.size()];
        SequenceDefaults sequences = SequenceDefaults.of(engine.catalog(), table);
        for (int i = 0; i < plans.length; i++) {
            String expression = columns.get(i).defaultExpression();
            if (expression != null && !sequences.simple(i)) {
                String compilable = SequenceDefaults.compilable(expression);
                plans[i] = QueryPlan.create(engine,
                        () -> RustyDbParser.parseStatement("SELECT " + compilable),
                        List.of());
            }
        }
        return new ColumnDefaults(columns, plans, sequences);
    }

    Object[] evaluate(StatementContext context) {
        Object[] row = new Object[plans.length];
        for (int i = 0; i < plans.length; i++) {
            if (sequences.perRow(i)) {
                row[i] = PER_ROW;
            } else if (plans[i] != null) {
                row[i] = evaluate(context, i);
            }
        }
        return row;
    }

    private Object evaluate(StatementContext context, int i) {
        Object[][] holder = new Object[1][];
        try (Execution e = plans[i].start(context, List.of())) {
            e.fetch(1, r -> holder[0] = r);
        }
        return ValueConverter.convert(holder[0][0], columns.get(i).type());
    }

    /**
     * Fills the {@link #PER_ROW} cells of a row about to be inserted (in column order) and
     * rejects an explicit value for a GENERATED ALWAYS identity column unless OVERRIDING SYSTEM
     * VALUE; OVERRIDING USER VALUE replaces explicit identity values by the sequence's.
     */
    void complete(StatementContext context, Object[] row, SqlPgInsert.Overriding overriding) {
        if (!sequences.any()) {
            return;
        }
        if (overriding == SqlPgInsert.Overriding.USER_VALUE) {
            for (int i = 0; i < row.length; i++) {
                if (sequences.identity(i)) {
                    row[i] = PER_ROW;
                }
            }
        }
        sequences.checkAlways(row, PER_ROW, overriding == SqlPgInsert.Overriding.SYSTEM_VALUE);
        for (int i = 0; i < row.length; i++) {
            if (row[i] == PER_ROW) {
                Object value = sequences.simple(i) ? sequences.next(context.session().sequences(), i)
                        : evaluate(context, i);
                row[i] = ValueConverter.convert(value, columns.get(i).type());
            }
        }
    }
}
