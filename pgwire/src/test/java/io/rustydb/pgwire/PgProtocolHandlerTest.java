package io.rustydb.pgwire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgProtocolHandlerTest {
    private final RecordingTransport queue = new RecordingTransport();
    private final PgOutput output = new PgOutput(queue);
    private final PgSessionListener listener = new PgSessionListener(output);
    private final FakeSqlSession session = new FakeSqlSession(FakeSqlSession.newState(1, "u", "d"), listener);
    private final PgProtocolHandler handler = new PgProtocolHandler(output);

    PgProtocolHandlerTest() {
        listener.start();
    }

    /** Feeds raw frontend bytes (after startup) and returns the backend messages written. */
    private List<Wire.Message> run(byte[]... messages) {
        PgMessageReader reader = new PgMessageReader(new java.io.ByteArrayInputStream(
                Wire.concat(Wire.startup(Map.of("user", "u")), Wire.concat(messages))), 1 << 20);
        try {
            reader.next();
            for (FrontendMessage m = reader.next(); m != null; m = reader.next()) {
                handler.handle(m, session);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        output.flush();
        return Wire.messages(queue.take());
    }

    private static List<String> dataRow(Wire.Message m) {
        byte[] b = m.body();
        int n = (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
        List<String> values = new ArrayList<>();
        int pos = 2;
        for (int i = 0; i < n; i++) {
            int len = Wire.readInt(b, pos);
            pos += 4;
            if (len < 0) {
                values.add(null);
            } else {
                values.add(new String(b, pos, len, StandardCharsets.UTF_8));
                pos += len;
            }
        }
        return values;
    }

    private static Map<Character, String> error(Wire.Message m) {
        assertTrue(m.type() == 'E' || m.type() == 'N', "expected an error or notice, got " + m.type());
        return Wire.fields(m.body());
    }

    @Test
    void simpleQueryReturnsRowsInText() {
        List<Wire.Message> out = run(Wire.query("SELECT * FROM items"));
        assertEquals("TDDDCZ", Wire.types(out));
        assertEquals(List.of("1", "apple", "1.50", "2024-01-02 03:04:05.5", "t", "2024-01-02", "0.1"), dataRow(out.get(1)));
        assertEquals(List.of("2", "pear", "0.99", "2024-02-29 23:59:59", "f", "2024-02-29", "1e+20"), dataRow(out.get(2)));
        assertEquals(Arrays.asList("3", null, null, null, null, null, null), dataRow(out.get(3)));
        assertEquals("SELECT 3\0", out.get(4).bodyText());
        assertEquals("I", out.get(5).bodyText());
    }

    @Test
    void emptyQuery() {
        assertEquals("IZ", Wire.types(run(Wire.query("  "))));
    }

    @Test
    void multiStatementStopsAtTheFirstError() {
        List<Wire.Message> out = run(Wire.query("INSERT a; BOOM; INSERT b"));
        assertEquals("CEZ", Wire.types(out));
        Map<Character, String> e = error(out.get(1));
        assertEquals("XX000", e.get('C'));
        assertEquals("boom", e.get('M'));
        // the connection stays usable
        assertEquals("TDCZ", Wire.types(run(Wire.query("SELECT 7"))));
    }

    @Test
    void syntaxErrorCarriesThePosition() {
        List<Wire.Message> out = run(Wire.query("INSERT a; SYNTAX here"));
        assertEquals("EZ", Wire.types(out));
        Map<Character, String> e = error(out.get(0));
        assertEquals("42601", e.get('C'));
        assertEquals("11", e.get('P'));
    }

    @Test
    void transactionStatusInReadyForQuery() {
        List<Wire.Message> out = run(Wire.query("BEGIN"), Wire.query("BOOM"), Wire.query("SELECT 1"),
                Wire.query("ROLLBACK"));
        assertEquals("CZEZEZCZ", Wire.types(out));
        assertEquals("T", out.get(1).bodyText());
        assertEquals("E", out.get(3).bodyText());
        assertEquals("25P02", error(out.get(4)).get('C'));
        assertEquals("I", out.get(7).bodyText());
    }

    @Test
    void extendedQueryWithParameters() {
        List<Wire.Message> out = run(Wire.parse("s1", "SELECT * FROM items WHERE id = $1", 23),
                Wire.describe('S', "s1"), Wire.bind("p1", "s1", List.of("2")), Wire.describe('P', "p1"),
                Wire.execute("p1", 0), Wire.sync());
        assertEquals("1tT2TDCZ", Wire.types(out));
        assertEquals(List.of("2", "pear", "0.99", "2024-02-29 23:59:59", "f", "2024-02-29", "1e+20"), dataRow(out.get(5)));
        assertEquals("SELECT 1\0", out.get(6).bodyText());
    }

    @Test
    void binaryResultsFollowTheBindFormats() {
        List<Wire.Message> out = run(Wire.parse("", "SELECT $1, $2", 23, 1700),
                Wire.bind("", "", List.of("42", "-1.5"), (short) 1), Wire.execute("", 0), Wire.sync());
        assertEquals("12DCZ", Wire.types(out));
        byte[] row = out.get(2).body();
        assertEquals(Wire.concat(Wire.hex("0002 00000004 0000002A 0000000C 0002 0000 4000 0001 0001 1388")).length, row.length);
        assertEquals(Arrays.toString(Wire.hex("0002 00000004 0000002A 0000000C 0002 0000 4000 0001 0001 1388")),
                Arrays.toString(row));
    }

    @Test
    void maxRowsSuspendsThePortal() {
        List<Wire.Message> out = run(Wire.parse("", "GENERATE 5"), Wire.bind("c", "", List.of()),
                Wire.execute("c", 2), Wire.execute("c", 2), Wire.execute("c", 2), Wire.sync());
        assertEquals("12DDsDDsDCZ", Wire.types(out));
    }

    @Test
    void errorInExtendedModeSkipsToSync() {
        List<Wire.Message> out = run(Wire.parse("", "nonsense"), Wire.bind("", "", List.of()),
                Wire.execute("", 0), Wire.sync(), Wire.query("SELECT 1"));
        assertEquals("EZTDCZ", Wire.types(out));
        assertEquals("42601", error(out.get(0)).get('C'));
    }

    @Test
    void duplicateAndMissingNames() {
        List<Wire.Message> out = run(Wire.parse("s", "SELECT 1"), Wire.parse("s", "SELECT 2"), Wire.sync(),
                Wire.bind("", "nope", List.of()), Wire.sync(), Wire.execute("nope", 0), Wire.sync(),
                Wire.describe('P', "gone"), Wire.sync());
        assertEquals("1EZEZEZEZ", Wire.types(out));
        assertEquals("42P05", error(out.get(1)).get('C'));
        assertEquals("prepared statement \"s\" already exists", error(out.get(1)).get('M'));
        assertEquals("26000", error(out.get(3)).get('C'));
        assertEquals("34000", error(out.get(5)).get('C'));
        assertEquals("34000", error(out.get(7)).get('C'));
    }

    @Test
    void wrongParameterCountIsAProtocolViolation() {
        List<Wire.Message> out = run(Wire.parse("", "SELECT $1, $2"), Wire.bind("", "", List.of("1")), Wire.sync());
        assertEquals("1EZ", Wire.types(out));
        Map<Character, String> e = error(out.get(1));
        assertEquals("08P01", e.get('C'));
        assertEquals("ERROR", e.get('S'));
        assertEquals("bind message supplies 1 parameters, but prepared statement \"\" requires 2", e.get('M'));
    }

    @Test
    void badParameterTextIs22P02() {
        List<Wire.Message> out = run(Wire.parse("", "SELECT * FROM items WHERE id = $1"),
                Wire.bind("", "", List.of("x1")), Wire.execute("", 0), Wire.sync());
        assertEquals("1EZ", Wire.types(out));
        assertEquals("22P02", error(out.get(1)).get('C'));
        assertEquals("invalid input syntax for type integer: \"x1\"", error(out.get(1)).get('M'));
    }

    @Test
    void closeAndDescribeStatementWithoutRows() {
        List<Wire.Message> out = run(Wire.parse("ins", "INSERT x"), Wire.describe('S', "ins"),
                Wire.close('S', "ins"), Wire.close('S', "never"), Wire.close('P', "never"), Wire.sync());
        assertEquals("1tn333Z", Wire.types(out));
    }

    @Test
    void unnamedPortalIsDroppedAtSyncOutsideATransaction() {
        List<Wire.Message> out = run(Wire.parse("", "SELECT 1"), Wire.bind("", "", List.of()), Wire.sync(),
                Wire.execute("", 0), Wire.sync());
        assertEquals("12ZEZ", Wire.types(out));
        assertEquals("34000", error(out.get(3)).get('C'));
    }

    @Test
    void portalsSurviveSyncInsideATransaction() {
        List<Wire.Message> out = run(Wire.query("BEGIN"), Wire.parse("", "GENERATE 3"), Wire.bind("c", "", List.of()),
                Wire.execute("c", 1), Wire.sync(), Wire.execute("c", 0), Wire.sync());
        assertEquals("CZ12DsZDDCZ", Wire.types(out));
    }

    @Test
    void emptyQueryInExtendedMode() {
        assertEquals("12nIZ", Wire.types(run(Wire.parse("", ""), Wire.bind("", "", List.of()),
                Wire.describe('P', ""), Wire.execute("", 0), Wire.sync())));
    }

    @Test
    void parameterStatusAndNoticesGoToTheClient() {
        List<Wire.Message> out = run(Wire.query("SET application_name = 'app1'; NOTICE"));
        assertEquals("SCNCZ", Wire.types(out));
        assertEquals("application_name\0app1\0", out.get(0).bodyText());
        assertEquals("NOTICE", error(out.get(2)).get('S'));
    }

    @Test
    void functionCallIsNotSupported() {
        List<Wire.Message> out = run(Wire.typed('F', new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}));
        assertEquals("EZ", Wire.types(out));
        assertEquals("0A000", error(out.get(0)).get('C'));
    }

    @Test
    void largeResultsAreFlushedWhileStreaming() {
        List<Wire.Message> out = run(Wire.query("GENERATE 20000"));
        assertEquals(20003, out.size());
        assertTrue(queue.writes > 2, "flushed " + queue.writes + " times");
    }

    @Test
    void nothingIsWrittenAfterTheClientIsGone() {
        output.close();
        handler.handle(new FrontendMessage.Query("SELECT 1"), session);
        assertEquals(0, queue.take().length);
    }

    private static String text(Wire.Message m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    @Test
    void copyInThenTheNextStatementOfTheQuery() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN; SELECT 7"));
        assertEquals("G", Wire.types(out), "waits for the data, without ReadyForQuery");
        assertArrayEquals(Wire.hex("00 0003 0000 0000 0000"), out.get(0).body());
        out = run(Wire.copyData("1\tapple\n2\tpear\n"), Wire.copyDone());
        assertEquals("CTDCZ", Wire.types(out));
        assertEquals("COPY 2\0", out.get(0).bodyText());
        assertEquals(List.of("7"), dataRow(out.get(2)));
        assertEquals("I", out.get(4).bodyText());
        assertEquals("1\tapple\n2\tpear\n", session.lastCopyIn.received());
    }

    @Test
    void copyDataSplitsAndJoinsRowsAnywhere() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN"), Wire.copyData("1\tap"),
                Wire.copyData("ple\n2"), Wire.copyData("\tpear\n"), Wire.copyData("3\tx\n4\ty\n"), Wire.copyDone());
        assertEquals("GCZ", Wire.types(out));
        assertEquals("COPY 4\0", out.get(1).bodyText());
        assertEquals("1\tapple\n2\tpear\n3\tx\n4\ty\n", session.lastCopyIn.received());
        assertEquals(4, session.lastCopyIn.chunks(), "each CopyData is passed on as it comes");
    }

    @Test
    void twoCopiesInOneQuery() {
        List<Wire.Message> out = run(Wire.query("COPY a FROM STDIN; COPY b FROM STDIN CSV; INSERT x"),
                Wire.copyData("1\n"), Wire.copyDone(), Wire.copyData("1,2\n2,3\n"), Wire.copyDone());
        assertEquals("GCGCCZ", Wire.types(out));
        assertEquals("COPY 1\0", out.get(1).bodyText());
        assertArrayEquals(Wire.hex("00 0003 0000 0000 0000"), out.get(2).body(), "CSV is text format too");
        assertEquals("COPY 2\0", out.get(3).bodyText());
        assertEquals("INSERT 0 1\0", out.get(4).bodyText());
    }

    @Test
    void copyFailEndsTheQueryWithAnError() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN; SELECT 7"), Wire.copyData("1\n"),
                Wire.copyFail("user gave up"));
        assertEquals("GEZ", Wire.types(out));
        Map<Character, String> e = error(out.get(1));
        assertEquals("57014", e.get('C'));
        assertEquals("COPY from stdin failed: user gave up", e.get('M'));
        assertEquals("TDCZ", Wire.types(run(Wire.query("SELECT 1"))));
    }

    @Test
    void badRowDropsTheCopyMessagesAlreadyPipelined() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN; SELECT 7"), Wire.copyData("1\n2\n"),
                Wire.copyData("bad\n"), Wire.copyData("4\n"), Wire.copyData("5\n"), Wire.copyFail("x"),
                Wire.copyDone(), Wire.query("SELECT 1"));
        assertEquals("GEZTDCZ", Wire.types(out), "no SELECT 7, no error for the dropped messages");
        Map<Character, String> e = error(out.get(1));
        assertEquals("22P02", e.get('C'));
        assertEquals("invalid input syntax for type integer: \"bad\"", e.get('M'));
        assertEquals("I", out.get(2).bodyText());
        assertEquals(List.of("1"), dataRow(out.get(4)));
        assertEquals("1\n2\nbad\n", session.lastCopyIn.received(), "nothing is passed on after the error");
    }

    @Test
    void badRowInATransactionFailsIt() {
        List<Wire.Message> out = run(Wire.query("BEGIN"), Wire.query("COPY items FROM STDIN"), Wire.copyData("bad"),
                Wire.copyDone(), Wire.query("SELECT 1"), Wire.query("ROLLBACK"));
        assertEquals("CZGEZEZCZ", Wire.types(out));
        assertEquals("22P02", error(out.get(3)).get('C'));
        assertEquals("E", out.get(4).bodyText());
        assertEquals("25P02", error(out.get(5)).get('C'));
    }

    @Test
    void strayCopyMessagesAreDropped() {
        List<Wire.Message> out = run(Wire.copyData("1\n"), Wire.copyDone(), Wire.copyFail("late"), Wire.query("SELECT 1"));
        assertEquals("TDCZ", Wire.types(out));
    }

    @Test
    void flushAndSyncAreIgnoredDuringCopyIn() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN"), Wire.flush(), Wire.sync(),
                Wire.copyData("1\n"), Wire.sync(), Wire.copyDone());
        assertEquals("GCZ", Wire.types(out));
        assertEquals("COPY 1\0", out.get(1).bodyText());
    }

    @Test
    void otherMessagesDuringCopyInAreAProtocolViolation() {
        List<Wire.Message> out = run(Wire.query("COPY items FROM STDIN"), Wire.copyData("1\n"),
                Wire.query("SELECT 1"), Wire.copyData("2\n"), Wire.copyDone(), Wire.query("SELECT 2"));
        assertEquals("GEZTDCZ", Wire.types(out));
        Map<Character, String> e = error(out.get(1));
        assertEquals("08P01", e.get('C'));
        assertEquals("ERROR", e.get('S'));
        assertEquals("unexpected message type 0x51 during COPY from stdin", e.get('M'));
        assertEquals(List.of("2"), dataRow(out.get(4)));
        assertTrue(session.lastCopyIn.isOver(), "the engine's COPY was aborted");
        assertEquals("COPY from stdin failed: unexpected message type 0x51 during COPY from stdin",
                session.lastCopyIn.failure());
    }

    @Test
    void copyOutSendsEachRowAsCopyData() {
        List<Wire.Message> out = run(Wire.query("COPY items TO STDOUT; SELECT 1"));
        assertEquals("HdddcCTDCZ", Wire.types(out));
        assertArrayEquals(Wire.hex("00 0003 0000 0000 0000"), out.get(0).body());
        for (int i = 0; i < 3; i++) {
            assertEquals(FakeSqlSession.COPY_OUT_LINES.get(i), text(out.get(1 + i)));
        }
        assertEquals(0, out.get(4).body().length);
        assertEquals("COPY 3\0", out.get(5).bodyText());
    }

    @Test
    void copyOutErrorAfterRowsEndsWithTheError() {
        List<Wire.Message> out = run(Wire.query("COPY broken TO STDOUT; SELECT 1"));
        assertEquals("HdEZ", Wire.types(out));
        assertEquals("22012", error(out.get(2)).get('C'));
        assertEquals("TDCZ", Wire.types(run(Wire.query("SELECT 1"))));
    }

    @Test
    void copyOutErrorBeforeTheFirstRowIsJustTheError() {
        List<Wire.Message> out = run(Wire.query("COPY missing TO STDOUT"));
        assertEquals("EZ", Wire.types(out));
        assertEquals("42P01", error(out.get(0)).get('C'));
    }

    @Test
    void largeCopyOutIsFlushedWhileStreaming() {
        int offersBefore = queue.writes;
        List<Wire.Message> out = run(Wire.query("COPY gen50000 TO STDOUT"));
        assertEquals(50_004, out.size());
        assertEquals("49999\trow 49999\t\\N\n", text(out.get(50_000)));
        assertEquals("COPY 50000\0", out.get(50_002).bodyText());
        assertTrue(queue.writes - offersBefore > 2, "flushed " + (queue.writes - offersBefore) + " times");
    }

    @Test
    void extendedProtocolCopyIn() {
        List<Wire.Message> out = run(Wire.parse("", "COPY items FROM STDIN CSV"), Wire.bind("", "", List.of()),
                Wire.describe('P', ""), Wire.execute("", 0), Wire.sync());
        assertEquals("12nG", Wire.types(out), "the Sync sent right after Execute is ignored in copy-in mode");
        out = run(Wire.copyData("1,a\n"), Wire.copyData("2,b\n"), Wire.copyDone(), Wire.sync());
        assertEquals("CZ", Wire.types(out));
        assertEquals("COPY 2\0", out.get(0).bodyText());
        assertEquals("TDCZ", Wire.types(run(Wire.query("SELECT 1"))));
    }

    @Test
    void extendedProtocolCopyInErrorSkipsUntilSync() {
        List<Wire.Message> out = run(Wire.parse("", "COPY items FROM STDIN"), Wire.bind("", "", List.of()),
                Wire.execute("", 0), Wire.sync(), Wire.copyData("1\nbad\n"), Wire.copyData("3\n"), Wire.copyDone(),
                Wire.execute("", 0), Wire.sync(), Wire.query("SELECT 1"));
        assertEquals("12GEZTDCZ", Wire.types(out));
        assertEquals("22P02", error(out.get(3)).get('C'));
    }

    @Test
    void extendedProtocolCopyFail() {
        List<Wire.Message> out = run(Wire.parse("", "COPY items FROM STDIN"), Wire.bind("", "", List.of()),
                Wire.execute("", 0), Wire.copyFail("no more"), Wire.copyData("late\n"), Wire.sync());
        assertEquals("12GEZ", Wire.types(out));
        assertEquals("COPY from stdin failed: no more", error(out.get(3)).get('M'));
    }

    @Test
    void extendedProtocolCopyOutIgnoresTheRowLimit() {
        List<Wire.Message> out = run(Wire.parse("", "COPY items TO STDOUT"), Wire.bind("", "", List.of()),
                Wire.describe('P', ""), Wire.execute("", 1), Wire.sync());
        assertEquals("12nHdddcCZ", Wire.types(out));
        assertEquals("COPY 3\0", out.get(8).bodyText());
    }
}
