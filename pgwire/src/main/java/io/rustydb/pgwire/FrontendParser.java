package io.rustydb.pgwire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the body of one framed frontend message. Malformed bodies yield
 * {@link FrontendMessage.Invalid} with the message PostgreSQL logs for them.
 */
final class FrontendParser {
    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int CANCEL_REQUEST_CODE = 80877102;

    private final byte[] bytes;
    private int pos;

    private FrontendParser(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A startup-phase packet: {@code body} follows the length word and starts with the code. */
    static FrontendMessage parseStartupPacket(byte[] body) {
        FrontendParser p = new FrontendParser(body);
        try {
            int code = p.int32();
            if (code == SSL_REQUEST_CODE) {
                return p.endOr(new FrontendMessage.SslRequest());
            }
            if (code == GSSENC_REQUEST_CODE) {
                return p.endOr(new FrontendMessage.GssEncRequest());
            }
            if (code == CANCEL_REQUEST_CODE) {
                return p.endOr(new FrontendMessage.CancelRequest(p.int32(), p.int32()));
            }
            int major = code >>> 16;
            int minor = code & 0xFFFF;
            Map<String, String> parameters = new LinkedHashMap<>();
            List<String> options = new ArrayList<>();
            if (major == 3) {
                while (true) {
                    String name = p.cstring();
                    if (name.isEmpty()) {
                        break;
                    }
                    String value = p.cstring();
                    if (name.startsWith("_pq_.")) {
                        options.add(name);
                    } else {
                        parameters.put(name, value);
                    }
                }
                if (p.pos != body.length) {
                    return new FrontendMessage.Invalid("invalid startup packet layout: expected terminator as last byte");
                }
            }
            return new FrontendMessage.Startup(major, minor, parameters, options);
        } catch (IndexOutOfBoundsException e) {
            return new FrontendMessage.Invalid("invalid startup packet layout: expected terminator as last byte");
        }
    }

    /** A typed message after startup. */
    static FrontendMessage parse(char type, byte[] body) {
        FrontendParser p = new FrontendParser(body);
        try {
            return switch (type) {
                case 'Q' -> p.endOr(new FrontendMessage.Query(p.cstring()));
                case 'P' -> p.parseMessage();
                case 'B' -> p.bindMessage();
                case 'D' -> p.endOr(new FrontendMessage.Describe(p.kind(), p.cstring()));
                case 'E' -> p.endOr(new FrontendMessage.Execute(p.cstring(), p.int32()));
                case 'C' -> p.endOr(new FrontendMessage.Close(p.kind(), p.cstring()));
                case 'S' -> p.endOr(new FrontendMessage.Sync());
                case 'H' -> p.endOr(new FrontendMessage.Flush());
                case 'X' -> p.endOr(new FrontendMessage.Terminate());
                case 'F' -> new FrontendMessage.Unsupported(type, "fastpath function calls");
                case 'd' -> new FrontendMessage.CopyData(body);
                case 'c' -> new FrontendMessage.CopyDone();
                case 'f' -> new FrontendMessage.CopyFail(p.lenientString());
                default -> new FrontendMessage.Invalid("invalid frontend message type " + (int) type);
            };
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return new FrontendMessage.Invalid("invalid message format");
        }
    }

    /**
     * The type byte of a message after startup, for errors that name it (as "unexpected message
     * type 0x51 during COPY from stdin" does).
     */
    static char typeOf(FrontendMessage message) {
        if (message instanceof FrontendMessage.Query) {
            return 'Q';
        } else if (message instanceof FrontendMessage.Parse) {
            return 'P';
        } else if (message instanceof FrontendMessage.Bind) {
            return 'B';
        } else if (message instanceof FrontendMessage.Describe) {
            return 'D';
        } else if (message instanceof FrontendMessage.Execute) {
            return 'E';
        } else if (message instanceof FrontendMessage.Close) {
            return 'C';
        } else if (message instanceof FrontendMessage.Sync) {
            return 'S';
        } else if (message instanceof FrontendMessage.Flush) {
            return 'H';
        } else if (message instanceof FrontendMessage.Terminate) {
            return 'X';
        } else if (message instanceof FrontendMessage.CopyData) {
            return 'd';
        } else if (message instanceof FrontendMessage.CopyDone) {
            return 'c';
        } else if (message instanceof FrontendMessage.CopyFail) {
            return 'f';
        } else if (message instanceof FrontendMessage.Unsupported u) {
            return u.type();
        }
        throw new IllegalArgumentException("not a typed message: " + message);
    }

    /** Whether {@code type} starts a message the server understands after startup. */
    static boolean isKnownType(char type) {
        return "QPBDECSHXFdcf".indexOf(type) >= 0;
    }

    private FrontendMessage parseMessage() {
        String name = cstring();
        String sql = cstring();
        int count = count();
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = int32();
        }
        return endOr(new FrontendMessage.Parse(name, sql, types));
    }

    private FrontendMessage bindMessage() {
        String portal = cstring();
        String statement = cstring();
        short[] parameterFormats = shorts(count());
        int count = count();
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int length = int32();
            if (length == -1) {
                continue;
            }
            if (length < 0 || length > bytes.length - pos) {
                throw new IllegalArgumentException("insufficient data left in message");
            }
            values[i] = new byte[length];
            System.arraycopy(bytes, pos, values[i], 0, length);
            pos += length;
        }
        short[] resultFormats = shorts(count());
        return endOr(new FrontendMessage.Bind(portal, statement, parameterFormats, values, resultFormats));
    }

    private short[] shorts(int count) {
        short[] result = new short[count];
        for (int i = 0; i < count; i++) {
            result[i] = (short) int16();
        }
        return result;
    }

    private char kind() {
        char kind = (char) (bytes[pos++] & 0xFF);
        if (kind != 'S' && kind != 'P') {
            throw new IllegalArgumentException("invalid kind");
        }
        return kind;
    }

    private FrontendMessage endOr(FrontendMessage message) {
        return pos == bytes.length ? message : new FrontendMessage.Invalid("invalid message format");
    }

    private int int32() {
        if (pos + 4 > bytes.length) {
            throw new IndexOutOfBoundsException("insufficient data left in message");
        }
        int v = (bytes[pos] & 0xFF) << 24 | (bytes[pos + 1] & 0xFF) << 16 | (bytes[pos + 2] & 0xFF) << 8
                | (bytes[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    private int int16() {
        if (pos + 2 > bytes.length) {
            throw new IndexOutOfBoundsException("insufficient data left in message");
        }
        int v = (short) ((bytes[pos] & 0xFF) << 8 | (bytes[pos + 1] & 0xFF));
        pos += 2;
        return v;
    }

    /** An unsigned int16 count, as PostgreSQL reads them. */
    private int count() {
        return int16() & 0xFFFF;
    }

    /**
     * The rest of the body up to its NUL, or all of it when the NUL is missing: CopyFail is read
     * as leniently as PostgreSQL does, which drops it unread outside a COPY (so does CopyDone's body).
     */
    private String lenientString() {
        int end = pos;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        String s = new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
        pos = bytes.length;
        return s;
    }

    private String cstring() {
        int end = pos;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        if (end == bytes.length) {
            throw new IndexOutOfBoundsException("invalid string in message");
        }
        String s = new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 1;
        return s;
    }
}
