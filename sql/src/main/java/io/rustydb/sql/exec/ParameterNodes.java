package io.rustydb.sql.exec;

import org.apache.calcite.sql.SqlDynamicParam;

/** Reads the client parameter number of a parsed parameter node. */
final class ParameterNodes {
    private ParameterNodes() {
    }

    /** 0-based client parameter index: n-1 for {@code $n}, the occurrence index for {@code ?}. */
    static int clientIndex(SqlDynamicParam param) {
        return param.getIndex();
    }
}
