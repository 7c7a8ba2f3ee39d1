package io.rustydb.actors;

import io.rustydb.sql.admin.SessionAdmin;

/**
 * The SQL engine's session administration over the {@link SessionRegistry}: ALTER SYSTEM KILL
 * SESSION and pg_terminate_backend end a session as {@code DELETE /api/v1/connections/{id}} does,
 * pg_cancel_backend cancels its running statement as a CancelRequest does.
 */
public final class RegistryAdmin implements SessionAdmin {
    private final SessionRegistry registry;

    public RegistryAdmin(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean terminate(int sessionId) {
        return registry.terminate(sessionId).isPresent();
    }

    @Override
    public boolean cancel(int sessionId) {
        return registry.entry(sessionId).map(entry -> {
            entry.canceller().run();
            return true;
        }).orElse(false);
    }
}
