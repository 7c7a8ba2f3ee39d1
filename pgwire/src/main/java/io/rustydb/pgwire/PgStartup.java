package io.rustydb.pgwire;

import io.rustydb.actors.SessionActor;
import io.rustydb.actors.SessionRegistry;
import io.rustydb.actors.Sessions;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup phase of a connection: SSL/GSS encryption refusal, CancelRequest, protocol version
 * negotiation, admission against {@code max_connections} (waiting in the registry's admission
 * queue), opening the session (trust
 * authentication for now) and the AuthenticationOk / ParameterStatus / BackendKeyData /
 * ReadyForQuery greeting.
 */
final class PgStartup {
    private static final Logger LOG = LoggerFactory.getLogger(PgStartup.class);
    /** How long to wait for the session actor to open the SQL session. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final PgConnection connection;
    private final PgServerContext context;
    private final PgOutput output;
    private final InetSocketAddress remote;

    PgStartup(PgConnection connection, PgServerContext context, PgOutput output, InetSocketAddress remote) {
        this.connection = connection;
        this.context = context;
        this.output = output;
        this.remote = remote;
    }

    /** Handles one startup-phase message on the connection's thread. */
    void handle(FrontendMessage message) {
        if (message instanceof FrontendMessage.SslRequest || message instanceof FrontendMessage.GssEncRequest) {
            output.buffer().writeByte(BackendMessages.ENCRYPTION_REFUSED);
            output.flush();
            return;
        }
        if (message instanceof FrontendMessage.CancelRequest cancel) {
            boolean cancelled = context.registry().cancel(cancel.processId(), cancel.secretKey());
            LOG.debug("cancel request for session {} from {}: {}", cancel.processId(), remote,
                    cancelled ? "sent" : "no matching session");
            connection.closeConnection();
            return;
        }
        if (message instanceof FrontendMessage.Startup startup) {
            startup(startup);
            return;
        }
        LOG.warn("protocol violation from {}: {} before the startup message", remote, message);
        connection.fatal(PgError.fatal(ErrorCode.PROTOCOL_VIOLATION.sqlState(),
                "invalid startup packet layout"));
    }

    private void startup(FrontendMessage.Startup startup) {
        if (startup.major() != 3) {
            connection.fatal(PgError.fatal(ErrorCode.FEATURE_NOT_SUPPORTED.sqlState(),
                    "unsupported frontend protocol " + startup.major() + "." + startup.minor()
                    + ": server supports 3.0 to 3.0"));
            return;
        }
        if (startup.minor() > 0 || !startup.protocolOptions().isEmpty()) {
            BackendMessages.negotiateProtocolVersion(output.buffer(), 0, startup.protocolOptions());
        }
        Map<String, String> parameters = Collections.unmodifiableMap(new LinkedHashMap<>(startup.parameters()));
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            connection.fatal(PgError.fatal(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION.sqlState(),
                    "no PostgreSQL user name specified in startup packet"));
            return;
        }
        String database = parameters.get("database");
        if (database == null || database.isEmpty()) {
            database = user;
        }
        Optional<SessionRegistry.Admission> admitted = context.registry().admit(connection::isClosing);
        if (admitted.isEmpty()) {
            if (connection.isClosing()) {
                return;
            }
            LOG.debug("connection from {} refused: too many clients", remote);
            connection.fatal(PgError.fatal(ErrorCode.TOO_MANY_CONNECTIONS));
            return;
        }
        SessionRegistry.Admission admission = admitted.get();
        // an administrator's termination ends the connection as a server stop does (FATAL 57P01)
        context.registry().onTerminate(admission, () -> connection.shutdown(context.blocking()));
        PgSessionListener listener = new PgSessionListener(output);
        String clientAddress = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        String db = database;
        SessionActor.Opened opened;
        try {
            opened = AskPattern.<Sessions.Command, SessionActor.Opened>askWithStatus(context.sessions(),
                    replyTo -> new Sessions.OpenSession(new SessionActor.Open(admission, user, db, clientAddress,
                            parameters, listener, replyTo)),
                    OPEN_TIMEOUT, context.system().scheduler())
                    .toCompletableFuture().get(OPEN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(e);
            return;
        } catch (ExecutionException | TimeoutException e) {
            refuse(e);
            return;
        }
        greet(admission, opened, listener, user, db, parameters);
    }

    private void greet(SessionRegistry.Admission admission, SessionActor.Opened opened,
            PgSessionListener listener, String user, String database, Map<String, String> parameters) {
        if (!connection.attach(admission, opened)) {
            return;
        }
        PgBuffer b = output.buffer();
        BackendMessages.authenticationOk(b);
        opened.parameterStatus().forEach((name, value) -> BackendMessages.parameterStatus(b, name, value));
        listener.start();
        BackendMessages.backendKeyData(b, admission.sessionId(), admission.secretKey());
        BackendMessages.readyForQuery(b, 'I');
        LOG.debug("connection authorized: user={} database={} application_name={} session={}", user, database,
                parameters.getOrDefault("application_name", ""), admission.sessionId());
        output.flush();
    }

    private void refuse(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null ? failure.getCause() : failure;
        if (connection.isClosing()) {
            return;
        }
        if (cause instanceof RustyDbException e) {
            connection.fatal(PgError.of(e));
            return;
        }
        if (cause instanceof TimeoutException) {
            LOG.error("opening a session for {} timed out after {}", remote, OPEN_TIMEOUT);
        } else {
            LOG.error("opening a session for {} failed", remote, cause);
        }
        connection.fatal(PgError.internal(cause));
    }
}
