package io.rustydb.sql.index;

import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.Arrays;

/** What ANALYZE measures of an index for the planner: the number of distinct keys. */
public final class IndexStatistics {
    private IndexStatistics() {
    }

    /** Distinct indexed value combinations among the entries visible to {@code txn}. */
    public static long distinctKeys(StorageTransaction txn, Tablespace tablespace, TableDef table, IndexDef index,
            Runnable checkCancelled) {
        IndexKeys keys = new IndexKeys(table, index);
        long distinct = 0;
        long seen = 0;
        Object[] last = null;
        try (KvIterator it = txn.scan(tablespace, KeyCodec.objectPrefix(index.id()), KeyCodec.objectPrefixEnd(index.id()))) {
            while (it.next()) {
                Object[] values = keys.decode(it.key());
                if (last == null || !Arrays.equals(last, values)) {
                    distinct++;
                    last = values;
                }
                if (++seen % 65536 == 0) {
                    checkCancelled.run();
                }
            }
        }
        return distinct;
    }
}
