package io.rustydb.sql;

/** Receives result rows one at a time; values are Java objects per {@link io.rustydb.common.types.DataType}. */
@FunctionalInterface
public interface RowSink {

    void accept(Object[] row);
}
