package io.rustydb.sql.calcite;

import io.rustydb.common.types.ColumnType;
import io.rustydb.sql.ResultColumn;
import java.util.List;
import org.apache.calcite.runtime.Bindable;

/**
 * A query compiled to Java by Calcite: runs against any {@link ExecutionContext} and is shared by
 * every session executing the same statement shape. {@code slotTypes} is the validated type of
 * each dynamic parameter, by index; {@code plan} the plan as EXPLAIN prints it, {@code tree} the
 * same plan as operators with estimates (null if it could not be described) and
 * {@code indexSuggestion} the slow-query log's index advice for it, or null.
 */
public record CompiledQuery(Bindable<Object> bindable, List<ResultColumn> columns, List<ColumnType> slotTypes,
        String plan, io.rustydb.monitoring.statements.PlanNode tree, String indexSuggestion) {
}
