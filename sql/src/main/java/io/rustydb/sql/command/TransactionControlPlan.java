package io.rustydb.sql.command;

import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.tx.SqlBeginTransaction;
import io.rustydb.sql.parser.tx.SqlCommitTransaction;
import io.rustydb.sql.parser.tx.SqlRollbackTransaction;
import io.rustydb.sql.parser.tx.SqlSetTransaction;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** BEGIN, COMMIT, ROLLBACK and SET TRANSACTION: the session's transaction control. */
public final class TransactionControlPlan extends UtilityPlan {
    private final SqlNode node;

    public TransactionControlPlan(SqlNode node) {
        this.node = node;
    }

    /** True for the nodes this plan handles. */
    public static boolean handles(SqlNode node) {
        return node instanceof SqlBeginTransaction || node instanceof SqlCommitTransaction
                || node instanceof SqlRollbackTransaction || node instanceof SqlSetTransaction;
    }

    /** COMMIT and ROLLBACK are the only statements a failed transaction accepts. */
    public boolean endsTransaction() {
        return node instanceof SqlCommitTransaction || node instanceof SqlRollbackTransaction;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        if (node instanceof SqlBeginTransaction begin) {
            context.session().begin(begin.modes());
            return Execution.completed(begin.startTransaction() ? "START TRANSACTION" : "BEGIN");
        }
        if (node instanceof SqlCommitTransaction) {
            return Execution.completed(context.session().commit());
        }
        if (node instanceof SqlRollbackTransaction) {
            context.session().rollback();
            return Execution.completed("ROLLBACK");
        }
        SqlSetTransaction set = (SqlSetTransaction) node;
        context.session().setTransactionModes(set.modes(), set.sessionCharacteristics());
        return Execution.completed("SET");
    }
}
