package io.rustydb.pgwire;

import java.io.ByteArrayOutputStream;
import org.apache.pekko.util.ByteString;

/** An output queue that is drained by the test instead of a stream. */
final class RecordingQueue extends OutputQueue {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int offers;

    RecordingQueue() {
        super(Integer.MAX_VALUE);
    }

    @Override
    synchronized boolean offer(ByteString element, boolean mayBlock) {
        boolean added = super.offer(element, mayBlock);
        if (added) {
            offers++;
        }
        return added;
    }

    /** Everything offered since the last call. */
    synchronized byte[] take() {
        for (ByteString next = poll(); next != null; next = poll()) {
            bytes.writeBytes(next.toArray());
        }
        byte[] out = bytes.toByteArray();
        bytes.reset();
        return out;
    }
}
