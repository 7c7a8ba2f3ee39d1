package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.catalog.TableDef;
import java.util.List;
import java.util.function.Consumer;

/** INSERT, UPDATE or DELETE: reports every row it writes, so RETURNING can evaluate its list on them. */
public abstract class RowWritingPlan extends ModificationPlan {

    protected RowWritingPlan(List<DataType> parameterTypes) {
        super(parameterTypes);
    }

    /** The table written. */
    public abstract TableDef table();

    /**
     * Does the statement's work, passing each row as stored (for DELETE, as it was) to
     * {@code written}; returns the number of rows.
     */
    public abstract long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written);

    /** The command tag for {@code rows} rows, e.g. {@code INSERT 0 3}. */
    public abstract String tag(long rows);

    @Override
    public final int tableId() {
        return table().id();
    }

    @Override
    public final Execution start(StatementContext context, List<Object> parameters) {
        return Execution.completed(tag(write(context, parameters, row -> { })));
    }
}
