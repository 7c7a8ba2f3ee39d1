package io.rustydb.sampling.awr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Differences of cumulative counters over a range of snapshots. Counters count from the node's
 * start, so between two snapshots of different incarnations (a restart) or when a counter went
 * down, the later value is what was counted since the restart: the range's delta sums the
 * increases of every consecutive pair, and never goes negative. What happened between the last
 * snapshot before a restart and the restart is not in any snapshot and is not counted.
 */
final class Deltas {
    private Deltas() {
    }

    /** The increase of {@code counter} over {@code range} (null values count as absent). */
    static long of(List<AwrSnapshot> range, ToLongFunction<AwrSnapshot> counter) {
        long total = 0;
        for (int i = 1; i < range.size(); i++) {
            AwrSnapshot p = range.get(i - 1);
            AwrSnapshot q = range.get(i);
            long before = counter.applyAsLong(p);
            long after = counter.applyAsLong(q);
            total += reset(p, q) || after < before ? after : after - before;
        }
        return total;
    }

    /** Whether the node restarted between {@code p} and {@code q}. */
    static boolean reset(AwrSnapshot p, AwrSnapshot q) {
        return p.startupMillis() != q.startupMillis();
    }

    /** Whether every snapshot of the range has the section {@code section} returns. */
    static boolean all(List<AwrSnapshot> range, Function<AwrSnapshot, ?> section) {
        for (AwrSnapshot s : range) {
            if (section.apply(s) == null) {
                return false;
            }
        }
        return true;
    }

    /** The per-interval statement figures of the range's snapshots after the first, summed per sql_id. */
    static List<AwrSnapshot.SqlStat> sql(List<AwrSnapshot> range) {
        Map<String, AwrSnapshot.SqlStat> out = new LinkedHashMap<>();
        for (int i = 1; i < range.size(); i++) {
            for (AwrSnapshot.SqlStat s : range.get(i).sql()) {
                out.merge(s.sqlId(), s, Deltas::plus);
            }
        }
        return new ArrayList<>(out.values());
    }

    static AwrSnapshot.SqlStat plus(AwrSnapshot.SqlStat a, AwrSnapshot.SqlStat b) {
        long cpu = a.cpuNanos() < 0 && b.cpuNanos() < 0 ? -1 : Math.max(0, a.cpuNanos()) + Math.max(0, b.cpuNanos());
        long io = a.ioWaitNanos() < 0 && b.ioWaitNanos() < 0 ? -1
                : Math.max(0, a.ioWaitNanos()) + Math.max(0, b.ioWaitNanos());
        return new AwrSnapshot.SqlStat(a.sqlId(), b.sqlText() != null ? b.sqlText() : a.sqlText(),
                a.executions() + b.executions(), a.errors() + b.errors(), a.elapsedNanos() + b.elapsedNanos(), cpu, io,
                a.bufferGets() + b.bufferGets(), a.physicalReads() + b.physicalReads(), a.bytesRead() + b.bytesRead(),
                a.rowsReturned() + b.rowsReturned(), a.rowsAffected() + b.rowsAffected(),
                a.rowsExamined() + b.rowsExamined(), a.lockWaitNanos() + b.lockWaitNanos(),
                a.commitNanos() + b.commitNanos(), b.executionsTotal(), b.elapsedNanosTotal(),
                b.fullScans().isEmpty() ? a.fullScans() : b.fullScans());
    }
}
