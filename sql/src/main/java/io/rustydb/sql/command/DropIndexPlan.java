package io.rustydb.sql.command;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.EngineContext;
import io.rustydb.sql.exec.Execution;
import io.rustydb.sql.exec.PositionedException;
import io.rustydb.sql.exec.StatementContext;
import io.rustydb.sql.exec.Tables;
import io.rustydb.sql.exec.UtilityPlan;
import io.rustydb.sql.parser.ddl.SqlDropIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * DROP INDEX [IF EXISTS] a, b: every name is resolved first (a missing one without IF EXISTS
 * drops none); each index leaves its table's definition in one durable step and its entries are
 * deleted after it. A primary key's index cannot be dropped this way (2BP01, as in PostgreSQL).
 */
public final class DropIndexPlan extends UtilityPlan {
    private final EngineContext engine;
    private final SqlDropIndex node;

    public DropIndexPlan(EngineContext engine, SqlDropIndex node) {
        this.engine = engine;
        this.node = node;
    }

    @Override
    public Execution start(StatementContext context, List<Object> parameters) {
        Catalog catalog = engine.catalog();
        List<String[]> targets = new ArrayList<>();
        for (SqlIdentifier name : node.names()) {
            String schema = Tables.schema(name);
            String simple = Tables.simpleName(name);
            Optional<TableDef> owner = catalog.indexOwner(schema, simple);
            if (owner.isEmpty()) {
                if (node.ifExists()) {
                    context.notice("NOTICE", "00000", "index \"" + simple + "\" does not exist, skipping");
                    continue;
                }
                throw new PositionedException(new RustyDbException(ErrorCode.UNDEFINED_OBJECT,
                        "index \"" + simple + "\" does not exist"), name);
            }
            if (owner.get().hasPrimaryKey() && owner.get().primaryKeyName().equals(simple)) {
                throw new RustyDbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + simple
                        + " because constraint " + simple + " on table " + owner.get().name() + " requires it")
                        .withHint("You can drop constraint " + simple + " on table " + owner.get().name() + " instead.");
            }
            targets.add(new String[] {schema, simple});
        }
        int session = context.session().sessionId();
        for (String[] target : targets) {
            TableDef table = catalog.indexOwner(target[0], target[1]).orElse(null);
            if (table == null) {
                continue;
            }
            catalog.locks().lockExclusive(table.id(), session, context);
            try {
                TableDef current = catalog.table(table.schema(), table.name()).orElse(table);
                List<IndexDef> kept = new ArrayList<>();
                IndexDef dropped = null;
                for (IndexDef i : current.indexes()) {
                    if (i.name().equals(target[1])) {
                        dropped = i;
                    } else {
                        kept.add(i);
                    }
                }
                if (dropped != null) {
                    catalog.replaceTable(current, current.withIndexes(kept));
                    catalog.retireObject(current.tablespace(), dropped.id());
                }
            } finally {
                catalog.locks().unlockExclusive(table.id(), session);
            }
        }
        return Execution.completed("DROP INDEX");
    }
}
