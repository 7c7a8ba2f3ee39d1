package io.rustydb.sampling.ash;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ring buffer of samples: the newest {@code capacity} samples, none older than the retention.
 * The sampler appends; readers copy what matches. A full buffer overwrites its oldest sample
 * (counted in {@link #overwritten()}).
 */
public final class AshBuffer {
    private AshSample[] ring;
    /** Index of the oldest sample. */
    private int head;
    private int size;
    private long overwritten;
    private long expired;
    private long appended;

    public AshBuffer(int capacity) {
        this.ring = new AshSample[capacity];
    }

    public synchronized int capacity() {
        return ring.length;
    }

    public synchronized int size() {
        return size;
    }

    /** Samples dropped because the buffer was full. */
    public synchronized long overwritten() {
        return overwritten;
    }

    /** Samples dropped because they were older than the retention. */
    public synchronized long expired() {
        return expired;
    }

    /** Samples ever appended. */
    public synchronized long appended() {
        return appended;
    }

    public synchronized void append(AshSample sample) {
        appended++;
        if (size == ring.length) {
            ring[head] = sample;
            head = (head + 1) % ring.length;
            overwritten++;
        } else {
            ring[(head + size) % ring.length] = sample;
            size++;
        }
    }

    /** Drops samples taken before {@code oldestMillis}. */
    public synchronized void expireBefore(long oldestMillis) {
        while (size > 0 && ring[head].sampleTimeMillis() < oldestMillis) {
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            expired++;
        }
    }

    /** Changes the capacity, keeping the newest samples that fit. */
    public synchronized void resize(int capacity) {
        if (capacity == ring.length) {
            return;
        }
        AshSample[] next = new AshSample[capacity];
        int keep = Math.min(size, capacity);
        int skip = size - keep;
        for (int i = 0; i < keep; i++) {
            next[i] = ring[(head + skip + i) % ring.length];
        }
        overwritten += skip;
        ring = next;
        head = 0;
        size = keep;
    }

    /** The oldest sample, or null. */
    public synchronized AshSample oldest() {
        return size == 0 ? null : ring[head];
    }

    /** The newest sample, or null. */
    public synchronized AshSample newest() {
        return size == 0 ? null : ring[(head + size - 1) % ring.length];
    }

    /** The samples that match, oldest first. */
    public synchronized List<AshSample> select(Predicate<AshSample> filter) {
        List<AshSample> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            AshSample s = ring[(head + i) % ring.length];
            if (filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The newest {@code limit} samples that match, newest first. */
    public synchronized List<AshSample> newest(Predicate<AshSample> filter, int limit) {
        List<AshSample> out = new ArrayList<>();
        for (int i = size - 1; i >= 0 && out.size() < limit; i--) {
            AshSample s = ring[(head + i) % ring.length];
            if (filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
