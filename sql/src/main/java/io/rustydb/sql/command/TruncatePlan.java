package io.rustydb.sql.command;

import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.IndexRenumbering;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.dml.SqlTruncate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * TRUNCATE [TABLE] a, b: each table gets a new, empty key range in one durable catalog step and
 * its old rows are deleted after it. Like other DDL here it takes effect at once, outside any
 * open transaction, and waits for transactions that wrote the tables.
 */
public final class TruncatePlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlTruncate node;

    public TruncatePlan(EngineContext engine, SqlTruncate node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        List<TableDef> tables = new ArrayList<>();
        for (SqlIdentifier name : node.tables()) {
            tables.add(Tables.resolve(engine.catalog(), name));
        }
        int session = context.session().sessionId();
        for (TableDef table : tables) {
            engine.catalog().locks().lockExclusive(table.id(), session, context);
            try {
                TableDef current = engine.catalog().table(table.schema(), table.name()).orElse(table);
                TableDef emptied = new TableDef(engine.catalog().newObjectId(), current.schema(), current.name(),
                        current.tablespace(), current.columns(), current.primaryKey(),
                        IndexRenumbering.fresh(engine.catalog(), current.indexes()));
                engine.catalog().replaceTable(current, emptied);
                engine.catalog().recordRowCount(emptied.id(), 0);
                engine.catalog().deleteRows(current);
                if (node.restartIdentity()) {
                    for (var seq : engine.catalog().sequences().ownedBy(emptied)) {
                        engine.catalog().sequences().restart(seq, seq.start());
                    }
                }
            } finally {
                engine.catalog().locks().unlockExclusive(table.id(), session);
            }
        }
        return Execution.completed("TRUNCATE TABLE");
    }
}
