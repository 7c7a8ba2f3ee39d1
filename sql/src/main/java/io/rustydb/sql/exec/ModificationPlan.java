package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.List;

/** INSERT, UPDATE or DELETE: writes rows in the session's transaction and returns none. */
abstract class ModificationPlan implements StatementPlan {
    private final List<DataType> parameterTypes;

    ModificationPlan(List<DataType> parameterTypes) {
        this.parameterTypes = parameterTypes;
    }

    @Override
    public final boolean modifiesData() {
        return true;
    }

    @Override
    public final List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public final List<DataType> parameterTypes() {
        return parameterTypes;
    }
}
