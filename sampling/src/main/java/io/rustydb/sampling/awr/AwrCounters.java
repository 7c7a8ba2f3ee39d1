package io.rustydb.sampling.awr;

import java.util.List;

/**
 * The node's cumulative counters read at one moment, from which a snapshot is made. {@code sql}
 * holds every statement's cumulative figures; a figure a capture setting turns off is empty or null.
 */
public record AwrCounters(AwrSnapshot.SystemStats system, List<AwrSnapshot.SqlStat> sql,
        List<AwrSnapshot.WaitStat> waits, AwrSnapshot.IoStat io, AwrSnapshot.BufferPool bufferPool) {

    /** Reads a node's counters; called on the actor's thread when a snapshot is taken. */
    @FunctionalInterface
    public interface Source {
        AwrCounters read(AwrSettings settings);
    }
}
