package io.rustydb.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rustydb.common.RustyDbException;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class RocksErrorsTest {

    @Test
    void mapsStatusCodesToSqlStates() {
        assertEquals("55P03", sqlState(Status.Code.TimedOut, Status.SubCode.LockTimeout, "Operation timed out"));
        assertEquals("40P01", sqlState(Status.Code.Busy, Status.SubCode.Deadlock, "Deadlock"));
        assertEquals("40P01", sqlState(Status.Code.Busy, Status.SubCode.None, "Resource busy: Deadlock"));
        assertEquals("40001", sqlState(Status.Code.Busy, Status.SubCode.None, "Write conflict"));
        assertEquals("53100", sqlState(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
        assertEquals("53100", sqlState(Status.Code.IOError, Status.SubCode.None, "IO error: No space left"));
        assertEquals("58030", sqlState(Status.Code.IOError, Status.SubCode.None, "IO error: EIO"));
        assertEquals("XX000", sqlState(Status.Code.Corruption, Status.SubCode.None, "bad block"));
    }

    @Test
    void keepsTheRocksDbFailureAsCause() {
        RocksDBException cause = new RocksDBException("No space left on device",
                new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
        RustyDbException e = RocksErrors.translate(cause, "USERS");
        assertSame(cause, e.getCause());
        assertEquals("could not extend tablespace \"USERS\": No space left on device", e.getMessage());
    }

    private static String sqlState(Status.Code code, Status.SubCode sub, String message) {
        return RocksErrors.translate(new RocksDBException(message, new Status(code, sub, message)), "USERS")
                .sqlState();
    }
}
