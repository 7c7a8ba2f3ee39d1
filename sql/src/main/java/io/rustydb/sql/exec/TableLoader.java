package io.rustydb.sql.exec;

import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.WriteTarget;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows given as text fields (COPY FROM) into a table in the statement's transaction:
 * each field is converted to its column's type, missing columns get their defaults, and a bad
 * value fails with its SQLSTATE and the line and column it came from.
 *
 * <p>A large load does not stay in the transaction's write set, which RocksDB holds in memory
 * until the commit: after {@link #BULK_AFTER_ROWS} rows, if the table (with its indexes) held no
 * committed rows when the load reached that point and no other session holds a lock on it, the
 * rest goes through a bulk load ({@link io.rustydb.persistence.StorageTransaction#bulkLoad}),
 * which writes in bounded batches and commits or rolls back with the transaction. The table is
 * then locked against other sessions' writes and DDL until the transaction ends, and their reads
 * wait for it, as behind PostgreSQL's TRUNCATE; otherwise the rows stay in the transaction.
 */
public final class TableLoader {
    /** Rows a COPY writes in its transaction before it tries to switch to a bulk load. */
    public static final long BULK_AFTER_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TableLoader.class);
    private static final long PROGRESS_ROWS = 1_000_000;

    private final EngineContext engine;
    private final RowWriter writer;
    private final int[] targets;
    private final Object[] defaults;
    private final ColumnDefaults perRow;
    private final StatementContext context;
    private WriteTarget target;
    private long rows;

    private TableLoader(EngineContext engine, RowWriter writer, int[] targets, Object[] defaults,
            ColumnDefaults perRow, StatementContext context) {
        this.engine = engine;
        this.writer = writer;
        this.targets = targets;
        this.defaults = defaults;
        this.perRow = perRow;
        this.context = context;
        this.target = context.transaction();
    }

    public static TableLoader create(EngineContext engine, TableDef table, int[] targets, StatementContext context) {
        ColumnDefaults columnDefaults = ColumnDefaults.create(engine, table);
        Object[] defaults = columnDefaults.evaluate(context);
        return new TableLoader(engine, new RowWriter(engine, table), targets, defaults, columnDefaults, context);
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
            writer.insert(target, row);
        } catch (RustyDbException e) {
            throw e.detail() == null ? e.withDetail("COPY " + writer.table().name() + ", line " + line) : e;
        }
        if (++rows == BULK_AFTER_ROWS) {
            tryBulkLoad();
        } else if (rows % PROGRESS_ROWS == 0) {
            LOG.info("COPY {}: {} rows loaded", writer.table().name(), rows);
        }
    }

    /** Rows loaded so far. */
    public long rows() {
        return rows;
    }

    private void tryBulkLoad() {
        TableDef table = writer.table();
        int session = context.session().sessionId();
        if (!engine.catalog().locks().tryLockForLoad(table.id(), session)) {
            return;
        }
        int[] objects = new int[table.indexes().size() + 1];
        objects[0] = table.id();
        for (int i = 0; i < table.indexes().size(); i++) {
            IndexDef index = table.indexes().get(i);
            objects[i + 1] = index.id();
        }
        WriteTarget bulk = context.transaction().bulkLoad(writer.tablespace(), objects);
        if (bulk == null) {
            engine.catalog().locks().unlockLoad(table.id(), session);
            return;
        }
        target = bulk;
        LOG.info("COPY {}: loading in bulk after {} rows", table.name(), rows);
    }
}
