package io.rustydb.sql.index;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.RowCodec;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.persistence.WriteTarget;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new index over a table's existing rows: reads them from one snapshot and writes their
 * entries as a bulk load (bounded memory, removed again if the node stops before it commits). The caller holds the table's exclusive lock, so no writer changes the rows
 * meanwhile. If a UNIQUE index meets duplicate values (23505), the entries written so far are
 * removed and the catalog is left unchanged.
 */
public final class IndexBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);
    private static final int CANCEL_CHECK_ROWS = 10_000;
    private static final long PROGRESS_EVERY = 500_000;

    private IndexBuilder() {
    }

    /** Writes the entries of {@code index} for every row of {@code table}; returns the row count. */
    public static long build(StorageEngine storage, TableDef table, IndexDef index,
            Runnable checkCancelled) {
        Tablespace data = storage.tablespace(table.tablespace());
        IndexMaintainer maintainer = IndexMaintainer.single(table, index, data);
        IndexKeys keys = new IndexKeys(table, index);
        long rows = 0;
        long started = System.nanoTime();
        try (StorageTransaction read = storage.begin(); StorageTransaction write = storage.begin()) {
            read.beginStatement();
            write.beginStatement();
            WriteTarget target = write.bulkLoad(data, index.id());
            if (target == null) {
                throw new IllegalStateException("new index " + index.id() + " already holds entries");
            }
            Object[] row = null;
            try (KvIterator it = read.scan(data, KeyCodec.objectPrefix(table.id()), KeyCodec.objectPrefixEnd(table.id()))) {
                while (it.next()) {
                    row = RowCodec.decode(it.value(), table.columnTypes());
                    maintainer.inserted(target, it.key(), row);
                    if (++rows % CANCEL_CHECK_ROWS == 0) {
                        checkCancelled.run();
                    }
                    if (rows % PROGRESS_EVERY == 0) {
                        LOG.info("Building index {} on {}: {} rows done", index.name(), table.name(), rows);
                    }
                }
                write.commit();
            } catch (RuntimeException e) {
                // rolling back removes the entries written so far
                write.rollback();
                if (e instanceof RustyDbException r && r.code() == ErrorCode.UNIQUE_VIOLATION && row != null) {
                    throw new RustyDbException(ErrorCode.UNIQUE_INDEX_BUILD_FAILED, index.name())
                            .withDetail("Key " + IndexMaintainer.describe(index, keys.values(row)) + " is duplicated.");
                }
                throw e;
            }
        }
        LOG.info("Built index {} on {} over {} rows in {} ms", index.name(), table.name(), rows,
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }
}
