package io.rustydb.sql.admin;

import io.rustydb.sql.ResultColumn;
import java.util.List;
import java.util.Map;

/**
 * A procedure run by {@code EXEC name(...)}, registered by the component that owns it (the AWR
 * registers {@code capture_snapshot} and {@code create_baseline}). Business failures are thrown as
 * {@link io.rustydb.common.RustyDbException} with their SQLSTATE.
 */
public interface Procedure {

    /** The lower-case name EXEC calls. */
    String name();

    /** The parameter names, in positional order. */
    List<String> parameters();

    /** The columns of the row(s) it returns; empty for none. */
    List<ResultColumn> columns();

    /**
     * Runs it.
     *
     * @param arguments the arguments by parameter name (only those given)
     * @return its rows (empty for none)
     */
    List<Object[]> call(Map<String, Object> arguments);
}
