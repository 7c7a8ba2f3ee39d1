package io.rustydb.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.sql.type.SqlTypeName;

/** Parameter lists of RustyDB's own Calcite functions: positional, required and nullable. */
public final class FunctionParameters {
    private FunctionParameters() {
    }

    /** One nullable parameter per type, named {@code arg0}, {@code arg1}, ... */
    public static List<FunctionParameter> of(List<SqlTypeName> types) {
        List<FunctionParameter> parameters = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            int ordinal = i;
            SqlTypeName type = types.get(i);
            parameters.add(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return ordinal;
                }

                @Override
                public String getName() {
                    return "arg" + ordinal;
                }

                @Override
                public RelDataType getType(RelDataTypeFactory factory) {
                    return factory.createTypeWithNullability(factory.createSqlType(type), true);
                }

                @Override
                public boolean isOptional() {
                    return false;
                }
            });
        }
        return parameters;
    }
}
