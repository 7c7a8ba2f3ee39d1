package io.rustydb.pgwire;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.apache.pekko.util.ByteString;

/** A stream queue stand-in that records what is offered, for tests without a stream. */
final class RecordingQueue implements SourceQueueWithComplete<ByteString> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Done> completion = new CompletableFuture<>();
    int offers;

    @Override
    public synchronized CompletionStage<QueueOfferResult> offer(ByteString element) {
        if (completion.isDone()) {
            return CompletableFuture.completedFuture(QueueOfferResult.closed());
        }
        offers++;
        bytes.writeBytes(element.toArray());
        return CompletableFuture.completedFuture(QueueOfferResult.enqueued());
    }

    @Override
    public void complete() {
        completion.complete(Done.getInstance());
    }

    @Override
    public void fail(Throwable ex) {
        completion.completeExceptionally(ex);
    }

    @Override
    public CompletionStage<Done> watchCompletion() {
        return completion;
    }

    /** Everything offered since the last call. */
    synchronized byte[] take() {
        byte[] out = bytes.toByteArray();
        bytes.reset();
        return out;
    }
}
