package io.rustydb.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.WriteStallCondition;
import org.rocksdb.WriteStallInfo;

/**
 * Whether RocksDB is holding back writes now (flushes or compactions behind): told by RocksDB
 * whenever a column family's write-stall condition changes, so reading it costs a volatile read.
 */
final class WriteStalls extends AbstractEventListener {
    private final Map<String, WriteStallCondition> stalled = new ConcurrentHashMap<>();
    private volatile boolean any;

    WriteStalls() {
        super(EnabledEventCallback.ON_STALL_CONDITIONS_CHANGED);
    }

    @Override
    public void onStallConditionsChanged(WriteStallInfo info) {
        if (info.getCurrentCondition() == WriteStallCondition.NORMAL) {
            stalled.remove(info.getColumnFamilyName());
        } else {
            stalled.put(info.getColumnFamilyName(), info.getCurrentCondition());
        }
        any = !stalled.isEmpty();
    }

    /** True while some column family's writes are delayed or stopped. */
    boolean active() {
        return any;
    }
}
