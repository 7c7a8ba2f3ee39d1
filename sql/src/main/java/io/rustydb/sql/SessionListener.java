package io.rustydb.sql;

/** What a session tells its client outside of results: parameter changes and notices. */
public interface SessionListener {

    /** A reported run-time parameter changed (ParameterStatus). */
    default void parameterStatus(String name, String value) {
    }

    /** A notice or warning, e.g. BEGIN inside a transaction (NoticeResponse). */
    default void notice(String severity, String sqlState, String message) {
    }
}
