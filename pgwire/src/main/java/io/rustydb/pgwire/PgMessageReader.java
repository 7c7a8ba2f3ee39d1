package io.rustydb.pgwire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a connection's frontend messages from its socket, blocking: first startup-phase packets
 * (int32 length including itself, int32 code, no type byte) until a StartupMessage, then typed
 * messages (type byte, int32 length). After a protocol violation, a CancelRequest or a Terminate
 * it reads nothing more. Not thread-safe: only the connection's thread reads.
 */
final class PgMessageReader {
    /** PostgreSQL's limit for a startup packet (MAX_STARTUP_PACKET_LENGTH). */
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private final DataInputStream in;
    private final int maxMessageSize;
    private boolean startupPhase = true;
    private boolean stopped;

    PgMessageReader(InputStream in, int maxMessageSize) {
        this.in = new DataInputStream(in);
        this.maxMessageSize = maxMessageSize;
    }

    /** The next message, or null when the client closed the connection (or reading has stopped). */
    FrontendMessage next() throws IOException {
        if (stopped) {
            return null;
        }
        FrontendMessage message;
        try {
            message = startupPhase ? nextStartupPacket() : nextTypedMessage();
        } catch (EOFException e) {
            stopped = true;
            return null;
        }
        if (message == null) {
            stopped = true;
        } else if (message instanceof FrontendMessage.Startup) {
            startupPhase = false;
        } else if (message instanceof FrontendMessage.Invalid || message instanceof FrontendMessage.CancelRequest
                || message instanceof FrontendMessage.Terminate) {
            stopped = true;
        }
        return message;
    }

    private FrontendMessage nextStartupPacket() throws IOException {
        int length = in.readInt();
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            return new FrontendMessage.Invalid("invalid length of startup packet");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return FrontendParser.parseStartupPacket(body);
    }

    private FrontendMessage nextTypedMessage() throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        if (!FrontendParser.isKnownType((char) type)) {
            return new FrontendMessage.Invalid("invalid frontend message type " + type);
        }
        int length = in.readInt();
        if (length < 4 || length > maxMessageSize) {
            return new FrontendMessage.Invalid("invalid message length");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return FrontendParser.parse((char) type, body);
    }
}
