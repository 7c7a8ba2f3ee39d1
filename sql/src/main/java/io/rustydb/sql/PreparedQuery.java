package io.rustydb.sql;

import io.rustydb.common.types.DataType;
import java.util.List;

/** A planned statement, reusable with different parameter values. */
public interface PreparedQuery {

    String sql();

    /** Oracle-style 13-character id of the normalized statement text. */
    String sqlId();

    /** True for an empty query string (the protocol answers EmptyQueryResponse). */
    boolean isEmpty();

    /** The type of each {@code $n} parameter, index n-1. */
    List<DataType> parameterTypes();

    /** Columns of the rows the statement returns; empty for statements that return none. */
    List<ResultColumn> resultColumns();

    /** For {@code COPY ... FROM STDIN / TO STDOUT}: what it exchanges with the client; else null. */
    CopyDescription copy();
}
