package io.rustydb.sql.parser.tx;

import java.util.Locale;
import org.apache.calcite.sql.SqlWriter;

/**
 * The modes of {@code BEGIN}, {@code START TRANSACTION} and {@code SET TRANSACTION}. A
 * {@code null} component was not specified and keeps the session default.
 *
 * @param isolationLevel {@code ISOLATION LEVEL ...}, or {@code null}
 * @param accessMode {@code READ WRITE} / {@code READ ONLY}, or {@code null}
 * @param deferrable {@code DEFERRABLE} / {@code NOT DEFERRABLE}, or {@code null}
 */
public record TransactionModes(IsolationLevel isolationLevel, AccessMode accessMode, Boolean deferrable) {
    /** No mode given. */
    public static final TransactionModes NONE = new TransactionModes(null, null, null);

    public TransactionModes withIsolationLevel(IsolationLevel level) {
        return new TransactionModes(level, accessMode, deferrable);
    }

    public TransactionModes withAccessMode(AccessMode mode) {
        return new TransactionModes(isolationLevel, mode, deferrable);
    }

    public TransactionModes withDeferrable(boolean value) {
        return new TransactionModes(isolationLevel, accessMode, value);
    }

    public boolean isEmpty() {
        return isolationLevel == null && accessMode == null && deferrable == null;
    }

    /** Writes the modes as {@code ISOLATION LEVEL ..., READ ONLY, ...}. */
    void unparse(SqlWriter writer) {
        SqlWriter.Frame frame = writer.startList("", "");
        if (isolationLevel != null) {
            writer.sep(",");
            writer.keyword("ISOLATION LEVEL");
            writer.keyword(isolationLevel.sqlName().toUpperCase(Locale.ROOT));
        }
        if (accessMode != null) {
            writer.sep(",");
            writer.keyword(accessMode.sqlName());
        }
        if (deferrable != null) {
            writer.sep(",");
            writer.keyword(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
        }
        writer.endList(frame);
    }
}
