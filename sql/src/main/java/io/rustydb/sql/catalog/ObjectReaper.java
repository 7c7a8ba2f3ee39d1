package io.rustydb.sql.catalog;

import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, in the background, the keys of objects no definition uses any more: the old rows of a
 * dropped, truncated or rewritten table, the entries of a dropped index. The DDL returns as soon
 * as the catalog no longer names the object, as PostgreSQL unlinks a dropped relation's files
 * after its commit. Each retired object is recorded durably before the DDL returns, so a restart
 * resumes removals that had not finished.
 */
final class ObjectReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectReaper.class);
    private static final String PREFIX = "reap/";

    private record Retired(String tablespace, int objectId) {
    }

    private final Catalog catalog;
    private final StorageEngine storage;
    private final Tablespace system;
    private final LinkedBlockingQueue<Retired> queue = new LinkedBlockingQueue<>();
    /** Retired objects not removed yet, including the one being removed. */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Thread worker;
    private volatile boolean closed;

    ObjectReaper(Catalog catalog, StorageEngine storage, Tablespace system) {
        this.catalog = catalog;
        this.storage = storage;
        this.system = system;
        this.worker = new Thread(this::run, "rustydb-object-reaper");
        this.worker.setDaemon(true);
    }

    /** Queues the removals recorded before the last stop, then starts the worker. */
    void start() {
        byte[] from = Catalog.key(PREFIX);
        byte[] to = Catalog.key(PREFIX + "\uffff");
        try (StorageTransaction txn = storage.begin(); KvIterator it = txn.scan(system, from, to)) {
            while (it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                int id = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
                enqueue(new Retired(new String(it.value(), StandardCharsets.UTF_8), id));
            }
        }
        if (outstanding.get() > 0) {
            LOG.info("Resuming the removal of {} dropped object(s)", outstanding.get());
        }
        worker.start();
    }

    /** Durably records the objects as retired and queues their removal. */
    void retire(String tablespace, int... objectIds) {
        try (StorageTransaction txn = storage.begin()) {
            for (int id : objectIds) {
                txn.put(system, recordKey(id), tablespace.getBytes(StandardCharsets.UTF_8));
            }
            txn.commit();
        }
        for (int id : objectIds) {
            enqueue(new Retired(tablespace, id));
        }
    }

    /** Waits until every retired object has been removed; false if that took longer than {@code millis}. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (outstanding) {
            while (outstanding.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                outstanding.wait(left);
            }
        }
        return true;
    }

    private void enqueue(Retired retired) {
        outstanding.incrementAndGet();
        queue.add(retired);
    }

    private void run() {
        while (!closed) {
            Retired next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                if (catalog.deleteObject(next.tablespace(), next.objectId(), () -> closed)) {
                    storage.delete(system, recordKey(next.objectId()));
                }
            } catch (RuntimeException e) {
                // the record stays: the next start tries again
                if (!closed) {
                    LOG.warn("Removing dropped object {} failed; retried at the next start", next.objectId(), e);
                }
            } finally {
                synchronized (outstanding) {
                    outstanding.decrementAndGet();
                    outstanding.notifyAll();
                }
            }
        }
    }

    private static byte[] recordKey(int objectId) {
        return Catalog.key(PREFIX + objectId);
    }

    /** Stops the worker between batches; unfinished removals resume at the next start. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
