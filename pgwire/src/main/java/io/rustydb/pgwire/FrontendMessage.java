package io.rustydb.pgwire;

import java.util.List;
import java.util.Map;

/** A decoded frontend (client to server) message of protocol 3.0. */
sealed interface FrontendMessage {

    /** SSLRequest: answered with a single 'N' (no TLS yet). */
    record SslRequest() implements FrontendMessage {
    }

    /** GSSENCRequest: answered with a single 'N'. */
    record GssEncRequest() implements FrontendMessage {
    }

    /** CancelRequest, sent on a fresh connection that is closed right after. */
    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    /**
     * StartupMessage: the protocol version asked for, the parameters in order, and the names of
     * {@code _pq_.} protocol options (which the server does not know).
     */
    record Startup(int major, int minor, Map<String, String> parameters, List<String> protocolOptions)
            implements FrontendMessage {
    }

    /** Simple query 'Q'. */
    record Query(String sql) implements FrontendMessage {
    }

    /** Parse 'P': statement name ("" unnamed), text, declared parameter type OIDs (0 = infer). */
    record Parse(String name, String sql, int[] parameterTypes) implements FrontendMessage {
    }

    /** Bind 'B': values are raw bytes, null for SQL NULL. */
    record Bind(String portal, String statement, short[] parameterFormats, byte[][] values, short[] resultFormats)
            implements FrontendMessage {
    }

    /** Describe 'D' of a statement ('S') or portal ('P'). */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** Execute 'E': at most {@code maxRows} rows, 0 for all. */
    record Execute(String portal, int maxRows) implements FrontendMessage {
    }

    /** Close 'C' of a statement ('S') or portal ('P'). */
    record Close(char kind, String name) implements FrontendMessage {
    }

    /** Sync 'S'. */
    record Sync() implements FrontendMessage {
    }

    /** Flush 'H'. */
    record Flush() implements FrontendMessage {
    }

    /** Terminate 'X'. */
    record Terminate() implements FrontendMessage {
    }

    /** CopyData 'd': the next chunk of a COPY FROM STDIN data stream (rows may be split or joined anywhere). */
    record CopyData(byte[] data) implements FrontendMessage {
    }

    /** CopyDone 'c': the end of a COPY FROM STDIN data stream. */
    record CopyDone() implements FrontendMessage {
    }

    /** CopyFail 'f': the client aborts a COPY FROM STDIN, giving the reason. */
    record CopyFail(String message) implements FrontendMessage {
    }

    /** A message type the server knows but does not support yet: FunctionCall. */
    record Unsupported(char type, String what) implements FrontendMessage {
    }

    /** Bytes that break the protocol: answered with FATAL 08P01 and the connection closes. */
    record Invalid(String message) implements FrontendMessage {
    }
}
