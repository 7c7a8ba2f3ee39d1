package io.rustydb.sql.exec;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.sql.catalog.TableDef;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a table under a new definition (ALTER TABLE ADD PRIMARY KEY, ADD/DROP COLUMN): every
 * row is read from the old key range, transformed and written to the new one in batches, with
 * the new definition's constraints enforced; then the catalog switches to the new definition in
 * one durable step and the old rows are deleted. The caller holds the table's exclusive lock. If
 * a row is refused, what was written is deleted and the table stays as it was.
 */
public final class TableRewriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableRewriter.class);
    private static final int BATCH = 10_000;
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
        try (StorageTransaction read = storage.begin()) {
            read.beginStatement();
            StorageTransaction write = storage.begin();
            try (KvIterator it = read.scan(oldData, KeyCodec.objectPrefix(from.id()), KeyCodec.objectPrefixEnd(from.id()))) {
                while (it.next()) {
                    writer.insert(write, rowMap.apply(RowCodec.decode(it.value(), from.columnTypes())));
                    if (++rows % BATCH == 0) {
                        write.commit();
                        write = storage.begin();
                        context.checkCancelled();
                    }
                    if (rows % PROGRESS_EVERY == 0) {
                        LOG.info("Rewriting table {}: {} rows done", from.name(), rows);
                    }
                }
                write.commit();
            } catch (RuntimeException e) {
                write.rollback();
                engine.catalog().deleteRows(to);
                throw e;
            }
        }
        engine.catalog().replaceTable(from, to);
        engine.catalog().deleteRows(from);
        return rows;
    }
}
