package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.parser.ddl.SqlDropTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * DROP TABLE [IF EXISTS] a, b. Every named table is resolved before any is dropped, so a missing
 * one (without IF EXISTS) drops nothing, as in PostgreSQL.
 */
public final class DropTablePlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlDropTable node;

    public DropTablePlan(EngineContext engine, SqlDropTable node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        List<TableDef> tables = new ArrayList<>();
        for (SqlIdentifier name : node.names()) {
            var table = engine.catalog().table(Tables.schema(name), Tables.simpleName(name));
            if (table.isPresent()) {
                tables.add(table.get());
            } else if (node.ifExists()) {
                context.notice("NOTICE", "00000", "table \"" + Tables.simpleName(name) + "\" does not exist, skipping");
            } else {
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_TABLE,
                        Tables.simpleName(name)), name);
            }
        }
        for (TableDef table : tables) {
            int session = context.session().sessionId();
            engine.catalog().locks().lockExclusive(table.id(), session, context);
            try {
                engine.catalog().dropTable(table);
                for (var seq : engine.catalog().sequences().ownedBy(table)) {
                    engine.catalog().dropSequence(seq);
                }
            } finally {
                engine.catalog().locks().unlockExclusive(table.id(), session);
            }
        }
        return Execution.completed("DROP TABLE");
    }
}
