package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.List;

/** INSERT, UPDATE or DELETE: writes rows in the session's transaction and returns none. */
public abstract class ModificationPlan implements StatementPlan {
    private final List<DataType> parameterTypes;

    protected ModificationPlan(List<DataType> parameterTypes) {
        this.parameterTypes = parameterTypes;
    }

    /** The table the statement writes; its writers hold a shared table lock until commit. */
    public abstract int tableId();

    @Override
    public final boolean modifiesData() {
        return true;
    }

    @Override
    public List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public final List<DataType> parameterTypes() {
        return parameterTypes;
    }
}
