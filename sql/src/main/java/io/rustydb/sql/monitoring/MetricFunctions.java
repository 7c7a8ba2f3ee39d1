package io.rustydb.sql.monitoring;

import io.rustydb.monitoring.CustomMetrics;
import io.rustydb.sql.calcite.FunctionParameters;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

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
        List<SqlTypeFamily> families = new ArrayList<>();
        for (SqlTypeName t : ARGS) {
            families.add(t.getFamily());
        }
        Impl impl = new Impl(name);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                opBinding -> opBinding.getTypeFactory().createTypeWithNullability(
                        opBinding.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), true),
                (callBinding, returnType, operandTypes) -> {
                    for (int i = 0; i < operandTypes.length && i < ARGS.length; i++) {
                        operandTypes[i] = callBinding.getTypeFactory().createSqlType(ARGS[i]);
                    }
                },
                OperandTypes.operandMetadata(families, impl::types, i -> "arg" + i, i -> false),
                impl) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        };
    }

    /** The Calcite function: its signature and code generation (a call of the static method above). */
    private static final class Impl implements ScalarFunction, ImplementableFunction {
        private final String name;

        Impl(String name) {
            this.name = name;
        }

        List<RelDataType> types(RelDataTypeFactory factory) {
            List<RelDataType> types = new ArrayList<>();
            for (SqlTypeName t : ARGS) {
                types.add(factory.createTypeWithNullability(factory.createSqlType(t), true));
            }
            return types;
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), true);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return FunctionParameters.of(List.of(ARGS));
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Expression> args = new ArrayList<>();
                for (Expression operand : translator.translateList(call.getOperands())) {
                    args.add(Expressions.convert_(Expressions.box(operand), (Type) Object.class));
                }
                return Expressions.call(MetricFunctions.class, name, args);
            };
        }
    }
}
