package io.rustydb.pgwire;

import io.rustydb.common.types.ColumnType;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.ResultColumn;
import java.util.List;

/** Encoders of the backend (server to client) messages of protocol 3.0, written into a {@link PgBuffer}. */
final class BackendMessages {

    /** The single byte that refuses an SSLRequest or GSSENCRequest. */
    static final byte ENCRYPTION_REFUSED = 'N';

    private BackendMessages() {
    }

    static void authenticationOk(PgBuffer b) {
        b.begin('R').writeInt(0).end();
    }

    static void parameterStatus(PgBuffer b, String name, String value) {
        b.begin('S').writeCString(name).writeCString(value == null ? "" : value).end();
    }

    static void backendKeyData(PgBuffer b, int processId, int secretKey) {
        b.begin('K').writeInt(processId).writeInt(secretKey).end();
    }

    static void readyForQuery(PgBuffer b, char transactionStatus) {
        b.begin('Z').writeByte(transactionStatus).end();
    }

    /** Tells a client asking for 3.x (x > 0) or {@code _pq_.} options what the server speaks. */
    static void negotiateProtocolVersion(PgBuffer b, int newestMinor, List<String> unrecognizedOptions) {
        b.begin('v').writeInt(newestMinor).writeInt(unrecognizedOptions.size());
        for (String option : unrecognizedOptions) {
            b.writeCString(option);
        }
        b.end();
    }

    /**
     * RowDescription; {@code formats} holds one format code per column (0 text, 1 binary), or is
     * null for all text.
     */
    static void rowDescription(PgBuffer b, List<ResultColumn> columns, short[] formats) {
        b.begin('T').writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            ColumnType type = c.type();
            DataType dataType = type.type();
            b.writeCString(c.name())
                    .writeInt(c.tableOid())
                    .writeShort(c.columnNumber())
                    .writeInt(dataType.oid())
                    .writeShort(dataType.fixedWidth())
                    .writeInt(type.typmod())
                    .writeShort(formats == null ? 0 : formats[i]);
        }
        b.end();
    }

    static void parameterDescription(PgBuffer b, List<DataType> types) {
        b.begin('t').writeShort(types.size());
        for (DataType t : types) {
            b.writeInt(t == null ? 0 : t.oid());
        }
        b.end();
    }

    static void noData(PgBuffer b) {
        b.begin('n').end();
    }

    /** A DataRow with each value in its column's format (null formats: all text). */
    static void dataRow(PgBuffer b, List<ResultColumn> columns, short[] formats, Object[] row) {
        b.begin('D').writeShort(row.length);
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                b.writeInt(-1);
                continue;
            }
            DataType type = i < columns.size() ? columns.get(i).type().type() : DataType.TEXT;
            int lengthAt = b.reserveInt();
            int start = b.size();
            if (formats != null && formats[i] == PgTypeCodec.BINARY) {
                PgTypeCodec.writeBinary(b, type, value);
            } else {
                b.writeUtf8(PgTypeCodec.encodeText(type, value));
            }
            b.patchInt(lengthAt, b.size() - start);
        }
        b.end();
    }

    static void commandComplete(PgBuffer b, String tag) {
        b.begin('C').writeCString(tag == null ? "" : tag).end();
    }

    static void emptyQueryResponse(PgBuffer b) {
        b.begin('I').end();
    }

    static void portalSuspended(PgBuffer b) {
        b.begin('s').end();
    }

    static void parseComplete(PgBuffer b) {
        b.begin('1').end();
    }

    static void bindComplete(PgBuffer b) {
        b.begin('2').end();
    }

    static void closeComplete(PgBuffer b) {
        b.begin('3').end();
    }

    /** CopyInResponse: the server is ready for COPY FROM STDIN data, text format (also for CSV). */
    static void copyInResponse(PgBuffer b, int columns) {
        copyResponse(b.begin('G'), columns);
    }

    /** CopyOutResponse: COPY TO STDOUT rows follow as CopyData, text format (also for CSV). */
    static void copyOutResponse(PgBuffer b, int columns) {
        copyResponse(b.begin('H'), columns);
    }

    private static void copyResponse(PgBuffer b, int columns) {
        b.writeByte(PgTypeCodec.TEXT).writeShort(columns);
        for (int i = 0; i < columns; i++) {
            b.writeShort(PgTypeCodec.TEXT);
        }
        b.end();
    }

    /** CopyData carrying one encoded row of a COPY TO STDOUT, its newline included. */
    static void copyData(PgBuffer b, byte[] data) {
        b.begin('d').writeBytes(data).end();
    }

    static void copyDone(PgBuffer b) {
        b.begin('c').end();
    }

    static void errorResponse(PgBuffer b, PgError e) {
        fields(b.begin('E'), e);
    }

    static void noticeResponse(PgBuffer b, PgError e) {
        fields(b.begin('N'), e);
    }

    private static void fields(PgBuffer b, PgError e) {
        field(b, 'S', e.severity());
        field(b, 'V', e.severity());
        field(b, 'C', e.sqlState());
        field(b, 'M', e.message() == null ? "" : e.message());
        field(b, 'D', e.detail());
        field(b, 'H', e.hint());
        if (e.position() > 0) {
            field(b, 'P', Integer.toString(e.position()));
        }
        b.writeByte(0).end();
    }

    private static void field(PgBuffer b, char code, String value) {
        if (value != null) {
            b.writeByte(code).writeCString(value);
        }
    }
}
