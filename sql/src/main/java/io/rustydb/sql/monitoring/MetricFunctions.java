package io.rustydb.sql.monitoring;

import io.rustydb.monitoring.CustomMetrics;
import io.rustydb.sql.calcite.VolatileFunctions;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * {@code rustydb_record_metric(name text, type text, value float8)} (increments a counter or
 * records a histogram value) and {@code rustydb_set_metric(name text, type text, value float8)}
 * (sets a gauge), as the Monitoring Guide shows them. A metric is registered on first use and
 * exported with the built-in ones; both return the value they recorded, and null if any argument
 * is null. They are volatile: never folded or cached.
 */
public final class MetricFunctions {
    private static final SqlTypeName[] ARGS = {SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.DOUBLE};
    private static final SqlOperatorTable TABLE = SqlOperatorTables.of(
            function("rustydb_record_metric"),
            function("rustydb_set_metric"));

    private MetricFunctions() {
    }

    /** The operators to chain into the planner's operator table. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    // Runtime entry points called by the generated code.

    public static Double rustydb_record_metric(Object name, Object type, Object value) {
        if (name == null || type == null || value == null) {
            return null;
        }
        double v = ((Number) value).doubleValue();
        CustomMetrics.global().record(name.toString(), type.toString(), v);
        return v;
    }

    public static Double rustydb_set_metric(Object name, Object type, Object value) {
        if (name == null || type == null || value == null) {
            return null;
        }
        double v = ((Number) value).doubleValue();
        CustomMetrics.global().set(name.toString(), type.toString(), v);
        return v;
    }

    private static SqlOperator function(String name) {
        return VolatileFunctions.operator(MetricFunctions.class, name, SqlTypeName.DOUBLE, false, ARGS);
    }
}
