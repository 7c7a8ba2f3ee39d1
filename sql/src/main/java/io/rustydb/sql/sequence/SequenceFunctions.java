package io.rustydb.sql.sequence;

import io.rustydb.sql.calcite.FunctionParameters;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
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
        List<SqlTypeFamily> families = new ArrayList<>();
        for (SqlTypeName t : argTypes) {
            families.add(t.getFamily());
        }
        Impl impl = new Impl(name, argTypes);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                opBinding -> opBinding.getTypeFactory().createTypeWithNullability(
                        opBinding.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true),
                (callBinding, returnType, operandTypes) -> {
                    for (int i = 0; i < operandTypes.length && i < argTypes.length; i++) {
                        operandTypes[i] = callBinding.getTypeFactory().createSqlType(argTypes[i]);
                    }
                },
                OperandTypes.operandMetadata(families,
                        f -> impl.types(f), i -> "arg" + i, i -> false),
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
        private final SqlTypeName[] argTypes;

        Impl(String name, SqlTypeName[] argTypes) {
            this.name = name;
            this.argTypes = argTypes;
        }

        List<RelDataType> types(RelDataTypeFactory factory) {
            List<RelDataType> types = new ArrayList<>();
            for (SqlTypeName t : argTypes) {
                types.add(factory.createTypeWithNullability(factory.createSqlType(t), true));
            }
            return types;
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT), true);
        }

        @Override
            public List<FunctionParameter> getParameters() {
            return FunctionParameters.of(List.of(argTypes));
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Expression> args = new ArrayList<>();
                args.add(DataContext.ROOT);
                for (Expression operand : translator.translateList(call.getOperands())) {
                    args.add(Expressions.convert_(Expressions.box(operand), (Type) Object.class));
                }
                return Expressions.call(SequenceFunctions.class, name, args);
            };
        }
    }
}
