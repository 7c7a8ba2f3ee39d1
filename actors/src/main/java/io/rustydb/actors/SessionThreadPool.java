package io.rustydb.actors;

import com.typesafe.config.Config;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * Executor of the session dispatcher, where SessionActors open and close their sessions: a
 * thread per session doing so at the same time, reused while idle and retired after
 * {@code keep-alive-time}. That work blocks (catalog reads, rollback), so a session must never
 * wait for another's thread; Pekko's thread-pool-executor would instead start a new thread for
 * every task until its core size is reached.
 */
public final class SessionThreadPool extends ExecutorServiceConfigurator {
    private final long keepAliveMillis;

    public SessionThreadPool(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        this.keepAliveMillis = config.getDuration("keep-alive-time", TimeUnit.MILLISECONDS);
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> new ThreadPoolExecutor(0, Integer.MAX_VALUE, keepAliveMillis, TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), threadFactory);
    }
}
