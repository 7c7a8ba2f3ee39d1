package io.rustydb.sql.calcite;

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
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * SQL functions with side effects or changing results (nextval, rustydb_set_metric, ...): never
 * folded at planning or cached, evaluated on every call, each implemented by a public static
 * method of the same name on its owner class. Parameters have fixed SQL types (operands are
 * coerced to them) and are passed boxed; the result is nullable.
 */
public final class VolatileFunctions {

    private VolatileFunctions() {
    }

    /**
     * The operator of {@code owner.name(...)}; with {@code passContext} the statement's
     * {@link DataContext} is passed before the operands.
     */
    public static SqlOperator operator(Class<?> owner, String name, SqlTypeName returnType, boolean passContext,
            SqlTypeName... argTypes) {
        List<SqlTypeFamily> families = new ArrayList<>();
        for (SqlTypeName t : argTypes) {
            families.add(t.getFamily());
        }
        Impl impl = new Impl(owner, name, returnType, passContext, argTypes);
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                opBinding -> impl.getReturnType(opBinding.getTypeFactory()),
                (callBinding, ignored, operandTypes) -> {
                    for (int i = 0; i < operandTypes.length && i < argTypes.length; i++) {
                        operandTypes[i] = callBinding.getTypeFactory().createSqlType(argTypes[i]);
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

    /** The Calcite function: its signature and code generation (a call of the static method). */
    private static final class Impl implements ScalarFunction, ImplementableFunction {
        private final Class<?> owner;
        private final String name;
        private final SqlTypeName returnType;
        private final boolean passContext;
        private final SqlTypeName[] argTypes;

        Impl(Class<?> owner, String name, SqlTypeName returnType, boolean passContext, SqlTypeName[] argTypes) {
            this.owner = owner;
            this.name = name;
            this.returnType = returnType;
            this.passContext = passContext;
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
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(returnType), true);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return FunctionParameters.of(List.of(argTypes));
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Expression> args = new ArrayList<>();
                if (passContext) {
                    args.add(DataContext.ROOT);
                }
                for (Expression operand : translator.translateList(call.getOperands())) {
                    args.add(Expressions.convert_(Expressions.box(operand), (Type) Object.class));
                }
                return Expressions.call(owner, name, args);
            };
        }
    }
}
