package io.rustydb.sql.sequence;

import io.rustydb.sql.calcite.VolatileFunctions;
import org.apache.calcite.DataContext;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * nextval(text), currval(text), setval(text, bigint [, boolean]) and lastval() as Calcite
 * functions. They are not deterministic (never folded or cached) and run against the session's
 * {@link SessionSequences}, which the execution's data context provides under {@code "sequences"}.
 */
public final class SequenceFunctions {
    /** The data-context key of the session's {@link SessionSequences}. */
    public static final String CONTEXT_KEY = "sequences";

    private static final SqlOperatorTable TABLE = SqlOperatorTables.of(
            function("nextval", SqlTypeName.VARCHAR),
            function("currval", SqlTypeName.VARCHAR),
            function("setval", SqlTypeName.VARCHAR, SqlTypeName.BIGINT),
            function("setval", SqlTypeName.VARCHAR, SqlTypeName.BIGINT, SqlTypeName.BOOLEAN),
            function("lastval"));

    private SequenceFunctions() {
    }

    /** The operators to chain into the planner's operator table. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    // Runtime entry points called by the generated code.

    public static Long nextval(DataContext root, Object name) {
        return name == null ? null : sequences(root).nextval(name.toString());
    }

    public static Long currval(DataContext root, Object name) {
        return name == null ? null : sequences(root).currval(name.toString());
    }

    public static Long setval(DataContext root, Object name, Object value) {
        return setval(root, name, value, Boolean.TRUE);
    }

    public static Long setval(DataContext root, Object name, Object value, Object called) {
        if (name == null || value == null || called == null) {
            return null;
        }
        return sequences(root).setval(name.toString(), ((Number) value).longValue(), (Boolean) called);
    }

    public static Long lastval(DataContext root) {
        return sequences(root).lastval();
    }

    private static SessionSequences sequences(DataContext root) {
        Object s = root.get(CONTEXT_KEY);
        if (s == null) {
            throw new IllegalStateException("no session sequences in this execution context");
        }
        return (SessionSequences) s;
    }

    private static SqlOperator function(String name, SqlTypeName... argTypes) {
        return VolatileFunctions.operator(SequenceFunctions.class, name, SqlTypeName.BIGINT, true, argTypes);
    }
}
