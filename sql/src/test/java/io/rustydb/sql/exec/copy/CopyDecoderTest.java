package io.rustydb.sql.exec.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.common.RustyDbException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyDecoderTest {

    private static List<String[]> decode(CopyFormat format, int columns, String... chunks) {
        List<String[]> rows = new ArrayList<>();
        CopyDecoder decoder = new CopyDecoder(format, columns, rows::add);
        for (String chunk : chunks) {
            decoder.feed(chunk.getBytes(StandardCharsets.UTF_8));
        }
        decoder.finish();
        return rows;
    }

    @Test
    void textFormatWithNullsEscapesAndEndMarker() {
        List<String[]> rows = decode(CopyFormat.textDefaults(), 3, "1\tab\\tc\t\\N\n2\t", "x\\\\y\t\\101\n\\.\nignored\n");
        assertEquals(2, rows.size());
        assertArrayEquals(new String[] {"1", "ab\tc", null}, rows.get(0));
        assertArrayEquals(new String[] {"2", "x\\y", "A"}, rows.get(1));
    }

    @Test
    void rowsSplitAnywhereAcrossChunks() {
        List<String[]> rows = decode(CopyFormat.textDefaults(), 2, "1", "0\tä", "ö\n2", "0\tz\r\n", "30\tlast");
        assertEquals(3, rows.size());
        assertArrayEquals(new String[] {"10", "äö"}, rows.get(0));
        assertArrayEquals(new String[] {"20", "z"}, rows.get(1));
        assertArrayEquals(new String[] {"30", "last"}, rows.get(2));
    }

    @Test
    void csvQuotesNewlinesAndNulls() {
        CopyFormat csv = new CopyFormat(true, ',', "", '"', '"', true);
        List<String[]> rows = decode(csv, 3, "id,name,note\n1,\"a, \"\"b\"\"\",\n2,\"multi\nline\",\"\"\n");
        assertEquals(2, rows.size());
        assertArrayEquals(new String[] {"1", "a, \"b\"", null}, rows.get(0));
        assertArrayEquals(new String[] {"2", "multi\nline", ""}, rows.get(1));
    }

    @Test
    void wrongFieldCountIs22P04WithTheLine() {
        RustyDbException e = assertThrows(RustyDbException.class, () -> decode(CopyFormat.textDefaults(), 2, "1\t2\n3\n"));
        assertEquals("22P04", e.sqlState());
        assertEquals("missing data for column 2", e.getMessage());
        assertEquals("COPY data line 2", e.detail());
    }
}
