package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.RowSink;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlNode;

/** A SELECT (or VALUES, set operation) compiled by Calcite, streaming its rows. */
public final class QueryPlan implements StatementPlan {
    private final QueryCompiler.Result compiled;
    private final List<DataType> parameterTypes;
    private final EngineContext engine;
    private final Supplier<SqlNode> tree;
    private final List<DataType> declaredTypes;
    private final List<String> names;

    private QueryPlan(QueryCompiler.Result compiled, List<DataType> parameterTypes, EngineContext engine,
            Supplier<SqlNode> tree, List<DataType> declaredTypes, List<String> names) {
        this.compiled = compiled;
        this.parameterTypes = parameterTypes;
        this.engine = engine;
        this.tree = tree;
        this.declaredTypes = declaredTypes;
        this.names = names;
    }

    /** @param tree supplies a freshly parsed tree of the query (validation mutates trees) */
    public static QueryPlan create(EngineContext engine, Supplier<SqlNode> tree, List<DataType> declaredTypes) {
        List<String> names = ColumnNames.of(tree.get());
        QueryCompiler.Result compiled = QueryCompiler.compile(engine, p -> tree.get().accept(p), declaredTypes, names);
        return new QueryPlan(compiled, compiled.clientParameterTypes(declaredTypes), engine, tree, declaredTypes,
                names);
    }

    @Override
    public List<ResultColumn> columns() {
        return compiled.query().columns();
    }

    @Override
    public List<DataType> parameterTypes() {
        return parameterTypes;
    }

    /** Calcite's physical plan with estimated rows and cost per operator. */
    @Override
    public List<String> explain() {
        return List.of(compiled.query().plan().split("\\R"));
    }

    @Override
    public io.rustydb.monitoring.statements.PlanNode planTree() {
        io.rustydb.monitoring.statements.PlanNode described = compiled.query().tree();
        return described != null ? described : StatementPlan.super.planTree();
    }

    @Override
    public String indexSuggestion() {
        return compiled.query().indexSuggestion();
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        Object[] slots = compiled.slotValues(parameters, null);
        Enumerator<Object> rows = compiled.query().bindable().bind(context.dataContext(slots)).enumerator();
        return new QueryExecution(rows, columns().size());
    }

    /** Compiles the query again with EXPLAIN ANALYZE's probes (not cached): one profiled execution. */
    @Override
    public InstrumentedRun instrument() {
        io.rustydb.sql.calcite.QueryPlanner.AnalyzedQuery[] holder = new io.rustydb.sql.calcite.QueryPlanner.AnalyzedQuery[1];
        QueryCompiler.Result analyzed = QueryCompiler.compileAnalyzed(engine, p -> tree.get().accept(p), declaredTypes,
                names, holder);
        return new InstrumentedRun() {
            @Override
            public Execution start(StatementContext context, List<Object> parameters) {
                Object[] slots = analyzed.slotValues(parameters, null);
                Enumerator<Object> rows = analyzed.query().bindable().bind(context.dataContext(slots)).enumerator();
                return new QueryExecution(rows, columns().size());
            }

            @Override
            public io.rustydb.monitoring.statements.PlanNode measured() {
                return holder[0].tree();
            }
        };
    }

    /** Pulls rows from the compiled plan's enumerator; suspended between fetches. */
    private static final class QueryExecution implements Execution {
        private final Enumerator<Object> rows;
        private final int width;
        private long count;
        private boolean closed;

        QueryExecution(Enumerator<Object> rows, int width) {
            this.rows = rows;
            this.width = width;
        }

        @Override
        public boolean fetch(long maxRows, RowSink sink) {
            long sent = 0;
            while (maxRows <= 0 || sent < maxRows) {
                if (!rows.moveNext()) {
                    close();
                    return false;
                }
                Object row = rows.current();
                sink.accept(width == 1 && !(row instanceof Object[]) ? new Object[] {row} : (Object[]) row);
                sent++;
                count++;
            }
            return true;
        }

        @Override
        public String commandTag() {
            return "SELECT " + count;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                rows.close();
            }
        }
    }
}
