package io.rustydb.sql.catalog;

import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.Tablespace;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out hidden row ids for tables without a primary key. Ids are reserved in blocks whose
 * upper bound is stored durably before any id of the block is used, so ids never repeat after a
 * crash (a crash leaves a gap, as a sequence cache does).
 */
final class RowIdAllocator {
    /** Ids per durable reservation: one synced write per 16,384 rows loaded into a table without a key. */
    private static final long BLOCK = 16_384;

    private final StorageEngine storage;
    private final Tablespace system;
    private final Map<Integer, long[]> ranges = new ConcurrentHashMap<>();

    RowIdAllocator(StorageEngine storage, Tablespace system) {
        this.storage = storage;
        this.system = system;
    }

    long next(int tableId) {
        long[] range = ranges.computeIfAbsent(tableId, id -> new long[] {0, 0});
        synchronized (range) {
            if (range[0] >= range[1]) {
                byte[] key = Catalog.key("rowid/" + tableId);
                byte[] stored = storage.get(system, key);
                long start = stored == null ? 1 : ByteBuffer.wrap(stored).getLong();
                long end = start + BLOCK;
                storage.put(system, key, ByteBuffer.allocate(Long.BYTES).putLong(end).array());
                range[0] = start;
                range[1] = end;
            }
            return range[0]++;
        }
    }

    /** Forgets a dropped table's block; table ids are never reused. */
    void forget(int tableId) {
        ranges.remove(tableId);
    }
}
