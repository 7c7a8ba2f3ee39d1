package io.rustydb.sql.exec;

import io.rustydb.sql.CopySink;
import java.util.List;

/** A plan that streams rows to the client ({@code COPY ... TO STDOUT}). */
public interface CopyToStdout extends StatementPlan {

    /** Writes every row to {@code sink}; returns the number of rows. */
    long copyOut(StatementContext context, List<Object> parameters, CopySink sink);
}
