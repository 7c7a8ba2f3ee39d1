package io.rustydb.pgwire;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * The outgoing chunks of one connection: a lock-free queue the session thread adds to and the
 * connection's stream pulls from ({@link #source()}, fused into the connection's stream, so there
 * is no extra actor in between). Adding never waits for the stream to acknowledge; only when
 * {@code capacity} chunks are waiting does the adding thread block until the stream catches up,
 * which back-pressures a slow client into the session thread. The stream is woken (one async
 * callback) only when it is idle waiting for data.
 */
class OutputQueue {
    private final int capacity;
    private final ConcurrentLinkedQueue<ByteString> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** Set by the stream when it waits for data; whoever clears it wakes the stream. */
    private final AtomicBoolean streamWaiting = new AtomicBoolean();
    private final Object space = new Object();
    private final CompletableFuture<Done> completion = new CompletableFuture<>();
    private volatile boolean completed;
    private volatile int blockedProducers;
    private volatile AsyncCallback<NotUsed> wakeup;

    OutputQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds a chunk, blocking while the queue is full (unless {@code mayBlock} is false). False if
     * the stream is gone or the queue was completed.
     */
    boolean offer(ByteString bytes, boolean mayBlock) {
        if (mayBlock && size.get() >= capacity && !awaitSpace(0)) {
            return false;
        }
        if (completed || isDone()) {
            return false;
        }
        queue.add(bytes);
        size.incrementAndGet();
        wakeStream();
        return true;
    }

    /** Waits until there is space or the stream is gone; at most {@code timeoutMillis} if positive. */
    boolean awaitSpace(long timeoutMillis) {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        synchronized (space) {
            blockedProducers++;
            try {
                while (size.get() >= capacity && !isDone()) {
                    long wait = 100;
                    if (timeoutMillis > 0) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            return false;
                        }
                        wait = Math.min(wait, left);
                    }
                    try {
                        space.wait(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return !isDone();
            } finally {
                blockedProducers--;
            }
        }
    }

    /** Ends the stream after the chunks already added. */
    void complete() {
        completed = true;
        wakeStream();
    }

    /** Completes when the outgoing stream has ended (completed, cancelled or failed). */
    CompletableFuture<Done> watchCompletion() {
        return completion;
    }

    boolean isDone() {
        return completion.isDone();
    }

    /** Takes the next chunk, or null; for the stream (and tests). */
    ByteString poll() {
        ByteString next = queue.poll();
        if (next != null) {
            size.decrementAndGet();
            if (blockedProducers > 0) {
                signalSpace();
            }
        }
        return next;
    }

    private void signalSpace() {
        synchronized (space) {
            space.notifyAll();
        }
    }

    private void wakeStream() {
        AsyncCallback<NotUsed> callback = wakeup;
        if (callback != null && streamWaiting.compareAndSet(true, false)) {
            callback.invoke(NotUsed.getInstance());
        }
    }

    private void finished() {
        completion.complete(Done.getInstance());
        signalSpace();
    }

    /** The stream side; materialize it once. */
    Source<ByteString, NotUsed> source() {
        return Source.fromGraph(new Stage());
    }

    private final class Stage extends GraphStage<SourceShape<ByteString>> {
        private final Outlet<ByteString> out = Outlet.create("PgOutput.out");
        private final SourceShape<ByteString> shape = SourceShape.of(out);

        @Override
        public SourceShape<ByteString> shape() {
            return shape;
        }

        @Override
        public GraphStageLogic createLogic(Attributes inheritedAttributes) {
            return new GraphStageLogic(shape) {
                {
                    setHandler(out, new AbstractOutHandler() {
                        @Override
                        public void onPull() {
                            deliver();
                        }

                        @Override
                        public void onDownstreamFinish(Throwable cause) {
                            finished();
                            completeStage();
                        }
                    });
                }

                @Override
                public void preStart() {
                    wakeup = createAsyncCallback(ignored -> {
                        if (isAvailable(out)) {
                            deliver();
                        }
                    });
                }

                @Override
                public void postStop() {
                    finished();
                }

                private void deliver() {
                    while (true) {
                        ByteString next = poll();
                        if (next != null) {
                            push(out, next);
                            return;
                        }
                        if (completed) {
                            completeStage();
                            return;
                        }
                        streamWaiting.set(true);
                        // re-check: a producer may have added before seeing the flag
                        if (queue.isEmpty() && !completed) {
                            return;
                        }
                        if (!streamWaiting.compareAndSet(true, false)) {
                            return; // a producer cleared it and has woken us; the callback delivers
                        }
                    }
                }
            };
        }
    }
}
