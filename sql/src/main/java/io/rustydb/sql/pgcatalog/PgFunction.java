package io.rustydb.sql.pgcatalog;

import io.rustydb.sql.calcite.FunctionParameters;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A catalog function implemented by a static Java method. Arguments are passed as objects (any
 * SQL type is accepted, as PostgreSQL's implicit casts to oid and text would); a method whose first
 * parameter is a {@link DataContext} gets the statement's context, to read the live catalog.
 */
final class PgFunction implements ScalarFunction, ImplementableFunction {
    private final Method method;
    private final SqlTypeName returnType;
    private final boolean returnsArray;
    private final boolean needsContext;
    private final int arity;

    private PgFunction(Method method, SqlTypeName returnType, boolean returnsArray) {
        this.method = method;
        this.returnType = returnType;
        this.returnsArray = returnsArray;
        this.needsContext = method.getParameterCount() > 0 && method.getParameterTypes()[0] == DataContext.class;
        this.arity = method.getParameterCount() - (needsContext ? 1 : 0);
    }

    /** The public static method {@code name} of {@link PgFunctions} with {@code arity} SQL arguments. */
    static PgFunction of(String name, int arity, SqlTypeName returnType, boolean returnsArray) {
        return of(PgFunctions.class, name, arity, returnType, returnsArray);
    }

    /** The public static method {@code name} of {@code owner} with {@code arity} SQL arguments. */
    static PgFunction of(Class<?> owner, String name, int arity, SqlTypeName returnType, boolean returnsArray) {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                boolean context = m.getParameterCount() > 0 && m.getParameterTypes()[0] == DataContext.class;
                if (m.getParameterCount() - (context ? 1 : 0) == arity) {
                    return new PgFunction(m, returnType, returnsArray);
                }
            }
        }
        throw new IllegalArgumentException("no method " + name + "/" + arity);
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory factory) {
        RelDataType type = factory.createTypeWithNullability(factory.createSqlType(returnType), true);
        return returnsArray ? factory.createTypeWithNullability(factory.createArrayType(type, -1), true) : type;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return FunctionParameters.of(java.util.Collections.nCopies(arity, SqlTypeName.ANY));
    }

    @Override
    public CallImplementor getImplementor() {
        return RexImpTable.createImplementor((translator, call, operands) -> {
            List<Expression> arguments = new ArrayList<>();
            if (needsContext) {
                arguments.add(DataContext.ROOT);
            }
            for (Expression operand : operands) {
                Expression boxed = Primitive.is(operand.getType()) ? Expressions.box(operand) : operand;
                arguments.add(Expressions.convert_(boxed, Object.class));
            }
            return Expressions.call(method, arguments);
        }, NullPolicy.NONE, false);
    }
}
