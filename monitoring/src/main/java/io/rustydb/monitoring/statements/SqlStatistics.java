package io.rustydb.monitoring.statements;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The node's statement statistics, one {@link Entry} per {@code sql_id}, bounded by
 * {@link StatementStatsSettings#maxStatements()}: when a new statement would exceed it, the least
 * recently seen statements go (5% of the maximum at once, as pg_stat_statements deallocates, so
 * that a stream of new statements does not sort the store for each one), and
 * {@link #evictions()} counts them.
 *
 * <p>Recording is cheap: the session looks its statement's entry up once per execution (one
 * concurrent map read) and records under the entry's monitor, which is held for a few field
 * updates and one histogram increment; nothing is allocated for an existing statement.
 */
public final class SqlStatistics {
    /** When the store is full, this percentage of its maximum goes at once (at least one statement). */
    private static final int EVICTION_PERCENT = 5;
    /** Characters of a statement's text kept (the text of a long multi-row INSERT is cut there). */
    public static final int MAX_TEXT = 4000;

    private final StatementStatsSettings settings;
    private final boolean enabled;
    private final long profileIntervalNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final Object evicting = new Object();

    private SqlStatistics(StatementStatsSettings settings, boolean enabled) {
        this.settings = settings;
        this.enabled = enabled;
        this.profileIntervalNanos = settings.profileInterval().toNanos();
    }

    /** A store that records statements. */
    public static SqlStatistics create(StatementStatsSettings settings) {
        return new SqlStatistics(settings, true);
    }

    /**
     * A store that records nothing (metrics disabled); {@link #entry} returns null. The settings
     * still hold the slow-query log's.
     */
    public static SqlStatistics disabled(StatementStatsSettings settings) {
        return new SqlStatistics(settings, false);
    }

    public boolean enabled() {
        return enabled;
    }

    public StatementStatsSettings settings() {
        return settings;
    }

    /**
     * The entry of {@code sqlId}, created with {@code text} (its first {@value #MAX_TEXT}
     * characters) on first use, marked as seen at {@code startMillis}; null when disabled.
     * Creating one may evict others.
     */
    public Entry entry(String sqlId, String text, long startMillis) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.get(sqlId);
        if (entry == null) {
            Entry created = new Entry(sqlId, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
                    startMillis);
            entry = entries.putIfAbsent(sqlId, created);
            if (entry == null) {
                entry = created;
                if (entries.size() > settings.maxStatements()) {
                    evict();
                }
            }
        }
        entry.lastSeen = startMillis;
        return entry;
    }

    private void evict() {
        synchronized (evicting) {
            int excess = entries.size() - settings.maxStatements();
            if (excess <= 0) {
                return;
            }
            int count = Math.max(excess, settings.maxStatements() * EVICTION_PERCENT / 100);
            // sessions update lastSeen while this sorts: sort on the values read once, or the order is inconsistent
            List<java.util.Map.Entry<Long, Entry>> all = new ArrayList<>(entries.size());
            for (Entry e : entries.values()) {
                all.add(java.util.Map.entry(e.lastSeen, e));
            }
            all.sort(java.util.Map.Entry.comparingByKey());
            int removed = 0;
            for (int i = 0; i < all.size() && removed < count; i++) {
                Entry e = all.get(i).getValue();
                if (entries.remove(e.sqlId, e)) {
                    e.evicted = true;
                    removed++;
                }
            }
            evictions.addAndGet(removed);
        }
    }

    /** Statements evicted since the node started. */
    public long evictions() {
        return evictions.get();
    }

    /** Statements kept now. */
    public int size() {
        return entries.size();
    }

    /** One statement's statistics, if it is kept. */
    public Optional<SqlStatSnapshot> get(String sqlId) {
        Entry entry = entries.get(sqlId);
        return entry == null ? Optional.empty() : Optional.of(entry.snapshot());
    }

    /** Every statement's statistics, in no particular order. */
    public List<SqlStatSnapshot> snapshot() {
        List<SqlStatSnapshot> out = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            out.add(entry.snapshot());
        }
        return out;
    }

    /** The last profile of {@code sqlId}, if it is kept and was profiled. */
    public Optional<QueryProfile> profile(String sqlId) {
        Entry entry = entries.get(sqlId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.profile);
    }

    /** One statement's figures; recorded by sessions, read by snapshots. */
    public final class Entry {
        private static final long NEVER = Long.MIN_VALUE;
        private static final VarHandle CLAIM;

        static {
            try {
                CLAIM = MethodHandles.lookup().findVarHandle(Entry.class, "profileClaim", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final String sqlId;
        private final String text;
        private final long firstSeen;
        private volatile long lastSeen;
        private volatile boolean evicted;
        /** Elapsed microseconds; auto-resizing, two significant digits. */
        private final Histogram histogram = new Histogram(2);
        private long executions;
        private long errors;
        private long totalNanos;
        private long minNanos = Long.MAX_VALUE;
        private long maxNanos = -1;
        private long rowsReturned;
        private long rowsAffected;
        private long rowsExamined;
        private long cacheHits;
        private long blockReads;
        private long bytesRead;
        private long lockWaitNanos;
        private long lockWaits;
        private long commitNanos;
        private long cpuNanos;
        private long cpuTimed;
        private long ioWaitNanos;
        private volatile QueryProfile profile;
        /** System.nanoTime() of the last profile claim, or NEVER. */
        private volatile long profileClaim = NEVER;
        /** Catalog version the last claim was made under. */
        private volatile long claimedVersion = -1;

        private Entry(String sqlId, String text, long firstSeen) {
            this.sqlId = sqlId;
            this.text = text;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }

        public String sqlId() {
            return sqlId;
        }

        public String text() {
            return text;
        }

        /** Whether the store dropped this entry; what is recorded into it afterwards is lost. */
        public boolean evicted() {
            return evicted;
        }

        /** Adds one execution. */
        public synchronized void record(ExecutionSample s) {
            executions++;
            if (s.failed) {
                errors++;
            }
            long nanos = s.elapsedNanos;
            totalNanos += nanos;
            if (nanos < minNanos) {
                minNanos = nanos;
            }
            if (nanos > maxNanos) {
                maxNanos = nanos;
            }
            histogram.recordValue(nanos / 1000);
            rowsReturned += s.rowsReturned;
            rowsAffected += s.rowsAffected;
            rowsExamined += s.rowsExamined;
            cacheHits += s.cacheHits;
            blockReads += s.blockReads;
            bytesRead += s.bytesRead;
            lockWaitNanos += s.lockWaitNanos;
            lockWaits += s.lockWaits;
            commitNanos += s.commitNanos;
            ioWaitNanos += s.ioWaitNanos;
            if (s.cpuNanos >= 0) {
                cpuNanos += s.cpuNanos;
                cpuTimed++;
            }
        }

        /**
         * Whether the execution starting now should be profiled: the statement has never been
         * profiled, the catalog changed since it was (its plan may have), or the profile interval
         * has passed. At most one concurrent caller gets true for the same occasion.
         */
        public boolean claimProfile(long nowNanos, long catalogVersion) {
            long last = profileClaim;
            boolean due = last == NEVER || claimedVersion != catalogVersion
                    || nowNanos - last >= profileIntervalNanos;
            if (due && CLAIM.compareAndSet(this, last, nowNanos)) {
                claimedVersion = catalogVersion;
                return true;
            }
            return false;
        }

        /** The claimed execution was profiled. */
        public void profiled(QueryProfile captured) {
            profile = captured;
        }

        /** The claimed execution could not be profiled: a statement never profiled is tried again next time. */
        public void profileAbandoned() {
            if (profile == null) {
                profileClaim = NEVER;
            }
        }

        /** The last profile, or null. */
        public QueryProfile profile() {
            return profile;
        }

        synchronized SqlStatSnapshot snapshot() {
            boolean timed = maxNanos >= 0;
            QueryProfile last = profile;
            return new SqlStatSnapshot(sqlId, text, executions, errors, QueryProfile.millis(totalNanos),
                    timed ? QueryProfile.millis(minNanos) : Double.NaN, timed ? QueryProfile.millis(maxNanos) : Double.NaN,
                    percentile(50), percentile(95), percentile(99), rowsReturned, rowsAffected, rowsExamined,
                    cacheHits, blockReads, bytesRead, QueryProfile.millis(lockWaitNanos), lockWaits,
                    QueryProfile.millis(commitNanos), firstSeen, lastSeen, last == null ? 0 : last.capturedAtMillis(),
                    cpuTimed > 0 ? QueryProfile.millis(cpuNanos) : Double.NaN,
                    QueryProfile.millis(ioWaitNanos));
        }

        /**
         * The percentile in milliseconds, never above the largest recorded time (HdrHistogram
         * answers the upper end of a value's bucket).
         */
        private double percentile(double p) {
            if (histogram.getTotalCount() == 0) {
                return Double.NaN;
            }
            return Math.min(histogram.getValueAtPercentile(p) / 1000.0, QueryProfile.millis(maxNanos));
        }
    }
}
