package io.rustydb.sql.exec;

import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.dml.SqlDeleteUsing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * DELETE FROM t [alias] USING from_list [WHERE cond] [RETURNING ...], with PostgreSQL's semantics:
 * a target row is deleted, once, if it joins with at least one row of the USING list that
 * satisfies the WHERE condition. Every target row is checked by joining it with the USING list (a
 * nested loop: the USING tables are read once per target row), and re-checked on its latest
 * version after its row lock as DELETE does (READ COMMITTED). A RETURNING list is evaluated in the
 * same join, on the first matching row, so it may name the USING tables' columns as in PostgreSQL.
 */
public final class DeleteUsingPlan extends RowWritingPlan {
    private final RowWriter writer;
    private final RowProgram program;
    private final boolean returning;

    private DeleteUsingPlan(RowWriter writer, RowProgram program, boolean returning, List<DataType> parameterTypes) {
        super(parameterTypes);
        this.writer = writer;
        this.program = program;
        this.returning = returning;
    }

    /** @param returning supplies a freshly parsed RETURNING list, or is null */
    public static DeleteUsingPlan create(EngineContext engine, Supplier<SqlDeleteUsing> fresh,
            Supplier<SqlNodeList> returning, List<DataType> declared) {
        SqlDelete delete = fresh.get().delete();
        TableDef table = Tables.resolve(engine.catalog(), (SqlIdentifier) delete.getTargetTable());
        String alias = delete.getAlias() != null ? delete.getAlias().getSimple() : table.name();
        List<String> labels = null;
        if (returning != null) {
            List<String> names = ColumnNames.of(returning.get());
            if (names != null) {
                labels = new ArrayList<>();
                labels.add("deleted");
                labels.addAll(names);
            }
        }
        RowProgram program = RowProgram.compileJoined(engine, table, alias, p -> {
            SqlDeleteUsing node = fresh.get();
            SqlDelete d = node.delete();
            List<SqlNode> items = new ArrayList<>();
            items.add(d.getCondition() == null ? null : d.getCondition().accept(p));
            if (returning != null) {
                for (SqlNode item : returning.get()) {
                    items.add(item.accept(p));
                }
            }
            items.add(node.using().accept(p));
            return items;
        }, declared, labels);
        return new DeleteUsingPlan(new RowWriter(engine, table), program, returning != null,
                program.parameterTypes(declared));
    }

    /** The RETURNING list's columns (empty without one). */
    public List<ResultColumn> returningColumns() {
        List<ResultColumn> outputs = program.outputs();
        return List.copyOf(outputs.subList(1, outputs.size()));
    }

    @Override
    public List<String> explain() {
        return List.of("Delete on " + writer.table().name(),
                "  ->  Scan on " + writer.table().name() + " (every row joined with the USING list)");
    }

    @Override
    public TableDef table() {
        return writer.table();
    }

    @Override
    public String tag(long rows) {
        return "DELETE " + rows;
    }

    /** Passes each deleted row, or with RETURNING the list's values, to {@code written}. */
    @Override
    public long write(StatementContext context, List<Object> parameters, Consumer<Object[]> written) {
        return RowModification.run(context, parameters, writer, program, null, (key, row, evaluated) -> {
            writer.delete(context.transaction(), key, row);
            written.accept(returning ? Arrays.copyOfRange(evaluated, 1, evaluated.length) : row);
        });
    }
}
