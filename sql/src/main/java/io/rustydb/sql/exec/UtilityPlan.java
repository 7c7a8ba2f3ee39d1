package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.List;

/**
 * A statement that acts on the session or the catalog rather than on rows (DDL, transaction
 * control, SET): no parameters, no result rows unless it says so, and run outside the session's
 * data transaction.
 */
public abstract class UtilityPlan implements StatementPlan {

    @Override
    public List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public List<DataType> parameterTypes() {
        return List.of();
    }

    @Override
    public boolean transactional() {
        return false;
    }
}
