package io.rustydb.actors.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The buffer pool hit ratio over the recent past rather than since startup: cumulative block cache
 * hit and miss counts are sampled every interval, and the ratio is taken between the newest sample
 * that is at least one interval old and now (so over one to two intervals). Thread-safe.
 */
final class HitRatioWindow {
    /** Cumulative counts at a moment. */
    record Sample(long nanos, long hits, long misses) {
    }

    /** A ratio over a window; {@code ratio} is null when nothing was looked up in it. */
    record Ratio(Double ratio, long hits, long misses, long windowNanos) {
    }

    private final long intervalNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    HitRatioWindow(long intervalNanos, Sample first) {
        this.intervalNanos = intervalNanos;
        samples.addLast(first);
    }

    /** Records the counts at a tick, dropping samples no window will start from again. */
    synchronized void sample(Sample now) {
        samples.addLast(now);
        // keep the newest sample at least one interval old (the next window's start) and those after it
        while (samples.size() > 1) {
            Iterator<Sample> it = samples.iterator();
            it.next();
            Sample second = it.next();
            if (now.nanos() - second.nanos() >= intervalNanos) {
                samples.removeFirst();
            } else {
                break;
            }
        }
    }

    /** The ratio between the window's start and {@code now}. */
    synchronized Ratio ratio(Sample now) {
        Sample start = samples.peekFirst();
        for (Sample s : samples) {
            if (now.nanos() - s.nanos() >= intervalNanos) {
                start = s;
            }
        }
        long hits = Math.max(0, now.hits() - start.hits());
        long misses = Math.max(0, now.misses() - start.misses());
        Double ratio = hits + misses == 0 ? null : (double) hits / (hits + misses);
        return new Ratio(ratio, hits, misses, now.nanos() - start.nanos());
    }
}
