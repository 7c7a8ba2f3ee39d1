package io.rustydb.monitoring;

import io.rustydb.persistence.StorageEngine;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory of one part of the node, read when asked from RocksDB's properties or the JVM's
 * management beans.
 *
 * @param component its name: {@code buffer_pool}, {@code memtables}, {@code table_readers},
 *     {@code jvm_heap}, {@code jvm_non_heap}, {@code direct_buffers}
 * @param allocatedBytes memory set aside for it (see {@link #read} for each component)
 * @param usedBytes memory of it in use
 * @param source where both figures come from
 */
public record MemoryComponent(String component, long allocatedBytes, long usedBytes, String source) {

    /**
     * Every component, measured now:
     * <ul>
     *   <li>{@code buffer_pool}: block cache capacity and usage;</li>
     *   <li>{@code memtables}: {@code rocksdb.size-all-mem-tables} (every memtable still held,
     *       flushed ones kept for readers included) and {@code rocksdb.cur-size-all-mem-tables}
     *       (active and unflushed ones), summed over the tablespaces;</li>
     *   <li>{@code table_readers}: {@code rocksdb.estimate-table-readers-mem}, the SST readers'
     *       memory outside the block cache (RustyDB keeps index and filter blocks in the cache), as
     *       both figures;</li>
     *   <li>{@code jvm_heap}, {@code jvm_non_heap}: committed and used memory of the memory
     *       MXBean (non-heap: metaspace, code cache, compressed class space);</li>
     *   <li>{@code direct_buffers}: total capacity and memory used of the JVM's direct buffer pool.</li>
     * </ul>
     */
    public static List<MemoryComponent> read(StorageEngine storage) {
        List<MemoryComponent> all = new ArrayList<>();
        all.add(new MemoryComponent("buffer_pool", storage.dbProperty("rocksdb.block-cache-capacity"),
                storage.dbProperty("rocksdb.block-cache-usage"),
                "RocksDB block cache: rocksdb.block-cache-capacity, rocksdb.block-cache-usage"));
        all.add(new MemoryComponent("memtables", storage.aggregatedProperty("rocksdb.size-all-mem-tables"),
                storage.aggregatedProperty("rocksdb.cur-size-all-mem-tables"),
                "RocksDB write buffers: rocksdb.size-all-mem-tables, rocksdb.cur-size-all-mem-tables"));
        long readers = storage.aggregatedProperty("rocksdb.estimate-table-readers-mem");
        all.add(new MemoryComponent("table_readers", readers, readers,
                "RocksDB SST readers outside the block cache: rocksdb.estimate-table-readers-mem"));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        all.add(new MemoryComponent("jvm_heap", heap.getCommitted(), heap.getUsed(),
                "JVM heap: MemoryMXBean committed, used"));
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        all.add(new MemoryComponent("jvm_non_heap", nonHeap.getCommitted(), nonHeap.getUsed(),
                "JVM non-heap (metaspace, code cache): MemoryMXBean committed, used"));
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                all.add(new MemoryComponent("direct_buffers", pool.getTotalCapacity(), pool.getMemoryUsed(),
                        "JVM direct buffers: BufferPoolMXBean total capacity, memory used"));
            }
        }
        return all;
    }
}
