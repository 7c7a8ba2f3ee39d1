package io.rustydb.sql.exec;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.calcite.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlNode;

/**
 * EXPLAIN ANALYZE statement: runs the statement (a modification really modifies, as in
 * PostgreSQL) and returns its plan with, next to each operator's estimates, the rows it produced
 * and the time it took. Queries planned by Calcite are compiled with a probe above every
 * operator; UPDATE and DELETE report their row search and their modification; other statements
 * report their one step.
 */
public final class ExplainAnalyze {
    private static final List<ResultColumn> COLUMNS =
            List.of(new ResultColumn("QUERY PLAN", ColumnType.of(DataType.TEXT), 0, 0));

    private ExplainAnalyze() {
    }

    /** The EXPLAIN ANALYZE plan of {@code inner}; {@code tree} supplies fresh parses of the statement. */
    public static StatementPlan create(EngineContext engine, StatementPlan inner, Supplier<SqlNode> tree,
            List<DataType> declared) {
        if (inner instanceof ModificationPlan write) {
            return new Modification(write);
        }
        return new Other(engine, inner, tree, declared);
    }

    /** Before a profiled execution of a plan without per-operator probes: forgets the thread's last row search. */
    public static void beginStep() {
        RowModification.LAST_SCAN.remove();
    }

    /**
     * The profile tree of a plan without per-operator probes, as EXPLAIN ANALYZE reports it: the
     * whole statement's rows and time on its top step and, for an UPDATE or DELETE, the rows its
     * search found and the time it took on the search step.
     */
    public static io.rustydb.monitoring.statements.PlanNode measuredStep(io.rustydb.monitoring.statements.PlanNode tree,
            long rows, long nanos) {
        long[] scan = RowModification.LAST_SCAN.get();
        RowModification.LAST_SCAN.remove();
        io.rustydb.monitoring.statements.PlanNode top = tree;
        if (scan != null && tree.children().size() == 1) {
            top = tree.withChildren(List.of(tree.children().get(0).measured(scan[0], 1, scan[1] / 1_000_000.0)));
        }
        return top.measured(rows, 1, nanos / 1_000_000.0);
    }

    private static String actual(long rows, long nanos) {
        return String.format(Locale.ROOT, " (actual rows=%d loops=1 time=%.3f ms)", rows, nanos / 1_000_000.0);
    }

    private static Execution result(List<String> lines, long nanos) {
        List<Object[]> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(new Object[] {line}));
        rows.add(new Object[] {String.format(Locale.ROOT, "Execution Time: %.3f ms", nanos / 1_000_000.0)});
        return Execution.ofRows(rows, "EXPLAIN");
    }

    /** Runs an execution to its end; returns the rows it produced. */
    private static long drain(Execution execution) {
        long[] count = {0};
        try (execution) {
            execution.fetch(0, row -> count[0]++);
        }
        return count[0];
    }

    private static List<String> annotated(StatementPlan plan, long rows, long nanos) {
        List<String> lines = new ArrayList<>(plan.explain());
        lines.set(0, lines.get(0) + actual(rows, nanos));
        return lines;
    }

    /** INSERT / UPDATE / DELETE (with or without RETURNING): keeps the writer's table lock. */
    private static final class Modification extends ModificationPlan {
        private final ModificationPlan inner;

        Modification(ModificationPlan inner) {
            super(inner.parameterTypes());
            this.inner = inner;
        }

        @Override
        public int tableId() {
            return inner.tableId();
        }

        @Override
        public List<ResultColumn> columns() {
            return COLUMNS;
        }

        @Override
        public String commandName() {
            return inner.commandName();
        }

        @Override
        public Execution start(StatementContext context, List<Object> parameters) {
            RowModification.LAST_SCAN.remove();
            long started = System.nanoTime();
            Execution execution = inner.start(context, parameters);
            long returned = drain(execution);
            long nanos = System.nanoTime() - started;
            String tag = execution.commandTag();
            long rows = tag.matches(".*\\d+$") ? Long.parseLong(tag.substring(tag.lastIndexOf(' ') + 1)) : returned;
            List<String> lines = annotated(inner, rows, nanos);
            long[] scan = RowModification.LAST_SCAN.get();
            RowModification.LAST_SCAN.remove();
            if (scan != null && lines.size() > 1) {
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + actual(scan[0], scan[1]));
            }
            return result(lines, nanos);
        }
    }

    /** A query (or any other statement): instrumented per operator when Calcite plans it. */
    private static final class Other implements StatementPlan {
        private final EngineContext engine;
        private final StatementPlan inner;
        private final Supplier<SqlNode> tree;
        private final List<DataType> declared;

        Other(EngineContext engine, StatementPlan inner, Supplier<SqlNode> tree, List<DataType> declared) {
            this.engine = engine;
            this.inner = inner;
            this.tree = tree;
            this.declared = declared;
        }

        @Override
        public List<ResultColumn> columns() {
            return COLUMNS;
        }

        @Override
        public List<DataType> parameterTypes() {
            return inner.parameterTypes();
        }

        @Override
        public boolean transactional() {
            return inner.transactional();
        }

        @Override
        public Execution start(StatementContext context, List<Object> parameters) {
            if (!(inner instanceof QueryPlan)) {
                long started = System.nanoTime();
                long rows = drain(inner.start(context, parameters));
                long nanos = System.nanoTime() - started;
                return result(annotated(inner, rows, nanos), nanos);
            }
            QueryPlanner.AnalyzedQuery[] holder = new QueryPlanner.AnalyzedQuery[1];
            QueryCompiler.Result compiled = QueryCompiler.compileAnalyzed(engine, p -> tree.get().accept(p), declared,
                    null, holder);
            long started = System.nanoTime();
            Enumerator<Object> rows = compiled.query().bindable()
                    .bind(context.dataContext(compiled.slotValues(parameters, null))).enumerator();
            try {
                while (rows.moveNext()) {
                    context.checkCancelled();
                }
            } finally {
                rows.close();
            }
            return result(holder[0].lines(), System.nanoTime() - started);
        }
    }
}
