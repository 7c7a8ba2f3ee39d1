package io.rustydb.sql;

import java.util.List;

/** A prepared query bound to parameter values, possibly partly executed. */
public interface Portal extends AutoCloseable {

    PreparedQuery query();

    List<ResultColumn> resultColumns();

    @Override
    void close();
}
