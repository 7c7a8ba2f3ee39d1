package io.rustydb.monitoring;

import com.typesafe.config.Config;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kamon.metric.PeriodSnapshot;
import kamon.module.MetricReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kamon reporter behind RustyDB's exports: at every Kamon tick it folds the period snapshot
 * into the {@link MetricStore}, then runs the samplers, whose updates the next tick exports.
 */
final class SnapshotReporter implements MetricReporter {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReporter.class);

    private final MetricStore store;
    private final List<MetricSource> sources = new CopyOnWriteArrayList<>();

    SnapshotReporter(MetricStore store) {
        this.store = store;
    }

    /** Adds a sampler and samples it at once, so its instruments hold real values before the next tick. */
    synchronized void add(MetricSource source) {
        sources.add(source);
        sample(source);
    }

    /** Removes a sampler; when this returns it is not running and will not run again. */
    synchronized void remove(MetricSource source) {
        sources.remove(source);
    }

    @Override
    public void reportPeriodSnapshot(PeriodSnapshot snapshot) {
        store.add(snapshot);
        sampleAll();
    }

    synchronized void sampleAll() {
        for (MetricSource source : sources) {
            sample(source);
        }
    }

    private static void sample(MetricSource source) {
        try {
            source.sample();
        } catch (RuntimeException | AssertionError e) {
            LOG.warn("sampling {} failed: {}", source.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        sources.clear();
    }

    @Override
    public void reconfigure(Config config) {
        // settings are fixed at start
    }
}
