package io.rustydb.pgwire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A transport that records what was written, for the test to read, instead of a socket. */
final class RecordingTransport implements PgOutput.Transport {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    boolean closed;

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        bytes.write(data, offset, length);
        writes++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** Everything written since the last call. */
    synchronized byte[] take() {
        byte[] out = bytes.toByteArray();
        bytes.reset();
        return out;
    }
}
