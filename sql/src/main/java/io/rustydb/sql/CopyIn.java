package io.rustydb.sql;

/**
 * A running {@code COPY ... FROM STDIN}: the protocol feeds it the client's CopyData payloads
 * (which may split or join rows anywhere) and then ends it with {@link #finish()} (CopyDone) or
 * {@link #fail(String)} (CopyFail). Rows are parsed and written as they arrive, so a load of any
 * size is never held in memory. A bad row throws a RustyDbException (e.g. 22P02, 22P04 with the
 * line number); after that the COPY is over and the protocol drops the client's remaining copy
 * messages.
 */
public interface CopyIn {

    /** The next chunk of the data stream. */
    void data(byte[] chunk);

    /** End of data: writes what remains and returns the command tag, e.g. {@code COPY 1000}. */
    String finish();

    /** The client gave up; the statement fails with 57014 and its rows are discarded. */
    void fail(String message);
}
