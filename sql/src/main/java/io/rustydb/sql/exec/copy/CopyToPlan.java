package io.rustydb.sql.exec.copy;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.common.types.DataType;
import io.rustydb.sql.CopyDescription;
import io.rustydb.sql.CopySink;
import io.rustydb.sql.ResultColumn;
import io.rustydb.sql.exec.CopyToStdout;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.QueryPlan;
import io.rustydb.sql.exec.StatementContext;
import java.util.ArrayList;
import java.util.List;

/** {@code COPY table [(columns)] TO STDOUT} and {@code COPY (query) TO STDOUT}: the query's rows, streamed. */
public final class CopyToPlan implements CopyToStdout {
    private final QueryPlan query;
    private final CopyFormat format;

    CopyToPlan(QueryPlan query, CopyFormat format) {
        this.query = query;
        this.format = format;
    }

    @Override
    public CopyDescription copy() {
        return new CopyDescription(false, format.csv(), query.columns().size());
    }

    @Override
    public List<ResultColumn> columns() {
        return List.of();
    }

    @Override
    public List<DataType> parameterTypes() {
        return query.parameterTypes();
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        throw new RustyDbException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY TO STDOUT outside the COPY protocol");
    }

    @Override
    public long copyOut(StatementContext context, List<Object> parameters, CopySink sink) {
        List<DataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ResultColumn c : query.columns()) {
            types.add(c.type().type());
            names.add(c.name());
        }
        CopyEncoder encoder = new CopyEncoder(format, types);
        if (format.header()) {
            sink.row(encoder.header(names));
        }
        long[] rows = {0};
        try (Execution execution = query.start(context, parameters)) {
            execution.fetch(0, row -> {
                sink.row(encoder.row(row));
                rows[0]++;
            });
        }
        return rows[0];
    }
}
