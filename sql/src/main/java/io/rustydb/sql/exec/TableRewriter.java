package io.rustydb.sql.exec;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.persistence.WriteTarget;
import io.rustydb.sql.catalog.TableDef;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a table under a new definition (ALTER TABLE ADD PRIMARY KEY, ADD/DROP COLUMN): every
 * row is read from the old key range, transformed and written to the new one as a bulk load
 * (bounded memory, removed again if the node stops before it commits), with the new definition's
 * constraints enforced; then the catalog switches to the new definition in one durable step and
 * the old rows are deleted. The caller holds the table's exclusive lock. If a row is refused,
 * what was written is removed and the table stays as it was.
 */
public final class TableRewriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableRewriter.class);
    private static final int CANCEL_CHECK_ROWS = 10_000;
    private static final long PROGRESS_EVERY = 1_000_000;

    private TableRewriter() {
    }

    /** Rewrites {@code from} as {@code to} (which has a new id); returns the number of rows. */
    public static long rewrite(EngineContext engine, TableDef from, TableDef to, UnaryOperator<Object[]> rowMap,
            StatementContext context) {
        StorageEngine storage = engine.storage();
        to = to.withIndexes(io.rustydb.sql.index.IndexRenumbering.fresh(engine.catalog(), to.indexes()));
        RowWriter writer = new RowWriter(engine, to);
        var oldData = storage.tablespace(from.tablespace());
        long rows = 0;
        try (StorageTransaction read = storage.begin(); StorageTransaction write = storage.begin()) {
            read.beginStatement();
            write.beginStatement();
            WriteTarget target = bulkTarget(write, storage.tablespace(to.tablespace()), to);
            try (KvIterator it = read.scan(oldData, KeyCodec.objectPrefix(from.id()), KeyCodec.objectPrefixEnd(from.id()))) {
                while (it.next()) {
                    writer.insert(target, rowMap.apply(RowCodec.decode(it.value(), from.columnTypes())));
                    if (++rows % CANCEL_CHECK_ROWS == 0) {
                        context.checkCancelled();
                    }
                    if (rows % PROGRESS_EVERY == 0) {
                        LOG.info("Rewriting table {}: {} rows done", from.name(), rows);
                    }
                }
            }
            // on failure the bulk load rolls back with the transaction: nothing of it stays
            write.commit();
        }
        engine.catalog().replaceTable(from, to);
        // the count was just measured: the planner keeps its estimate across the rewrite
        engine.catalog().recordRowCount(to.id(), rows);
        engine.catalog().deleteRows(from);
        return rows;
    }

    /** A bulk load of {@code table}'s objects, which have fresh ids and so hold no keys yet. */
    static WriteTarget bulkTarget(StorageTransaction write, Tablespace tablespace, TableDef table) {
        int[] objects = new int[table.indexes().size() + 1];
        objects[0] = table.id();
        for (int i = 0; i < table.indexes().size(); i++) {
            objects[i + 1] = table.indexes().get(i).id();
        }
        WriteTarget target = write.bulkLoad(tablespace, objects);
        if (target == null) {
            throw new IllegalStateException("new objects " + java.util.Arrays.toString(objects) + " already hold keys");
        }
        return target;
    }
}
