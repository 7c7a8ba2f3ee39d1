package io.rustydb.sql.exec;

import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.TableDef;

/**
 * Writes rows given as text fields (COPY FROM) into a table in the statement's transaction:
 * each field is converted to its column's type, missing columns get their defaults, and a bad
 * value fails with its SQLSTATE and the line and column it came from.
 */
public final class TableLoader {
    private final RowWriter writer;
    private final int[] targets;
    private final Object[] defaults;
    private final ColumnDefaults perRow;
    private final StatementContext context;

    private TableLoader(RowWriter writer, int[] targets, Object[] defaults, ColumnDefaults perRow,
            StatementContext context) {
        this.writer = writer;
        this.targets = targets;
        this.defaults = defaults;
        this.perRow = perRow;
        this.context = context;
    }

    public static TableLoader create(EngineContext engine, TableDef table, int[] targets, StatementContext context) {
        ColumnDefaults columnDefaults = ColumnDefaults.create(engine, table);
        Object[] defaults = columnDefaults.evaluate(context);
        return new TableLoader(new RowWriter(engine, table), targets, defaults, columnDefaults, context);
    }

    /** Converts and writes one row; {@code line} (1-based) is for the error context. */
    public void load(String[] fields, long line) {
        Object[] row = defaults.clone();
        for (int i = 0; i < targets.length; i++) {
            try {
                row[targets[i]] = writer.convert(targets[i], fields[i]);
            } catch (RustyDbException e) {
                throw e.withDetail("COPY " + writer.table().name() + ", line " + line + ", column "
                        + writer.table().columns().get(targets[i]).name() + ": \"" + fields[i] + "\"");
            }
        }
        try {
            // COPY FROM may fill GENERATED ALWAYS identity columns, as in PostgreSQL.
            perRow.complete(context, row, io.rustydb.sql.parser.dml.SqlPgInsert.Overriding.SYSTEM_VALUE);
            writer.insert(context.transaction(), row);
        } catch (RustyDbException e) {
            throw e.detail() == null ? e.withDetail("COPY " + writer.table().name() + ", line " + line) : e;
        }
    }
}
