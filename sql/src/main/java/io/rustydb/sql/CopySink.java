package io.rustydb.sql;

/** Receives the rows of a {@code COPY ... TO STDOUT}, each one encoded line (CopyData payload). */
@FunctionalInterface
public interface CopySink {

    void row(byte[] line);
}
