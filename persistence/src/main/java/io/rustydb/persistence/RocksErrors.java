package io.rustydb.persistence;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Translates {@link RocksDBException} into {@link RustyDbException} with the PostgreSQL SQLSTATE
 * at the storage boundary: lock wait timeout 55P03, deadlock 40P01, write conflict 40001,
 * no space 53100, other I/O 58030, anything else XX000.
 */
final class RocksErrors {

    private RocksErrors() {
    }

    /**
     * @param e the RocksDB failure
     * @param tablespace the tablespace the operation touched, or {@code null} for a commit or
     *     flush that spans all of them
     */
    static RustyDbException translate(RocksDBException e, String tablespace) {
        Status status = e.getStatus();
        Status.Code code = status == null ? Status.Code.Undefined : status.getCode();
        Status.SubCode sub = status == null ? Status.SubCode.None : status.getSubCode();
        String message = message(e);
        String where = tablespace == null ? "WAL" : tablespace;
        switch (code) {
            case TimedOut:
                return RustyDbException.wrap(ErrorCode.LOCK_NOT_AVAILABLE, e,
                        "row in tablespace \"" + where + "\"");
            case Busy:
                if (sub == Status.SubCode.Deadlock || message.contains("Deadlock")) {
                    return RustyDbException.wrap(ErrorCode.DEADLOCK_DETECTED, e);
                }
                return RustyDbException.wrap(ErrorCode.SERIALIZATION_FAILURE, e, "concurrent update");
            case TryAgain:
                return RustyDbException.wrap(ErrorCode.SERIALIZATION_FAILURE, e, "concurrent update");
            case IOError:
                if (sub == Status.SubCode.NoSpace || message.contains("No space")) {
                    return RustyDbException.wrap(ErrorCode.DISK_FULL, e, where, message);
                }
                return RustyDbException.wrap(ErrorCode.IO_ERROR, e, message);
            default:
                if (sub == Status.SubCode.NoSpace) {
                    return RustyDbException.wrap(ErrorCode.DISK_FULL, e, where, message);
                }
                return RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, "RocksDB: " + message);
        }
    }

    private static String message(RocksDBException e) {
        String m = e.getMessage();
        if (m == null && e.getStatus() != null) {
            m = e.getStatus().getState();
        }
        return m == null ? "unknown error" : m;
    }

    /** True for RocksDB's "Incomplete": a read limited to the block cache needed a file. */
    static boolean incomplete(RocksDBException e) {
        return e.getStatus() != null && e.getStatus().getCode() == Status.Code.Incomplete;
    }

    /** True when a row lock could not be taken in time because another transaction holds it. */
    static boolean lockBusy(RocksDBException e) {
        return e.getStatus() != null && e.getStatus().getCode() == Status.Code.TimedOut;
    }
}
