package io.rustydb.sql.session;

import java.util.function.UnaryOperator;

/**
 * A run-time parameter a session can SET and SHOW: its canonical name, default, whether changes
 * are reported to the client (ParameterStatus), whether it is read-only, and how a new value is
 * validated and normalized (throwing a RustyDbException for a bad one).
 */
record Setting(String name, String defaultValue, boolean reported, boolean readOnly, String description,
        UnaryOperator<String> normalizer) {
}
