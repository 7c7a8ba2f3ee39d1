package io.rustydb.pgwire;

import java.util.function.Consumer;
import org.apache.pekko.util.ByteString;

/**
 * Cuts a connection's byte stream into frontend messages, whatever the TCP chunking: first
 * startup-phase packets (int32 length including itself, int32 code, no type byte) until a
 * StartupMessage, then typed messages (type byte, int32 length). After a protocol violation, a
 * CancelRequest or a Terminate the framer emits nothing more. Not thread-safe.
 */
final class PgFramer {
    /** PostgreSQL's limit for a startup packet (MAX_STARTUP_PACKET_LENGTH). */
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private final int maxMessageSize;
    private ByteString buffer = ByteString.emptyByteString();
    private boolean startupPhase = true;
    private boolean stopped;

    PgFramer(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Appends a chunk and passes every complete message to {@code out}, in order. */
    void feed(ByteString chunk, Consumer<FrontendMessage> out) {
        if (stopped) {
            return;
        }
        buffer = buffer.concat(chunk);
        while (!stopped) {
            FrontendMessage message = startupPhase ? nextStartupPacket() : nextTypedMessage();
            if (message == null) {
                break;
            }
            if (message instanceof FrontendMessage.Startup) {
                startupPhase = false;
            } else if (message instanceof FrontendMessage.Invalid || message instanceof FrontendMessage.CancelRequest
                    || message instanceof FrontendMessage.Terminate) {
                stop();
            }
            out.accept(message);
        }
    }

    /** True when bytes of an incomplete message are buffered. */
    boolean hasPartialMessage() {
        return !stopped && !buffer.isEmpty();
    }

    boolean isStopped() {
        return stopped;
    }

    private FrontendMessage nextStartupPacket() {
        if (buffer.size() < 4) {
            return null;
        }
        int length = intAt(0);
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            return new FrontendMessage.Invalid("invalid length of startup packet");
        }
        if (buffer.size() < length) {
            return null;
        }
        byte[] body = buffer.slice(4, length).toArray();
        buffer = buffer.drop(length);
        return FrontendParser.parseStartupPacket(body);
    }

    private FrontendMessage nextTypedMessage() {
        if (buffer.size() < 1) {
            return null;
        }
        char type = (char) (buffer.apply(0) & 0xFF);
        if (!FrontendParser.isKnownType(type)) {
            return new FrontendMessage.Invalid("invalid frontend message type " + (int) type);
        }
        if (buffer.size() < 5) {
            return null;
        }
        int length = intAt(1);
        if (length < 4 || length > maxMessageSize) {
            return new FrontendMessage.Invalid("invalid message length");
        }
        if (buffer.size() - 1 < length) {
            return null;
        }
        byte[] body = buffer.slice(5, length + 1).toArray();
        buffer = buffer.drop(length + 1);
        return FrontendParser.parse(type, body);
    }

    private void stop() {
        stopped = true;
        buffer = ByteString.emptyByteString();
    }

    private int intAt(int at) {
        return (buffer.apply(at) & 0xFF) << 24 | (buffer.apply(at + 1) & 0xFF) << 16
                | (buffer.apply(at + 2) & 0xFF) << 8 | (buffer.apply(at + 3) & 0xFF);
    }
}
