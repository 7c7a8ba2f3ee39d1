package io.rustydb.pgwire;

import static io.rustydb.pgwire.Wire.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BackendMessagesTest {

    private static byte[] bytes(Consumer<PgBuffer> writer) {
        PgBuffer b = new PgBuffer(4);
        writer.accept(b);
        return b.toByteArray();
    }

    @Test
    void authenticationOk() {
        assertArrayEquals(hex("52 00000008 00000000"), bytes(BackendMessages::authenticationOk));
    }

    @Test
    void parameterStatus() {
        assertArrayEquals(Wire.concat(hex("53 00000019"), "client_encoding\0UTF8\0".getBytes()),
                bytes(b -> BackendMessages.parameterStatus(b, "client_encoding", "UTF8")));
    }

    @Test
    void backendKeyData() {
        assertArrayEquals(hex("4B 0000000C 000004D2 FFFFFFFE"), bytes(b -> BackendMessages.backendKeyData(b, 1234, -2)));
    }

    @Test
    void readyForQuery() {
        assertArrayEquals(hex("5A 00000005 49"), bytes(b -> BackendMessages.readyForQuery(b, 'I')));
        assertArrayEquals(hex("5A 00000005 54"), bytes(b -> BackendMessages.readyForQuery(b, 'T')));
        assertArrayEquals(hex("5A 00000005 45"), bytes(b -> BackendMessages.readyForQuery(b, 'E')));
    }

    @Test
    void copyInAndCopyOutResponses() {
        // overall format 0 (text), 3 columns, each format 0
        assertArrayEquals(hex("47 0000000D 00 0003 0000 0000 0000"), bytes(b -> BackendMessages.copyInResponse(b, 3)));
        assertArrayEquals(hex("48 00000009 00 0001 0000"), bytes(b -> BackendMessages.copyOutResponse(b, 1)));
        assertArrayEquals(hex("48 00000007 00 0000"), bytes(b -> BackendMessages.copyOutResponse(b, 0)));
    }

    @Test
    void copyDataAndCopyDone() {
        assertArrayEquals(Wire.concat(hex("64 00000009"), "1\tab\n".getBytes()),
                bytes(b -> BackendMessages.copyData(b, "1\tab\n".getBytes())));
        assertArrayEquals(hex("63 00000004"), bytes(BackendMessages::copyDone));
    }

    @Test
    void emptyBodyMessages() {
        assertArrayEquals(hex("49 00000004"), bytes(BackendMessages::emptyQueryResponse));
        assertArrayEquals(hex("31 00000004"), bytes(BackendMessages::parseComplete));
        assertArrayEquals(hex("32 00000004"), bytes(BackendMessages::bindComplete));
        assertArrayEquals(hex("33 00000004"), bytes(BackendMessages::closeComplete));
        assertArrayEquals(hex("6E 00000004"), bytes(BackendMessages::noData));
        assertArrayEquals(hex("73 00000004"), bytes(BackendMessages::portalSuspended));
    }

    @Test
    void commandComplete() {
        assertArrayEquals(Wire.concat(hex("43 0000000D"), "SELECT 1\0".getBytes()),
                bytes(b -> BackendMessages.commandComplete(b, "SELECT 1")));
    }

    @Test
    void negotiateProtocolVersion() {
        assertArrayEquals(Wire.concat(hex("76 00000013 00000000 00000001"), "_pq_.x\0".getBytes()),
                bytes(b -> BackendMessages.negotiateProtocolVersion(b, 0, List.of("_pq_.x"))));
    }

    @Test
    void rowDescription() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("id", ColumnType.of(DataType.INTEGER), 16384, 1),
                new ResultColumn("name", ColumnType.of(DataType.VARCHAR, 20), 16384, 2),
                new ResultColumn("price", new ColumnType(DataType.NUMERIC, 10, 2), 0, 0));
        byte[] expected = Wire.concat(hex("54 0000004A 0003"),
                "id\0".getBytes(), hex("00004000 0001 00000017 0004 FFFFFFFF 0000"),
                "name\0".getBytes(), hex("00004000 0002 00000413 FFFF 00000018 0001"),
                "price\0".getBytes(), hex("00000000 0000 000006A4 FFFF 000A0006 0001"));
        assertArrayEquals(expected, bytes(b -> BackendMessages.rowDescription(b, columns, new short[] {0, 1, 1})));
    }

    @Test
    void parameterDescription() {
        assertArrayEquals(hex("74 0000000E 0002 00000017 00000019"),
                bytes(b -> BackendMessages.parameterDescription(b, List.of(DataType.INTEGER, DataType.TEXT))));
    }

    @Test
    void dataRowTextAndBinary() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("a", ColumnType.of(DataType.INTEGER), 0, 0),
                new ResultColumn("b", ColumnType.of(DataType.TEXT), 0, 0),
                new ResultColumn("c", ColumnType.of(DataType.NUMERIC), 0, 0));
        Object[] row = {7, null, new BigDecimal("1.50")};
        assertArrayEquals(Wire.concat(hex("44 00000017 0003 00000001 37 FFFFFFFF 00000004"), "1.50".getBytes()),
                bytes(b -> BackendMessages.dataRow(b, columns, null, row)));
        assertArrayEquals(hex("44 00000022 0003 00000004 00000007 FFFFFFFF 0000000C 0002 0000 0000 0002 0001 1388"),
                bytes(b -> BackendMessages.dataRow(b, columns, new short[] {1, 1, 1}, row)));
    }

    @Test
    void errorResponseFields() {
        RustyDbException e = new RustyDbException(ErrorCode.UNDEFINED_TABLE, "nope").withPosition(15)
                .withDetail("some detail").withHint("some hint");
        byte[] bytes = bytes(b -> BackendMessages.errorResponse(b, PgError.of(e)));
        List<Wire.Message> messages = Wire.messages(bytes);
        assertEquals(1, messages.size());
        assertEquals('E', messages.get(0).type());
        Map<Character, String> fields = Wire.fields(messages.get(0).body());
        assertEquals(List.of('S', 'V', 'C', 'M', 'D', 'H', 'P'), List.copyOf(fields.keySet()));
        assertEquals("ERROR", fields.get('S'));
        assertEquals("ERROR", fields.get('V'));
        assertEquals("42P01", fields.get('C'));
        assertEquals("relation \"nope\" does not exist", fields.get('M'));
        assertEquals("some detail", fields.get('D'));
        assertEquals("some hint", fields.get('H'));
        assertEquals("15", fields.get('P'));
        assertEquals(0, bytes[bytes.length - 1]);
    }

    @Test
    void errorResponseExactBytesWithoutOptionalFields() {
        byte[] bytes = bytes(b -> BackendMessages.errorResponse(b, PgError.fatal(ErrorCode.TOO_MANY_CONNECTIONS)));
        byte[] body = "SFATAL\0VFATAL\0C53300\0Msorry, too many clients already\0\0".getBytes();
        assertArrayEquals(Wire.concat(new byte[] {'E'}, Wire.withLength(body)), bytes);
    }

    @Test
    void noticeResponse() {
        byte[] bytes = bytes(b -> BackendMessages.noticeResponse(b,
                new PgError("WARNING", "25001", "there is already a transaction in progress", null, null, 0)));
        Wire.Message m = Wire.messages(bytes).get(0);
        assertEquals('N', m.type());
        Map<Character, String> fields = Wire.fields(m.body());
        assertEquals("WARNING", fields.get('S'));
        assertEquals("25001", fields.get('C'));
        assertFalse(fields.containsKey('P'));
    }

    @Test
    void abandonedMessageLeavesEarlierOnes() {
        PgBuffer b = new PgBuffer(4);
        BackendMessages.parseComplete(b);
        b.begin('D').writeShort(1);
        b.abandonMessage();
        BackendMessages.bindComplete(b);
        assertArrayEquals(hex("31 00000004 32 00000004"), b.toByteArray());
    }

    @Test
    void dropCompletedKeepsAMessageInProgress() {
        PgBuffer b = new PgBuffer(4);
        BackendMessages.parseComplete(b);
        b.begin('C').writeCString("SELECT 1");
        assertArrayEquals(hex("31 00000004"), completed(b));
        b.dropCompleted();
        b.end();
        assertArrayEquals(Wire.concat(hex("43 0000000D"), "SELECT 1\0".getBytes()), completed(b));
        b.dropCompleted();
        assertEquals(0, b.size());
    }

    private static byte[] completed(PgBuffer b) {
        return java.util.Arrays.copyOf(b.array(), b.completedSize());
    }
}
