package io.rustydb.sql.exec;

import io.rustydb.sql.calcite.CompiledQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled plans shared by all sessions, keyed by the parameterized statement text, the slot
 * types and the catalog version; least recently used plans are evicted beyond the capacity.
 */
public final class PlanCache {
    private final Map<String, CompiledQuery> entries;

    public PlanCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledQuery> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached plan for {@code key}, compiling it (outside the lock) on a miss. */
    public CompiledQuery get(String key, Supplier<CompiledQuery> compiler) {
        synchronized (entries) {
            CompiledQuery hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        CompiledQuery compiled = compiler.get();
        synchronized (entries) {
            entries.putIfAbsent(key, compiled);
        }
        return compiled;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
