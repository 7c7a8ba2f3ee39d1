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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup phase of a connection: SSL/GSS encryption refusal, CancelRequest, protocol version
 * negotiation, admission against {@code max_connections}, opening the session (trust
 * authentication for now) and the AuthenticationOk / ParameterStatus / BackendKeyData /
 * ReadyForQuery greeting.
 */
final class PgStartup {
    private static final Logger LOG = LoggerFactory.getLogger(PgStartup.class);
    /** How long to wait for the session actor to open the SQL session. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.getInstance());

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

    CompletionStage<Done> handle(FrontendMessage message) {
        if (message instanceof FrontendMessage.SslRequest || message instanceof FrontendMessage.GssEncRequest) {
            output.buffer().writeByte(BackendMessages.ENCRYPTION_REFUSED);
            return output.flushAsync();
        }
        if (message instanceof FrontendMessage.CancelRequest cancel) {
            boolean cancelled = context.registry().cancel(cancel.processId(), cancel.secretKey());
            LOG.debug("cancel request for session {} from {}: {}", cancel.processId(), remote,
                    cancelled ? "sent" : "no matching session");
            connection.closeConnection();
            return DONE;
        }
        if (message instanceof FrontendMessage.Startup startup) {
            return startup(startup);
        }
        LOG.warn("protocol violation from {}: {} before the startup message", remote, message);
        return connection.fatal(PgError.fatal(ErrorCode.PROTOCOL_VIOLATION.sqlState(),
                "invalid startup packet layout"));
    }

    private CompletionStage<Done> startup(FrontendMessage.Startup startup) {
        if (startup.major() != 3) {
            return connection.fatal(PgError.fatal(ErrorCode.FEATURE_NOT_SUPPORTED.sqlState(),
                    "unsupported frontend protocol " + startup.major() + "." + startup.minor()
                    + ": server supports 3.0 to 3.0"));
        }
        if (startup.minor() > 0 || !startup.protocolOptions().isEmpty()) {
            BackendMessages.negotiateProtocolVersion(output.buffer(), 0, startup.protocolOptions());
        }
        Map<String, String> parameters = Collections.unmodifiableMap(new LinkedHashMap<>(startup.parameters()));
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            return connection.fatal(PgError.fatal(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION.sqlState(),
                    "no PostgreSQL user name specified in startup packet"));
        }
        String database = parameters.get("database");
        if (database == null || database.isEmpty()) {
            database = user;
        }
        Optional<SessionRegistry.Admission> admitted = context.registry().admit();
        if (admitted.isEmpty()) {
            LOG.debug("connection from {} refused: too many clients", remote);
            return connection.fatal(PgError.fatal(ErrorCode.TOO_MANY_CONNECTIONS));
        }
        SessionRegistry.Admission admission = admitted.get();
        PgSessionListener listener = new PgSessionListener(output);
        String clientAddress = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        String db = database;
        CompletionStage<SessionActor.Opened> opened;
        try {
            opened = AskPattern.askWithStatus(context.sessions(),
                    replyTo -> new Sessions.OpenSession(new SessionActor.Open(admission, user, db, clientAddress,
                            parameters, listener, replyTo)),
                    OPEN_TIMEOUT, context.system().scheduler());
        } catch (RuntimeException e) {
            context.registry().release(admission);
            throw e;
        }
        return opened.handle((session, failure) -> failure == null
                ? greet(admission, session, listener, user, db, parameters)
                : refuse(failure)).thenCompose(stage -> stage);
    }

    private CompletionStage<Done> greet(SessionRegistry.Admission admission, SessionActor.Opened opened,
            PgSessionListener listener, String user, String database, Map<String, String> parameters) {
        if (!connection.attach(admission, opened.session())) {
            return DONE;
        }
        PgBuffer b = output.buffer();
        BackendMessages.authenticationOk(b);
        opened.parameterStatus().forEach((name, value) -> BackendMessages.parameterStatus(b, name, value));
        listener.start();
        BackendMessages.backendKeyData(b, admission.sessionId(), admission.secretKey());
        BackendMessages.readyForQuery(b, 'I');
        LOG.debug("connection authorized: user={} database={} application_name={} session={}", user, database,
                parameters.getOrDefault("application_name", ""), admission.sessionId());
        return output.flushAsync();
    }

    private CompletionStage<Done> refuse(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (connection.isClosing()) {
            return DONE;
        }
        if (cause instanceof RustyDbException e) {
            return connection.fatal(PgError.of(e));
        }
        if (cause instanceof TimeoutException) {
            LOG.error("opening a session for {} timed out after {}", remote, OPEN_TIMEOUT);
        } else {
            LOG.error("opening a session for {} failed", remote, cause);
        }
        return connection.fatal(PgError.internal(cause));
    }
}
