package io.rustydb.sql;

/** One statement of a query string, parsed but not yet planned. */
public interface ParsedStatement {

    /** The statement's own text, as the client wrote it. */
    String text();
}
