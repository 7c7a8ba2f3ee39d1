package io.rustydb.sql.admin;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.util.Objects;

/** The engine's administration hooks, plugged in by higher modules at startup. Thread-safe. */
public final class Administration {
    private static final SessionAdmin NONE = id -> {
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ending sessions without a session registry");
    };

    private volatile SessionAdmin sessions = NONE;

    public SessionAdmin sessions() {
        return sessions;
    }

    /** Plugs in the session registry's administration. */
    public void sessions(SessionAdmin admin) {
        this.sessions = Objects.requireNonNull(admin, "admin");
    }
}
