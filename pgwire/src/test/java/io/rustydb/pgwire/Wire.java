package io.rustydb.pgwire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.util.ByteString;

/** Builds frontend messages and reads backend messages, byte by byte, for tests. */
final class Wire {
    private Wire() {
    }

    static byte[] startup(Map<String, String> parameters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, 196608);
        parameters.forEach((k, v) -> {
            cstring(body, k);
            cstring(body, v);
        });
        body.write(0);
        return withLength(body.toByteArray());
    }

    static byte[] startupCode(int code, int... extra) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, code);
        for (int v : extra) {
            writeInt(body, v);
        }
        return withLength(body.toByteArray());
    }

    static byte[] query(String sql) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, sql);
        return typed('Q', body.toByteArray());
    }

    static byte[] typed(char type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        writeInt(out, body.length + 4);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] parse(String name, String sql, int... oids) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, name);
        cstring(body, sql);
        writeShort(body, oids.length);
        for (int oid : oids) {
            writeInt(body, oid);
        }
        return typed('P', body.toByteArray());
    }

    /** Bind with text parameters (null for NULL) and the given result formats. */
    static byte[] bind(String portal, String statement, List<String> values, short... resultFormats) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, portal);
        cstring(body, statement);
        writeShort(body, 0);
        writeShort(body, values.size());
        for (String v : values) {
            if (v == null) {
                writeInt(body, -1);
            } else {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                writeInt(body, b.length);
                body.writeBytes(b);
            }
        }
        writeShort(body, resultFormats.length);
        for (short f : resultFormats) {
            writeShort(body, f);
        }
        return typed('B', body.toByteArray());
    }

    static byte[] describe(char kind, String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(kind);
        cstring(body, name);
        return typed('D', body.toByteArray());
    }

    static byte[] execute(String portal, int maxRows) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, portal);
        writeInt(body, maxRows);
        return typed('E', body.toByteArray());
    }

    static byte[] close(char kind, String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(kind);
        cstring(body, name);
        return typed('C', body.toByteArray());
    }

    static byte[] sync() {
        return typed('S', new byte[0]);
    }

    static byte[] flush() {
        return typed('H', new byte[0]);
    }

    static byte[] copyData(String data) {
        return typed('d', data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] copyDone() {
        return typed('c', new byte[0]);
    }

    static byte[] copyFail(String message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, message);
        return typed('f', body.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static ByteString bs(byte[] bytes) {
        return ByteString.fromArray(bytes);
    }

    /** A backend message: its type and body. */
    record Message(char type, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** Splits backend bytes into messages. */
    static List<Message> messages(byte[] bytes) {
        List<Message> out = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            char type = (char) bytes[pos];
            int len = readInt(bytes, pos + 1);
            byte[] body = new byte[len - 4];
            System.arraycopy(bytes, pos + 5, body, 0, len - 4);
            out.add(new Message(type, body));
            pos += 1 + len;
        }
        return out;
    }

    static String types(List<Message> messages) {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            sb.append(m.type());
        }
        return sb.toString();
    }

    /** The fields of an ErrorResponse or NoticeResponse body, by field code. */
    static Map<Character, String> fields(byte[] body) {
        Map<Character, String> fields = new java.util.LinkedHashMap<>();
        int pos = 0;
        while (body[pos] != 0) {
            char code = (char) body[pos++];
            int end = pos;
            while (body[end] != 0) {
                end++;
            }
            fields.put(code, new String(body, pos, end - pos, StandardCharsets.UTF_8));
            pos = end + 1;
        }
        return fields;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static byte[] withLength(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, body.length + 4);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void cstring(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
