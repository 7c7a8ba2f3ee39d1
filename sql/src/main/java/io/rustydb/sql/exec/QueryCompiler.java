package io.rustydb.sql.exec;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.calcite.CompiledQuery;
import io.rustydb.sql.calcite.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;

/**
 * Parameterizes and compiles a query through the shared plan cache. A first attempt leaves
 * string literals and undeclared parameters untyped for the validator to infer from context; if
 * that fails for lack of context, they are typed as text, as PostgreSQL resolves 'unknown'.
 */
public final class QueryCompiler {

    /** A compiled plan and the slots of this statement instance (literal values, client indexes). */
    public record Result(CompiledQuery query, List<Parameterizer.Slot> slots, int clientParameterCount) {

        /** Slot values for one execution: literals and client parameters converted to slot types. */
        public Object[] slotValues(List<Object> clientParameters, Object[] internalValues) {
            Object[] values = new Object[slots.size()];
            int internal = 0;
            for (int i = 0; i < values.length; i++) {
                Parameterizer.Slot slot = slots.get(i);
                Object raw;
                if (slot.isClientParameter()) {
                    raw = clientParameters.get(slot.clientIndex());
                } else if (slot.literalValue() != null) {
                    raw = slot.literalValue();
                } else {
                    raw = internalValues == null ? null : internalValues[internal++];
                }
                ColumnType type = i < query.slotTypes().size() ? query.slotTypes().get(i) : null;
                values[i] = type == null ? raw : ValueConverter.convert(raw, type.type());
            }
            return values;
        }

        /** The type of each client parameter as the plan uses it. */
        public List<DataType> clientParameterTypes(List<DataType> declared) {
            List<DataType> types = new ArrayList<>();
            for (int i = 0; i < clientParameterCount; i++) {
                types.add(i < declared.size() ? declared.get(i) : null);
            }
            for (int i = 0; i < slots.size(); i++) {
                Parameterizer.Slot slot = slots.get(i);
                if (slot.isClientParameter() && types.get(slot.clientIndex()) == null) {
                    types.set(slot.clientIndex(), query.slotTypes().get(i).type());
                }
            }
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i) == null) {
                    types.set(i, DataType.TEXT);
                }
            }
            return types;
        }
    }

    /** Where the plan-cache keys compiled by the current thread are recorded, if anywhere. */
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private QueryCompiler() {
    }

    /**
     * Runs {@code action} and adds to {@code keys} the plan-cache key of every plan it compiles on
     * this thread: two statements that compile the same keys run the same plans.
     */
    public static <T> T recordingPlans(List<String> keys, Supplier<T> action) {
        List<String> outer = RECORDING.get();
        RECORDING.set(keys);
        try {
            return action.get();
        } finally {
            RECORDING.set(outer);
        }
    }

    /**
     * @param builder builds the parameterized tree with the given parameterizer (called once per
     *     attempt, so it must build a fresh tree each time)
     */
    public static Result compile(EngineContext engine, Function<Parameterizer, SqlNode> builder,
            List<DataType> clientTypes, List<String> columnNames) {
        return compile(engine, builder, clientTypes, tree -> {
            String key = cacheKey(engine, tree);
            CompiledQuery query = engine.plans().get(key, () -> engine.planner().compile(tree, columnNames));
            List<String> recording = RECORDING.get();
            if (recording != null) {
                recording.add(key);
            }
            return query;
        });
    }

    /** Compiles for EXPLAIN ANALYZE (not cached): {@code holder[0]} gets the instrumented query. */
    public static Result compileAnalyzed(EngineContext engine, Function<Parameterizer, SqlNode> builder,
            List<DataType> clientTypes, List<String> columnNames, QueryPlanner.AnalyzedQuery[] holder) {
        return compile(engine, builder, clientTypes, tree -> {
            holder[0] = engine.planner().compileAnalyzed(tree, columnNames);
            return holder[0].compiled();
        });
    }

    private static Result compile(EngineContext engine, Function<Parameterizer, SqlNode> builder,
            List<DataType> clientTypes, Function<SqlNode, CompiledQuery> compiler) {
        for (boolean castStrings : new boolean[] {false, true}) {
            Parameterizer parameterizer = new Parameterizer(clientTypes, castStrings);
            SqlNode tree = ViewExpander.expand(engine.catalog(), builder.apply(parameterizer));
            try {
                CompiledQuery query = compiler.apply(tree);
                return new Result(query, parameterizer.slots(), parameterizer.clientParameterCount());
            } catch (RuntimeException e) {
                if (castStrings || !isUntypedParameter(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static boolean isUntypedParameter(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            // Calcite's validator gives up on a parameter nested deep in CASE branches this way.
            if (c instanceof UnsupportedOperationException && String.valueOf(c.getMessage()).contains("SqlDynamicParam")) {
                return true;
            }
        }
        RustyDbException error = ErrorTranslator.translate(e, "", 0);
        return error.code() == ErrorCode.INDETERMINATE_DATATYPE
                || String.valueOf(error.getMessage()).contains("Illegal use of dynamic parameter");
    }

    private static String cacheKey(EngineContext engine, SqlNode tree) {
        StringBuilder key = new StringBuilder();
        key.append(engine.catalog().version()).append('|');
        key.append(tree.toSqlString(c -> c.withDialect(AnsiSqlDialect.DEFAULT)).getSql());
        return key.toString();
    }
}
