package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.RustyDbParser;
import java.util.List;

/** Column defaults of a table, compiled once per plan and evaluated once per execution. */
final class ColumnDefaults {
    private final List<ColumnDef> columns;
    private final QueryPlan[] plans;

    private ColumnDefaults(List<ColumnDef> columns, QueryPlan[] plans) {
        this.columns = columns;
        this.plans = plans;
    }

    static ColumnDefaults create(EngineContext engine, TableDef table) {
        List<ColumnDef> columns = table.columns();
        QueryPlan[] plans = new QueryPlan[columns.size()];
        for (int i = 0; i < plans.length; i++) {
            String expression = columns.get(i).defaultExpression();
            if (expression != null) {
                plans[i] = QueryPlan.create(engine,
                        () -> RustyDbParser.parseStatement("SELECT " + expression),
                        List.of());
            }
        }
        return new ColumnDefaults(columns, plans);
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
