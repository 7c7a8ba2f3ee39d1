package io.rustydb.pgwire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blocking message reader: framing, startup phase, limits and stopping after a violation. */
class PgMessageReaderTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int maxMessageSize = 1024 * 1024;
    private boolean oneByteAtATime;
    private boolean stopped;

    private static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", "alice");
        p.put("database", "shop");
        p.put("application_name", "psql");
        return p;
    }

    private void feed(byte[] bytes) {
        sent.writeBytes(bytes);
    }

    /** Every message the reader takes from what was sent, until it stops or the bytes end. */
    private List<FrontendMessage> out() {
        byte[] bytes = sent.toByteArray();
        InputStream in = oneByteAtATime ? new OneByteAtATime(bytes) : new ByteArrayInputStream(bytes);
        PgMessageReader reader = new PgMessageReader(in, maxMessageSize);
        List<FrontendMessage> got = new ArrayList<>();
        try {
            for (FrontendMessage m = reader.next(); m != null; m = reader.next()) {
                got.add(m);
            }
            stopped = reader.next() == null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return got;
    }

    /** A stream that hands out one byte per read, like a connection whose every byte arrives alone. */
    private static final class OneByteAtATime extends ByteArrayInputStream {
        OneByteAtATime(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }

    @Test
    void startupThenTypedMessagesInOneChunk() {
        feed(Wire.concat(Wire.startup(params()), Wire.query("SELECT 1"), Wire.sync()));
        assertEquals(3, out().size());
        FrontendMessage.Startup startup = assertInstanceOf(FrontendMessage.Startup.class, out().get(0));
        assertEquals(3, startup.major());
        assertEquals(0, startup.minor());
        assertEquals(params(), startup.parameters());
        assertEquals(new FrontendMessage.Query("SELECT 1"), out().get(1));
        assertInstanceOf(FrontendMessage.Sync.class, out().get(2));
    }

    @Test
    void messagesSplitAtEveryByte() {
        byte[] all = Wire.concat(Wire.startup(params()), Wire.query("SELECT 'é'"),
                Wire.parse("s1", "SELECT $1", 23), Wire.bind("", "s1", Arrays.asList("42", null)),
                Wire.execute("", 10), Wire.sync());
        oneByteAtATime = true;
        feed(all);
        assertEquals(6, out().size());
        assertEquals(new FrontendMessage.Query("SELECT 'é'"), out().get(1));
        FrontendMessage.Parse parse = assertInstanceOf(FrontendMessage.Parse.class, out().get(2));
        assertEquals("s1", parse.name());
        assertArrayEquals(new int[] {23}, parse.parameterTypes());
        FrontendMessage.Bind bind = assertInstanceOf(FrontendMessage.Bind.class, out().get(3));
        assertArrayEquals("42".getBytes(StandardCharsets.UTF_8), bind.values()[0]);
        assertEquals(null, bind.values()[1]);
        assertEquals(new FrontendMessage.Execute("", 10), out().get(4));
    }

    @Test
    void connectionClosedInsideAMessageEndsReading() {
        byte[] q = Wire.query("SELECT 1");
        feed(Wire.startup(params()));
        feed(Arrays.copyOf(q, 7));
        assertEquals(1, out().size());
        assertTrue(stopped);
    }

    @Test
    void sslRequestThenStartup() {
        feed(Wire.concat(Wire.startupCode(FrontendParser.SSL_REQUEST_CODE), Wire.startup(params())));
        assertInstanceOf(FrontendMessage.SslRequest.class, out().get(0));
        assertInstanceOf(FrontendMessage.Startup.class, out().get(1));
        feed(Wire.startupCode(FrontendParser.GSSENC_REQUEST_CODE));
        // after the StartupMessage, bytes are typed messages: 0x00 is not a message type
        assertInstanceOf(FrontendMessage.Invalid.class, out().get(2));
    }

    @Test
    void gssEncRequestThenStartup() {
        feed(Wire.concat(Wire.startupCode(FrontendParser.GSSENC_REQUEST_CODE), Wire.startup(params())));
        assertInstanceOf(FrontendMessage.GssEncRequest.class, out().get(0));
        assertInstanceOf(FrontendMessage.Startup.class, out().get(1));
    }

    @Test
    void cancelRequestStopsReading() {
        feed(Wire.concat(Wire.startupCode(FrontendParser.CANCEL_REQUEST_CODE, 1234, -5), Wire.query("x")));
        assertEquals(List.of(new FrontendMessage.CancelRequest(1234, -5)), out());
        out();
        assertTrue(stopped);
    }

    @Test
    void protocolVersionAndOptions() {
        byte[] body = Wire.concat(new byte[] {0, 3, 0, 2}, "user\0bob\0_pq_.compression\0on\0\0".getBytes(StandardCharsets.UTF_8));
        feed(Wire.withLength(body));
        FrontendMessage.Startup s = assertInstanceOf(FrontendMessage.Startup.class, out().get(0));
        assertEquals(2, s.minor());
        assertEquals(Map.of("user", "bob"), s.parameters());
        assertEquals(List.of("_pq_.compression"), s.protocolOptions());
    }

    @Test
    void badStartupLength() {
        feed(new byte[] {0, 0, 0, 3, 0, 0, 0, 0});
        assertEquals(new FrontendMessage.Invalid("invalid length of startup packet"), out().get(0));
        out();
        assertTrue(stopped);
    }

    @Test
    void httpRequestIsRejectedAsAStartupPacket() {
        feed("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new FrontendMessage.Invalid("invalid length of startup packet"), out().get(0));
    }

    @Test
    void startupWithoutTerminator() {
        byte[] body = Wire.concat(new byte[] {0, 3, 0, 0}, "user\0bob".getBytes(StandardCharsets.UTF_8));
        feed(Wire.withLength(body));
        assertInstanceOf(FrontendMessage.Invalid.class, out().get(0));
    }

    @Test
    void typedMessageLengthBelowFour() {
        feed(Wire.startup(params()));
        feed(new byte[] {'Q', 0, 0, 0, 3});
        assertEquals(new FrontendMessage.Invalid("invalid message length"), out().get(1));
        feed(Wire.query("SELECT 1"));
        assertEquals(2, out().size(), "nothing after a protocol violation");
    }

    @Test
    void typedMessageLongerThanTheMaximum() {
        maxMessageSize = 1024;
        feed(Wire.startup(params()));
        feed(new byte[] {'Q', 0, 0, 4, 1});
        assertEquals(new FrontendMessage.Invalid("invalid message length"), out().get(1));
    }

    @Test
    void unknownMessageType() {
        feed(Wire.startup(params()));
        feed(new byte[] {'Z'});
        assertEquals(new FrontendMessage.Invalid("invalid frontend message type 90"), out().get(1));
    }

    @Test
    void malformedBodyIsInvalid() {
        feed(Wire.startup(params()));
        // a Query whose string lacks its terminator
        feed(Wire.typed('Q', "SELECT".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new FrontendMessage.Invalid("invalid message format"), out().get(1));
    }

    @Test
    void trailingBytesInAMessageAreInvalid() {
        feed(Wire.startup(params()));
        feed(Wire.typed('S', new byte[] {1}));
        assertEquals(new FrontendMessage.Invalid("invalid message format"), out().get(1));
    }

    @Test
    void functionCallIsKnownButUnsupported() {
        feed(Wire.startup(params()));
        feed(Wire.typed('F', new byte[8]));
        assertEquals(new FrontendMessage.Unsupported('F', "fastpath function calls"), out().get(1));
    }

    @Test
    void copyMessages() {
        feed(Wire.startup(params()));
        feed(Wire.concat(Wire.copyData("1\tapple\n2"), Wire.copyData(""), Wire.copyDone(), Wire.copyFail("stop it"),
                Wire.typed('f', "no terminator".getBytes(StandardCharsets.UTF_8)), Wire.typed('c', new byte[] {7})));
        assertArrayEquals("1\tapple\n2".getBytes(StandardCharsets.UTF_8), ((FrontendMessage.CopyData) out().get(1)).data());
        assertEquals(0, ((FrontendMessage.CopyData) out().get(2)).data().length);
        assertInstanceOf(FrontendMessage.CopyDone.class, out().get(3));
        assertEquals(new FrontendMessage.CopyFail("stop it"), out().get(4));
        // read as leniently as PostgreSQL, which drops these unread outside a COPY
        assertEquals(new FrontendMessage.CopyFail("no terminator"), out().get(5));
        assertInstanceOf(FrontendMessage.CopyDone.class, out().get(6));
    }

    @Test
    void copyDataSplitAtEveryByte() {
        byte[] all = Wire.concat(Wire.startup(params()), Wire.copyData("abc\n"), Wire.copyDone());
        oneByteAtATime = true;
        feed(all);
        assertEquals(3, out().size());
        assertEquals("abc\n", new String(((FrontendMessage.CopyData) out().get(1)).data(), StandardCharsets.UTF_8));
    }

    @Test
    void describeCloseFlushTerminate() {
        feed(Wire.startup(params()));
        feed(Wire.concat(Wire.describe('S', "s1"), Wire.close('P', ""), Wire.typed('H', new byte[0]),
                Wire.typed('X', new byte[0]), Wire.sync()));
        assertEquals(new FrontendMessage.Describe('S', "s1"), out().get(1));
        assertEquals(new FrontendMessage.Close('P', ""), out().get(2));
        assertInstanceOf(FrontendMessage.Flush.class, out().get(3));
        assertInstanceOf(FrontendMessage.Terminate.class, out().get(4));
        assertEquals(5, out().size(), "nothing is read after Terminate");
    }

    @Test
    void describeWithBadKind() {
        feed(Wire.startup(params()));
        feed(Wire.describe('X', "s1"));
        assertInstanceOf(FrontendMessage.Invalid.class, out().get(1));
    }
}
