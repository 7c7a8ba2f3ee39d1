package io.rustydb.sql.exec.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.CopyDescription;
import io.rustydb.sql.CopyIn;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.CopyFromStdin;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.ModificationPlan;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.TableLoader;
import java.util.List;

/**
 * {@code COPY table [(columns)] FROM STDIN}: rows are decoded as the client's data arrives and
 * written in the statement's transaction, so the load is atomic and its input is never held in
 * memory as a whole.
 */
public final class CopyFromPlan extends ModificationPlan implements CopyFromStdin {
    private static final int CANCEL_CHECK_ROWS = 1024;

    private final EngineContext engine;
    private final TableDef table;
    private final int[] targets;
    private final CopyFormat format;

    public CopyFromPlan(EngineContext engine, TableDef table, int[] targets, CopyFormat format) {
        super(List.of());
        this.engine = engine;
        this.table = table;
        this.targets = targets;
        this.format = format;
    }

    @Override
    public CopyDescription copy() {
        return new CopyDescription(true, format.csv(), targets.length);
    }

    @Override
    public int tableId() {
        return table.id();
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY FROM STDIN outside the COPY protocol");
    }

    @Override
    public CopyIn open(StatementContext context, List<Object> parameters) {
        TableLoader loader = TableLoader.create(engine, table, targets, context);
        long[] rows = {0};
        CopyDecoder decoder = new CopyDecoder(format, targets.length, fields -> {
            if (++rows[0] % CANCEL_CHECK_ROWS == 0) {
                context.checkCancelled();
            }
            loader.load(fields, rows[0]);
        });
        return new CopyIn() {
            @Override
            public void data(byte[] chunk) {
                decoder.feed(chunk);
            }

            @Override
            public String finish() {
                decoder.finish();
                return "COPY " + rows[0];
            }

            @Override
            public void fail(String message) {
                // the session rolls the statement back
            }
        };
    }
}
