package io.rustydb.sampling.ash;

import io.rustydb.common.session.WaitClass;
import io.rustydb.common.session.WaitEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reports over a set of samples, as Oracle computes them from ASH: every sample stands for the
 * DB time of its weight (the time since the previous tick), so times are sample-weighted
 * estimates and percentages are shares of DB time. Counts of executions and waits are distinct
 * executions ({@code sql_exec_id}) and distinct waits seen in the samples.
 */
public final class AshReports {
    private AshReports() {
    }

    /** Per-statement activity, busiest first. */
    public record SqlActivity(String sqlId, String sqlText, long samples, long dbTimeMillis, long cpuTimeMillis,
            long waitTimeMillis, long executions, double percentOfDbTime, String topWaitEvent, Set<Long> planHashes) {
    }

    /** Per-session activity, busiest first. */
    public record SessionActivity(int sessionId, String user, String program, String clientAddress,
            long loginTimeMillis, long samples, long dbTimeMillis, long cpuTimeMillis, long waitTimeMillis,
            double percentOfDbTime, Map<String, Long> waitClassMillis, String topSqlId, String topWaitEvent,
            long firstSampleMillis, long lastSampleMillis) {
    }

    /** A wait event's share within its class. */
    public record EventActivity(WaitEvent event, long waitTimeMillis, long waitCount, double avgWaitMillis,
            double percentOfDbTime) {
    }

    /** A wait class's share of DB time, with its events. */
    public record ClassActivity(WaitClass waitClass, long waitTimeMillis, long waitCount, double avgWaitMillis,
            double percentOfDbTime, List<EventActivity> events) {
    }

    /** A blocker and the sessions it held up. */
    public record BlockingChain(int blockingSession, String blockerUser, String blockerProgram, long samples,
            long blockedTimeMillis, List<Blocked> blocked) {
    }

    /** A session held up by a blocker. */
    public record Blocked(int sessionId, String user, String sqlId, String event, long samples, long blockedTimeMillis,
            long maxTimeWaitedMillis, int depth) {
    }

