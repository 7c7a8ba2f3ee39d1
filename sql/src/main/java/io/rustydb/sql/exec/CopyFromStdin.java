package io.rustydb.sql.exec;

import io.rustydb.sql.CopyIn;
import java.util.List;

/** A plan that loads rows the client streams ({@code COPY ... FROM STDIN}). */
public interface CopyFromStdin extends StatementPlan {

    /** Opens the load in the statement's transaction; the session ends the statement with it. */
    CopyIn open(StatementContext context, List<Object> parameters);
}
