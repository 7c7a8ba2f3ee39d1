package io.rustydb.pgwire;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.CopyIn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link FakeSqlSession}'s COPY FROM STDIN: keeps the bytes it is given and counts
 * newline-terminated lines ({@code COPY n}); a line starting with {@code bad} (also a last one
 * without newline) fails it with 22P02, as a row the real engine cannot parse would. Checked line by line as the chunks arrive, so rows
 * split across CopyData messages work as they must.
 */
final class FakeCopyIn implements CopyIn {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Runnable onError;
    private int chunks;
    private int lines;
    private boolean over;
    private String failure;

    /** {@code onError} runs when the COPY fails (the session's transaction fails with it). */
    FakeCopyIn(Runnable onError) {
        this.onError = onError;
    }

    @Override
    public synchronized void data(byte[] chunk) {
        checkRunning();
        chunks++;
        received.writeBytes(chunk);
        for (byte b : chunk) {
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    @Override
    public synchronized String finish() {
        checkRunning();
        if (line.toString(StandardCharsets.UTF_8).startsWith("bad")) {
            endLine();
        }
        over = true;
        return "COPY " + lines;
    }

    @Override
    public synchronized void fail(String message) {
        checkRunning();
        throw error(PgWireException.error("57014", "COPY from stdin failed: " + message));
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.startsWith("bad")) {
            throw error(new RustyDbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "integer", text));
        }
        lines++;
    }

    private RuntimeException error(RuntimeException e) {
        over = true;
        failure = e.getMessage();
        onError.run();
        return e;
    }

    private void checkRunning() {
        if (over) {
            throw new IllegalStateException("the COPY is over");
        }
    }

    /** Every byte received, in order. */
    synchronized String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** How many times {@link #data} was called. */
    synchronized int chunks() {
        return chunks;
    }

    synchronized boolean isOver() {
        return over;
    }

    /** The message of the error that ended the COPY, null if none did. */
    synchronized String failure() {
        return failure;
    }
}
