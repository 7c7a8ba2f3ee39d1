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
    private final java.util.Map<String, Procedure> procedures = new java.util.concurrent.ConcurrentHashMap<>();

    public SessionAdmin sessions() {
        return sessions;
    }

    /** Plugs in the session registry's administration. */
    public void sessions(SessionAdmin admin) {
        this.sessions = Objects.requireNonNull(admin, "admin");
    }

    /** Registers procedures that {@code EXEC} runs, by their names. */
    public void procedures(Procedure... added) {
        for (Procedure p : added) {
            procedures.put(p.name(), p);
        }
    }

    /** The procedure named {@code name} (lower case), if registered. */
    public java.util.Optional<Procedure> procedure(String name) {
        return java.util.Optional.ofNullable(procedures.get(name));
    }
}