    public static long dbTimeMillis(List<AshSample> samples) {
        long total = 0;
        for (AshSample s : samples) {
            total += s.weightMillis();
        }
        return total;
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 10000.0 / total) / 100.0;
    }

    private static final class Acc {
        long samples;
        long db;
        long cpu;
        long waits;
        final Set<Long> executions = new HashSet<>();
        final Map<WaitEvent, Long> events = new HashMap<>();
        final Map<String, Long> classes = new TreeMap<>();
        final Map<String, Long> sqls = new HashMap<>();
        final Set<Long> plans = new HashSet<>();
        AshSample latest;
        long first = Long.MAX_VALUE;
        long last;

        void add(AshSample s) {
            samples++;
            db += s.weightMillis();
            if (s.onCpu()) {
                cpu += s.weightMillis();
            } else {
                waits += s.weightMillis();
            }
            executions.add(((long) s.sessionId() << 32) ^ s.sqlExecId());
            if (s.waitEvent() != null) {
                events.merge(s.waitEvent(), s.weightMillis(), Long::sum);
            }
            classes.merge(s.waitClass().apiName(), s.weightMillis(), Long::sum);
            if (s.sqlId() != null) {
                sqls.merge(s.sqlId(), s.weightMillis(), Long::sum);
            }
            if (s.planHash() != 0) {
                plans.add(s.planHash());
            }
            latest = s;
            first = Math.min(first, s.sampleTimeMillis());
            last = Math.max(last, s.sampleTimeMillis());
        }

        String topEvent() {
            return events.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().label())
                    .orElse(null);
        }

        String topSql() {
            return sqls.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    /** Statements by DB time (or by CPU time when {@code byCpu}). */
    public static List<SqlActivity> topSql(List<AshSample> samples, int limit, boolean byCpu) {
        long total = byCpu ? samples.stream().filter(AshSample::onCpu).mapToLong(AshSample::weightMillis).sum()
                : dbTimeMillis(samples);
        Map<String, Acc> by = new LinkedHashMap<>();
        for (AshSample s : samples) {
            if (s.sqlId() != null && (!byCpu || s.onCpu())) {
                by.computeIfAbsent(s.sqlId(), k -> new Acc()).add(s);
            }
        }
        List<SqlActivity> out = new ArrayList<>();
        by.forEach((id, a) -> out.add(new SqlActivity(id, a.latest.sqlText(), a.samples, a.db, a.cpu, a.waits,
                a.executions.size(), percent(byCpu ? a.cpu : a.db, total), a.topEvent(), a.plans)));
        out.sort(Comparator.comparingLong((SqlActivity a) -> byCpu ? a.cpuTimeMillis() : a.dbTimeMillis()).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** Sessions by DB time. */
    public static List<SessionActivity> sessions(List<AshSample> samples, int limit) {
        long total = dbTimeMillis(samples);
        Map<Integer, Acc> by = new LinkedHashMap<>();
        for (AshSample s : samples) {
            by.computeIfAbsent(s.sessionId(), k -> new Acc()).add(s);
        }
        List<SessionActivity> out = new ArrayList<>();
        by.forEach((id, a) -> {
            AshSample l = a.latest;
            out.add(new SessionActivity(id, l.user(), l.program(), l.clientAddress(), l.loginTimeMillis(), a.samples,
                    a.db, a.cpu, a.waits, percent(a.db, total), a.classes, a.topSql(), a.topEvent(), a.first, a.last));
        });
        out.sort(Comparator.comparingLong(SessionActivity::dbTimeMillis).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Wait classes by their share of DB time (CPU included, as Oracle's "top timed events"), each
     * with its events. A wait's duration is the longest {@code time_waited} seen for it, so the
     * average is a lower bound of the real one.
     */
    public static List<ClassActivity> waitClasses(List<AshSample> samples) {
        long total = dbTimeMillis(samples);
        Map<WaitClass, long[]> classes = new TreeMap<>();
        Map<WaitEvent, long[]> events = new TreeMap<>();
        Map<String, Long> longest = new HashMap<>();
        for (AshSample s : samples) {
            classes.computeIfAbsent(s.waitClass(), k -> new long[1])[0] += s.weightMillis();
            if (s.waitEvent() != null) {
                events.computeIfAbsent(s.waitEvent(), k -> new long[1])[0] += s.weightMillis();
                longest.merge(s.sessionId() + ":" + s.waitId() + ":" + s.waitEvent().ordinal(), s.timeWaitedMicros(),
                        Math::max);
            }
        }
        Map<WaitEvent, long[]> distinct = new HashMap<>();
        longest.forEach((key, micros) -> {
            WaitEvent e = WaitEvent.values()[Integer.parseInt(key.substring(key.lastIndexOf(':') + 1))];
            long[] c = distinct.computeIfAbsent(e, k -> new long[2]);
            c[0]++;
            c[1] += micros;
        });
        List<ClassActivity> out = new ArrayList<>();
        classes.forEach((c, time) -> {
            List<EventActivity> inClass = new ArrayList<>();
            long count = 0;
            long micros = 0;
            for (Map.Entry<WaitEvent, long[]> e : events.entrySet()) {
                if (e.getKey().waitClass() == c) {
                    long[] d = distinct.getOrDefault(e.getKey(), new long[2]);
                    count += d[0];
                    micros += d[1];
                    inClass.add(new EventActivity(e.getKey(), e.getValue()[0], d[0], avgMillis(d[1], d[0]),
                            percent(e.getValue()[0], total)));
                }
            }
            inClass.sort(Comparator.comparingLong(EventActivity::waitTimeMillis).reversed());
            out.add(new ClassActivity(c, time[0], count, avgMillis(micros, count), percent(time[0], total), inClass));
        });
        out.sort(Comparator.comparingLong(ClassActivity::waitTimeMillis).reversed());
        return out;
    }

    private static double avgMillis(long micros, long count) {
        return count == 0 ? 0 : Math.round(micros / (double) count / 10.0) / 100.0;
    }

    /**
     * Who blocked whom: for every blocker (a session others waited on), the sessions held up and
     * for how long, following chains (a blocked session that itself blocks others) to their root.
     */
    public static List<BlockingChain> blockingChains(List<AshSample> samples, int limit,
            java.util.function.IntFunction<ActiveSessionHistory.SessionIdentity> identities) {
        Map<Long, Map<Integer, AshSample>> byTick = new HashMap<>();
        for (AshSample s : samples) {
            byTick.computeIfAbsent(s.sampleTimeMillis(), k -> new HashMap<>()).put(s.sessionId(), s);
        }
        Map<Integer, Map<Integer, long[]>> chains = new LinkedHashMap<>();
        Map<Integer, AshSample> blockerSeen = new HashMap<>();
        Map<Integer, AshSample> waiterSeen = new HashMap<>();
        for (AshSample s : samples) {
            if (s.blockingSession() == 0) {
                continue;
            }
            Map<Integer, AshSample> tick = byTick.get(s.sampleTimeMillis());
            int root = s.blockingSession();
            int depth = 1;
            Set<Integer> visited = new HashSet<>();
            visited.add(s.sessionId());
            while (tick.containsKey(root) && tick.get(root).blockingSession() != 0 && visited.add(root)) {
                root = tick.get(root).blockingSession();
                depth++;
            }
            if (tick.containsKey(root)) {
                blockerSeen.put(root, tick.get(root));
            }
            waiterSeen.put(s.sessionId(), s);
            long[] acc = chains.computeIfAbsent(root, k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.sessionId(), k -> new long[4]);
            acc[0]++;
            acc[1] += s.weightMillis();
            acc[2] = Math.max(acc[2], s.timeWaitedMicros() / 1000);
            acc[3] = Math.max(acc[3], depth);
        }
        List<BlockingChain> out = new ArrayList<>();
        chains.forEach((root, waiters) -> {
            List<Blocked> blocked = new ArrayList<>();
            long samplesTotal = 0;
            long time = 0;
            for (Map.Entry<Integer, long[]> w : waiters.entrySet()) {
                AshSample ws = waiterSeen.get(w.getKey());
                long[] a = w.getValue();
                blocked.add(new Blocked(w.getKey(), ws.user(), ws.sqlId(),
                        ws.waitEvent() == null ? null : ws.waitEvent().label(), a[0], a[1], a[2], (int) a[3]));
                samplesTotal += a[0];
                time += a[1];
            }
            blocked.sort(Comparator.comparingLong(Blocked::blockedTimeMillis).reversed());
            // a blocker is often idle in its transaction, so unsampled: its identity comes from the session list
            AshSample b = blockerSeen.get(root);
            ActiveSessionHistory.SessionIdentity id = b == null ? identities.apply(root) : null;
            String user = b != null ? b.user() : id != null ? id.user() : null;
            String program = b != null ? b.program() : id != null ? id.program() : null;
            out.add(new BlockingChain(root, user, program, samplesTotal, time, blocked));
        });
        out.sort(Comparator.comparingLong(BlockingChain::blockedTimeMillis).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }
}
