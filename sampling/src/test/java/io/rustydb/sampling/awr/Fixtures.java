package io.rustydb.sampling.awr;

import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;
import io.rustydb.sampling.ash.AshSample;
import java.util.ArrayList;
import java.util.List;

/** Counters and samples for the AWR tests. */
final class Fixtures {
    private Fixtures() {
    }

    static AwrSnapshot.SystemStats system(long queries, long dbTimeMs, long commits, long rollbacks) {
        return new AwrSnapshot.SystemStats(queries, 0, dbTimeMs * 1_000_000, commits, rollbacks, 0, 0, 3, 1);
    }

    static AwrSnapshot.SqlStat sql(String id, long executions, long elapsedMs, long cpuMs, long gets, long reads,
            long rowsReturned, long rowsExamined) {
        return new AwrSnapshot.SqlStat(id, "SELECT " + id, executions, 0, elapsedMs * 1_000_000, cpuMs * 1_000_000, 0,
                gets, reads, reads * 8192, rowsReturned, 0, rowsExamined, 0, 0, executions, elapsedMs * 1_000_000,
                List.of());
    }

    static AwrSnapshot.WaitStat wait(String event, String waitClass, long waits, long ms) {
        List<Long> histogram = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            histogram.add(i == 2 ? waits : 0L);
        }
        return new AwrSnapshot.WaitStat(event, waitClass, waits, 0, ms * 1_000_000, histogram);
    }

    static AwrSnapshot snapshot(long id, long startup, long end, AwrSnapshot.SystemStats system,
            List<AwrSnapshot.SqlStat> sql, List<AwrSnapshot.WaitStat> waits, long hits, long misses) {
        return new AwrSnapshot(id, "test", "0.0", startup, end - 1000, end, AwrSnapshot.MANUAL, system, sql, waits,
                new AwrSnapshot.IoStat(new AwrSnapshot.FileIo(misses, 0, 0, misses * 8192, 0),
                        new AwrSnapshot.FileIo(0, commitsOf(system), commitsOf(system), 0, 100 * commitsOf(system)),
                        misses, misses * 100, commitsOf(system), commitsOf(system) * 1000),
                new AwrSnapshot.BufferPool(8_192_000, 4_000_000, 1000, 8192, hits, misses, 0), List.of(), 1, 0, List.of());
    }

    private static long commitsOf(AwrSnapshot.SystemStats s) {
        return s.commits();
    }

    static AshSample sample(long id, long time, int session, String sqlId, WaitEvent event, int blocker) {
        return new AshSample(id, time, 1000, session, 1, "u" + session, "prog", "127.0.0.1", 0, sqlId,
                "SELECT " + sqlId, 1, 0, event == null ? AshSample.ON_CPU : blocker != 0 ? AshSample.BLOCKED
                        : AshSample.WAITING, event == null ? WaitClass.CPU : event.waitClass(), event, event == null ? 0 : 7,
                event == null ? 0 : 500_000, blocker, event == null ? null : "orders", "USERS", 5_000_000, 9_000_000);
    }
}
